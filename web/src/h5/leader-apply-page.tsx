import { useQuery } from '@tanstack/react-query';
import { Button, Cascader, type CascaderOption, Form, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api';
import { type ApplyRegion, applyApi } from '../leader-onboarding-api';
import { useLocale } from '../locale-context';
import { H5Input } from '../shared/h5-input';
import { H5Error, pageStyle } from './h5-shared';
import { Card, FieldError, rememberApplication, statusPath } from './leader-apply-shared';

const FORM_FIELDS = [
  'body.name',
  'body.phone',
  'body.idNumber',
  'body.regionId',
  'body.pickupPoint.name',
  'body.pickupPoint.address',
  'body.pickupPoint.latitude',
  'body.pickupPoint.longitude',
  'body.pickupPoint.openingHours',
  'body.referrerCode',
];

/** The region list as the cascader's tree: provinces at the top, their cities and districts below. */
function regionTree(regions: ApplyRegion[]): CascaderOption[] {
  const byParent = new Map<string | null, ApplyRegion[]>();
  for (const r of regions) {
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const known = new Set(regions.map((r) => r.id));
  const build = (parent: string | null, depth: number): CascaderOption[] =>
    (byParent.get(parent) ?? []).map((r) => {
      const children = depth < 8 ? build(r.id, depth + 1) : [];
      return children.length ? { label: r.name, value: r.id, children } : { label: r.name, value: r.id };
    });
  // Regions whose parent is not listed are shown at the top too.
  const roots = regions.filter((r) => r.parentId === null || !known.has(r.parentId));
  return roots.map((r) => {
    const children = build(r.id, 1);
    return children.length ? { label: r.name, value: r.id, children } : { label: r.name, value: r.id };
  });
}

/** The region and its ancestors, top first. */
function pathOf(regions: ApplyRegion[], id: string): ApplyRegion[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const path: ApplyRegion[] = [];
  for (let r = byId.get(id); r && path.length < 8; r = r.parentId ? byId.get(r.parentId) : undefined)
    path.unshift(r);
  return path;
}

/**
 * `/h5/apply?ref=CODE`: a person applies to become a leader (申请成为团长). The invite link's code
 * fills in the referrer. Every check the server makes is shown under the field it concerns.
 */
export function LeaderApplyPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const refFromLink = (search.get('ref') ?? '').trim().toUpperCase();
  const form = useQuery({ queryKey: ['apply', 'form'], queryFn: applyApi.form, staleTime: 5 * 60_000 });
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [regionOpen, setRegionOpen] = useState(false);
  const [ppName, setPpName] = useState('');
  const [address, setAddress] = useState('');
  const [latitude, setLatitude] = useState('');
  const [longitude, setLongitude] = useState('');
  const [hours, setHours] = useState('');
  const [referrerCode, setReferrerCode] = useState(refFromLink);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const referrer = useQuery({
    queryKey: ['apply', 'referrer', refFromLink],
    queryFn: () => applyApi.referrer(refFromLink),
    enabled: refFromLink.length > 0,
    retry: false,
  });
  const regions = form.data?.regions ?? [];
  const options = useMemo(() => regionTree(regions), [regions]);

  function locate() {
    if (!navigator.geolocation) {
      Toast.show({ content: t('apply.locateUnavailable') });
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLatitude(pos.coords.latitude.toFixed(6));
        setLongitude(pos.coords.longitude.toFixed(6));
      },
      () => Toast.show({ content: t('apply.locateFailed') }),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  }

  function localError(field: string, message: string): ApiError {
    return new ApiError(400, { code: 'apply.required', message, messageZh: message, field });
  }

  async function submit() {
    const missing: Array<[string, string]> = [
      ['body.name', name],
      ['body.phone', phone],
      ['body.idNumber', idNumber],
      ['body.regionId', regionId ?? ''],
      ['body.pickupPoint.name', ppName],
      ['body.pickupPoint.address', address],
      ['body.pickupPoint.latitude', latitude],
      ['body.pickupPoint.longitude', longitude],
      ['body.pickupPoint.openingHours', hours],
    ];
    const empty = missing.find(([, v]) => !v.trim());
    if (empty) {
      setError(localError(empty[0], t('apply.required')));
      return;
    }
    const lat = Number(latitude);
    const lng = Number(longitude);
    if (!Number.isFinite(lat))
      return setError(localError('body.pickupPoint.latitude', t('apply.notANumber')));
    if (!Number.isFinite(lng))
      return setError(localError('body.pickupPoint.longitude', t('apply.notANumber')));
    setBusy(true);
    setError(null);
    try {
      const result = await applyApi.apply({
        name: name.trim(),
        phone: phone.trim(),
        idNumber: idNumber.trim(),
        regionId: regionId ?? '',
        pickupPoint: {
          name: ppName.trim(),
          address: address.trim(),
          latitude: lat,
          longitude: lng,
          openingHours: hours.trim(),
        },
        referrerCode: referrerCode.trim() || null,
      });
      rememberApplication({
        applicationNo: result.applicationNo,
        token: result.statusToken,
        at: result.createdAt,
      });
      navigate(statusPath(result.statusToken));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  // A refusal about a field of this form is shown under that field; anything else at the foot.
  const fieldNamed = error instanceof ApiError && FORM_FIELDS.includes(error.field ?? '');
  return (
    <div style={pageStyle} data-testid="apply-page">
      <NavBar back={null}>{t('apply.title')}</NavBar>
      <NoticeBar content={t('apply.intro')} color="info" wrap />
      {refFromLink && referrer.data && (
        <NoticeBar
          data-testid="apply-referrer"
          content={t('apply.referredBy', { name: referrer.data.name, code: referrer.data.code })}
          color="success"
        />
      )}
      {refFromLink && referrer.isError && (
        <NoticeBar content={t('apply.referrerUnknown', { code: refFromLink })} color="alert" />
      )}
      {form.isError && <H5Error error={form.error} />}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Card>
          <Form layout="vertical" mode="card">
            <Form.Header>{t('apply.section.person')}</Form.Header>
            <Form.Item label={t('apply.name')}>
              <H5Input
                testId="apply-name"
                value={name}
                onChange={setName}
                maxLength={50}
                autoComplete="name"
              />
              <FieldError error={error} field="body.name" />
            </Form.Item>
            <Form.Item label={t('apply.phone')}>
              <H5Input
                testId="apply-phone"
                value={phone}
                onChange={setPhone}
                type="tel"
                inputMode="tel"
                maxLength={20}
                autoComplete="tel"
              />
              <FieldError error={error} field="body.phone" />
            </Form.Item>
            <Form.Item label={t('apply.idNumber')} description={t('apply.idNumberHint')}>
              <H5Input testId="apply-id-number" value={idNumber} onChange={setIdNumber} maxLength={22} />
              <FieldError error={error} field="body.idNumber" />
            </Form.Item>
            <Form.Item label={t('apply.region')} onClick={() => setRegionOpen(true)} clickable>
              <span data-testid="apply-region" style={{ color: regionId ? '#333' : '#999' }}>
                {regionId
                  ? pathOf(regions, regionId)
                      .map((r) => r.name)
                      .join(' / ')
                  : t('apply.regionPick')}
              </span>
              <FieldError error={error} field="body.regionId" />
            </Form.Item>
          </Form>
        </Card>
        <Card>
          <Form layout="vertical" mode="card">
            <Form.Header>{t('apply.section.pickupPoint')}</Form.Header>
            <Form.Item label={t('apply.ppName')} description={t('apply.ppNameHint')}>
              <H5Input testId="apply-pp-name" value={ppName} onChange={setPpName} maxLength={100} />
              <FieldError error={error} field="body.pickupPoint.name" />
            </Form.Item>
            <Form.Item label={t('apply.address')}>
              <H5Input testId="apply-pp-address" value={address} onChange={setAddress} maxLength={300} />
              <FieldError error={error} field="body.pickupPoint.address" />
            </Form.Item>
            <Form.Item
              label={t('apply.coordinates')}
              description={t('apply.coordinatesHint')}
              extra={
                <Button
                  size="mini"
                  color="primary"
                  fill="outline"
                  onClick={locate}
                  data-testid="apply-locate"
                >
                  {t('apply.locate')}
                </Button>
              }
            >
              <div style={{ display: 'flex', gap: 8 }}>
                <H5Input
                  testId="apply-pp-latitude"
                  value={latitude}
                  onChange={setLatitude}
                  inputMode="decimal"
                  placeholder={t('apply.latitude')}
                  maxLength={20}
                />
                <H5Input
                  testId="apply-pp-longitude"
                  value={longitude}
                  onChange={setLongitude}
                  inputMode="decimal"
                  placeholder={t('apply.longitude')}
                  maxLength={20}
                />
              </div>
              <FieldError error={error} field="body.pickupPoint.latitude" />
              <FieldError error={error} field="body.pickupPoint.longitude" />
            </Form.Item>
            <Form.Item label={t('apply.openingHours')}>
              <H5Input
                testId="apply-pp-hours"
                value={hours}
                onChange={setHours}
                placeholder="08:00-21:00"
                maxLength={200}
              />
              <FieldError error={error} field="body.pickupPoint.openingHours" />
            </Form.Item>
          </Form>
        </Card>
        <Card>
          <Form layout="vertical" mode="card">
            <Form.Item label={t('apply.referrerCode')} description={t('apply.referrerHint')}>
              <H5Input
                testId="apply-referrer-code"
                value={referrerCode}
                onChange={(v) => setReferrerCode(v.toUpperCase())}
                maxLength={10}
              />
              <FieldError error={error} field="body.referrerCode" />
            </Form.Item>
          </Form>
        </Card>
        {error !== null && !fieldNamed && <H5Error error={error} />}
        {error !== null && fieldNamed && (
          <div data-testid="apply-error" style={{ color: '#ff3141', padding: '0 16px' }}>
            {t('apply.fixFields')}
          </div>
        )}
        <div style={{ padding: 16 }}>
          <Button block type="submit" color="primary" size="large" loading={busy} data-testid="apply-submit">
            {t('apply.submit')}
          </Button>
        </div>
      </form>
      <div style={{ textAlign: 'center', paddingBottom: 24 }}>
        <Button
          fill="none"
          size="small"
          onClick={() => navigate('/h5/apply/status')}
          data-testid="apply-my-status"
        >
          {t('apply.myApplications')}
        </Button>
      </div>
      <Cascader
        options={options}
        visible={regionOpen}
        onClose={() => setRegionOpen(false)}
        title={t('apply.region')}
        confirmText={t('common.ok')}
        cancelText={t('common.cancel')}
        value={regionId ? pathOf(regions, regionId).map((r) => r.id) : []}
        onConfirm={(value) => {
          const last = value[value.length - 1];
          if (typeof last === 'string') setRegionId(last);
        }}
      />
    </div>
  );
}

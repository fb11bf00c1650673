import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, List, NavBar, Result, Tag } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api';
import { formatDateTime } from '../format';
import { leaderSelfApi, type MyAgreement } from '../leader-onboarding-api';
import { useLocale } from '../locale-context';
import { H5Input } from '../shared/h5-input';
import { H5Error, pageStyle } from './h5-shared';
import { ChangeInitialPassword, LeaderGate, LeaderQueryError } from './leader-agreement-session';
import { SignaturePad, type SignaturePadHandle } from './leader-agreement-signature';
import { Card, FieldError } from './leader-apply-shared';

const textStyle = {
  whiteSpace: 'pre-wrap' as const,
  lineHeight: 1.7,
  fontSize: 14,
  maxHeight: 320,
  overflowY: 'auto' as const,
  border: '1px solid #eee',
  borderRadius: 8,
  padding: 12,
  background: '#fcfcfc',
};

function SignForm({ data }: { data: MyAgreement }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const pad = useRef<SignaturePadHandle>(null);
  const [typedName, setTypedName] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const current = data.current;
  if (!current) return null;

  async function submit() {
    if (!current) return;
    const png = pad.current?.toDataUrl() ?? null;
    if (!png) {
      const text = t('agreementH5.drawFirst');
      setError(
        new ApiError(400, { code: 'sign.blank', message: text, messageZh: text, field: 'body.signaturePng' }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await leaderSelfApi.sign({
        version: current.version,
        // The hash of the text on this screen, as the server gave it: a newer version is refused, not signed unseen.
        textSha256: current.bodySha256,
        typedName: typedName.trim(),
        consent,
        signaturePng: png,
      });
      await queryClient.invalidateQueries({ queryKey: ['leader-self'] });
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'onboarding.agreement_outdated')
        await queryClient.invalidateQueries({ queryKey: ['leader-self'] });
    } finally {
      setBusy(false);
    }
  }

  // Errors about a field on this form show under it; any other (a newer version, a lost session) below.
  const shownAtField =
    error instanceof ApiError &&
    ['body.typedName', 'body.consent', 'body.signaturePng'].includes(error.field ?? '');
  return (
    <>
      {data.history.length > 0 && (
        <div
          style={{ margin: '12px 12px 0', color: '#ff8f1f', fontSize: 13 }}
          data-testid="agreement-new-version"
        >
          {t('agreementH5.newVersion', { version: current.version })}
        </div>
      )}
      <Card testId="agreement-text-card">
        <div style={{ fontSize: 17, fontWeight: 600, marginBottom: 4 }} data-testid="agreement-title">
          {current.title}
        </div>
        <div style={{ color: '#999', fontSize: 12, marginBottom: 8 }}>
          {t('agreementH5.version', { version: current.version, at: formatDateTime(current.publishedAt) })}
        </div>
        <div style={textStyle} data-testid="agreement-text">
          {current.body}
        </div>
      </Card>
      <Card>
        <div style={{ marginBottom: 8 }}>{t('agreementH5.signer', { name: data.leader.name })}</div>
        <H5Input
          testId="agreement-typed-name"
          value={typedName}
          onChange={setTypedName}
          placeholder={t('agreementH5.typeName')}
          maxLength={50}
        />
        <FieldError error={error} field="body.typedName" />
        <div style={{ margin: '12px 0' }}>
          <Checkbox checked={consent} onChange={setConsent} data-testid="agreement-consent">
            <span style={{ fontSize: 14 }}>{t('agreementH5.consent')}</span>
          </Checkbox>
          <FieldError error={error} field="body.consent" />
        </div>
        <SignaturePad ref={pad} onChange={() => setError(null)} />
        <FieldError error={error} field="body.signaturePng" />
        {error !== null && !shownAtField && <H5Error error={error} />}
        <div style={{ marginTop: 12 }}>
          <Button
            block
            color="primary"
            size="large"
            loading={busy}
            onClick={() => void submit()}
            data-testid="agreement-submit"
          >
            {t('agreementH5.submit')}
          </Button>
        </div>
      </Card>
    </>
  );
}

function AgreementBody() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const title = t('agreementH5.title');
  const query = useQuery({
    queryKey: ['leader-self', 'agreement'],
    queryFn: leaderSelfApi.agreement,
    retry: false,
  });
  if (query.isPending) return <div style={{ padding: 24, textAlign: 'center' }}>{t('app.loading')}</div>;
  if (query.isError) return <LeaderQueryError error={query.error} title={title} />;
  const data = query.data;
  if (data.passwordChangeRequired) return <ChangeInitialPassword title={title} />;
  return (
    <div style={pageStyle} data-testid="agreement-page">
      <NavBar back={null}>{title}</NavBar>
      {data.current === null && <Result status="info" title={t('agreementH5.nothing')} />}
      {data.current !== null && data.signed && data.signature && (
        <>
          <Result
            status="success"
            title={<span data-testid="agreement-signed">{t('agreementH5.signed')}</span>}
            description={t('agreementH5.signedAt', {
              version: data.signature.version,
              at: formatDateTime(data.signature.signedAt),
            })}
          />
          <Card>
            <div style={{ fontWeight: 600, marginBottom: 8 }}>
              {data.current.title} <Tag color="success">v{data.current.version}</Tag>
            </div>
            <div style={textStyle}>{data.current.body}</div>
          </Card>
        </>
      )}
      {data.current !== null && !data.signed && <SignForm data={data} />}
      {data.history.length > 0 && (
        <List header={t('agreementH5.history')}>
          {data.history.map((s) => (
            <List.Item key={s.id} extra={formatDateTime(s.signedAt)}>
              v{s.version}
            </List.Item>
          ))}
        </List>
      )}
      <div style={{ padding: 16, display: 'flex', gap: 8 }}>
        <Button block onClick={() => navigate('/h5/leader/training')} data-testid="agreement-go-training">
          {t('agreementH5.goTraining')}
        </Button>
        <Button block onClick={() => navigate('/h5/portal')}>
          {t('agreementH5.goPortal')}
        </Button>
      </div>
    </div>
  );
}

/** `/h5/leader/agreement`: the logged-in leader reads and signs the current agreement (电子签约). */
export function LeaderAgreementPage() {
  const { t } = useLocale();
  return (
    <LeaderGate title={t('agreementH5.title')}>
      <AgreementBody />
    </LeaderGate>
  );
}

import { Button, Form, List, NavBar, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { formatDateTime } from '../format';
import { useLocale } from '../locale-context';
import { H5Input } from '../shared/h5-input';
import { formatYuan } from '../shared/money';
import { H5Error, pageStyle, statusKey } from './h5-shared';
import { loadLocalOrders, rememberOrder } from './local-orders';
import { type MyOrder, storefrontApi } from './storefront-api';

/** `/h5/my-orders`: the orders this device placed, and a look-up by phone plus a pickup code. */
export function MyOrdersPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [local] = useState(loadLocalOrders);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<MyOrder[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  async function lookup() {
    setLoading(true);
    setError(null);
    try {
      const { items } = await storefrontApi.myOrders(phone.trim(), code.trim());
      setFound(items);
    } catch (e) {
      setFound(null);
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  function open(o: MyOrder) {
    // Remembered so the order page can show and pay it; the leader code is not known from the look-up.
    const known = local.find((l) => l.id === o.id);
    rememberOrder({
      id: o.id,
      phone: phone.trim(),
      pickupCode: o.pickupCode,
      campaignId: o.campaignId,
      campaignName: o.campaignName,
      leaderCode: known?.leaderCode ?? '',
      totalFen: o.totalFen,
      placedAt: o.placedAt,
    });
    navigate(`/h5/o/${encodeURIComponent(o.id)}`);
  }

  return (
    <div style={pageStyle}>
      <NavBar back={null}>{t('h5.myOrders')}</NavBar>
      <List header={t('h5.onThisDevice')}>
        {local.length === 0 && <List.Item>{t('h5.noLocalOrders')}</List.Item>}
        {local.map((o) => (
          <List.Item
            key={o.id}
            clickable
            onClick={() => navigate(`/h5/o/${encodeURIComponent(o.id)}`)}
            description={`${formatDateTime(o.placedAt)} · ${t('h5.pickupCode')} ${o.pickupCode}`}
            extra={formatYuan(o.totalFen)}
          >
            {o.campaignName}
          </List.Item>
        ))}
      </List>
      <Form
        layout="horizontal"
        footer={
          <Button
            block
            color="primary"
            loading={loading}
            data-testid="h5-lookup-submit"
            onClick={() => void lookup()}
          >
            {t('h5.lookupSubmit')}
          </Button>
        }
      >
        <Form.Header>{t('h5.lookupHint')}</Form.Header>
        <Form.Item label={t('h5.phone')}>
          <H5Input
            testId="h5-lookup-phone"
            type="tel"
            inputMode="numeric"
            maxLength={20}
            value={phone}
            onChange={setPhone}
          />
        </Form.Item>
        <Form.Item label={t('h5.pickupCode')}>
          <H5Input
            testId="h5-lookup-code"
            type="tel"
            inputMode="numeric"
            maxLength={6}
            value={code}
            onChange={setCode}
          />
        </Form.Item>
      </Form>
      {error !== null && <H5Error error={error} />}
      {found && (
        <List header={t('h5.lookup')} data-testid="h5-lookup-results">
          {found.length === 0 && <List.Item>{t('h5.noOrders')}</List.Item>}
          {found.map((o) => (
            <List.Item
              key={o.id}
              clickable
              onClick={() => open(o)}
              description={`${formatDateTime(o.placedAt)} · ${t('h5.units', { n: o.itemCount })} · ${o.pickupPointName}`}
              extra={
                <div style={{ textAlign: 'right' }}>
                  <div>{formatYuan(o.totalFen)}</div>
                  <Tag>{t(statusKey(o.status))}</Tag>
                </div>
              }
            >
              {o.campaignName}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

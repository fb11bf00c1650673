import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Dialog, DotLoading, List, NavBar, NoticeBar, Space, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../format';
import { useLocale } from '../locale-context';
import { formatYuan } from '../shared/money';
import { H5Error, H5ErrorPage, pageStyle, statusKey } from './h5-shared';
import { findLocalOrder } from './local-orders';
import { storefrontApi } from './storefront-api';

/** The order result page: `/h5/o/:orderId`, for an order this device placed or looked up. */
export function OrderPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { orderId = '' } = useParams();
  const local = findLocalOrder(orderId);
  const queryKey = ['h5', 'order', orderId];
  const query = useQuery({
    queryKey,
    enabled: local !== undefined,
    queryFn: async () => {
      if (!local) return null;
      const { items } = await storefrontApi.myOrders(local.phone, local.pickupCode);
      return items.find((o) => o.id === orderId) ?? null;
    },
  });
  // The sandbox button only where the server offers it: with PAYMENT_SANDBOX off its route is gone.
  const paymentOptions = useQuery({
    queryKey: ['h5', 'payment-options'],
    queryFn: () => storefrontApi.paymentOptions(),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const sandbox = paymentOptions.data?.sandbox === true;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const back = (
    <NavBar
      onBack={() => navigate('/h5/my-orders')}
      right={
        <Button size="small" fill="none" onClick={() => navigate('/h5/my-orders')}>
          {t('h5.myOrders')}
        </Button>
      }
    >
      {t('h5.orderTitle')}
    </NavBar>
  );
  if (!local) {
    return (
      <div style={pageStyle}>
        {back}
        <NoticeBar content={t('h5.orderUnknown')} color="alert" wrap />
      </div>
    );
  }
  if (query.isPending) {
    return (
      <div style={{ ...pageStyle, textAlign: 'center', paddingTop: 120 }}>
        <DotLoading />
      </div>
    );
  }
  const order = query.data;
  if (!order) return <H5ErrorPage error={query.error} />;

  async function act(action: 'pay' | 'cancel') {
    if (!local) return;
    if (action === 'cancel' && !(await Dialog.confirm({ content: t('h5.cancelConfirm') }))) return;
    setBusy(true);
    setError(null);
    try {
      if (action === 'pay') await storefrontApi.sandboxPay(orderId, local.phone);
      else await storefrontApi.cancel(orderId, local.phone);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey });
    }
  }

  const pending = order.status === 'pending_payment';
  return (
    <div style={pageStyle}>
      {back}
      <Card style={{ margin: 12, textAlign: 'center' }}>
        <div style={{ color: '#666' }}>{t('h5.pickupCode')}</div>
        <div
          data-testid="h5-order-pickup-code"
          style={{
            fontSize: 40,
            fontWeight: 700,
            letterSpacing: 6,
            fontFamily: 'monospace',
            margin: '8px 0',
          }}
        >
          {order.pickupCode}
        </div>
        <div style={{ color: '#999', fontSize: 12 }}>{t('h5.pickupCodeHint')}</div>
        <div style={{ marginTop: 12 }}>
          <Tag
            color={order.status === 'cancelled' ? 'default' : pending ? 'warning' : 'success'}
            data-testid="h5-order-status"
            style={{ fontSize: 14, padding: '4px 8px' }}
          >
            {t(statusKey(order.status))}
          </Tag>
        </div>
      </Card>
      <List header={order.campaignName}>
        {order.lines.map((l) => (
          <List.Item key={`${l.productName}-${l.spec}`} description={l.spec} extra={formatYuan(l.amountFen)}>
            {l.productName} × {l.quantity}
          </List.Item>
        ))}
        <List.Item extra={<b>{formatYuan(order.totalFen)}</b>}>{t('h5.total')}</List.Item>
        <List.Item description={order.pickupPointAddress}>
          {t('h5.pickupPoint')}：{order.pickupPointName}
        </List.Item>
      </List>
      {error !== null && <H5Error error={error} />}
      {pending && (
        <Space direction="vertical" block style={{ padding: 12 }}>
          <div style={{ color: '#ff8f1f', fontSize: 12 }}>
            {t('h5.payBefore', { time: formatDateTime(order.paymentDueAt) })}
          </div>
          {sandbox ? (
            <>
              <NoticeBar content={t('h5.sandboxNote')} color="info" />
              <Button
                block
                color="primary"
                size="large"
                loading={busy}
                data-testid="h5-sandbox-pay"
                onClick={() => void act('pay')}
              >
                {t('h5.sandboxPay')}
              </Button>
            </>
          ) : (
            <NoticeBar content={t('h5.payOffline')} color="info" wrap data-testid="h5-pay-offline" />
          )}
          <Button
            block
            fill="outline"
            disabled={busy}
            data-testid="h5-cancel-order"
            onClick={() => void act('cancel')}
          >
            {t('h5.cancel')}
          </Button>
        </Space>
      )}
      <div style={{ padding: 12 }}>
        <Button
          block
          fill="none"
          onClick={() =>
            navigate(
              `/h5/c/${encodeURIComponent(local.campaignId)}?leader=${encodeURIComponent(local.leaderCode)}`,
            )
          }
        >
          {t('h5.backToCampaign')}
        </Button>
      </div>
    </div>
  );
}

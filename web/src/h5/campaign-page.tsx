import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, Form, Image, List, NavBar, Popup, Radio, Space, Tag } from 'antd-mobile';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api';
import { useLocale } from '../locale-context';
import { H5Input } from '../shared/h5-input';
import { formatYuan } from '../shared/money';
import { H5Error, H5ErrorPage, pageStyle } from './h5-shared';
import { useLiveRemaining } from './live-remaining';
import { rememberOrder } from './local-orders';
import { type StorefrontItem, type StorefrontView, storefrontApi } from './storefront-api';

const POLL_MS = 5000;
const MOBILE = /^1[3-9]\d{9}$/;

/** Milliseconds to the cutoff by the server's clock, ticking every second. */
function useCutoffCountdown(view: StorefrontView | undefined, fetchedAt: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (!view) return null;
  // The server's clock at fetch time plus the time elapsed here since: the device's own clock may be wrong.
  const serverNow = Date.parse(view.campaign.serverNow) + (now - fetchedAt);
  return Math.max(0, Date.parse(view.campaign.cutoffAt) - serverNow);
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function Countdown({ ms }: { ms: number }) {
  const { t } = useLocale();
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const time = `${d > 0 ? t('h5.countdownDays', { d }) : ''}${two(Math.floor((s % 86400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return (
    <Tag color="danger" data-testid="h5-countdown">
      {t('h5.countdown', { time })}
    </Tag>
  );
}

function maxFor(item: StorefrontItem): number {
  return Math.max(0, Math.min(item.perCustomerLimit, item.remaining));
}

function ItemRow(props: {
  item: StorefrontItem;
  index: number;
  quantity: number;
  open: boolean;
  onChange: (quantity: number) => void;
}) {
  const { t } = useLocale();
  const { item, index, quantity, open } = props;
  const soldOut = item.remaining <= 0;
  return (
    <List.Item
      prefix={
        <Image
          src={item.image ?? undefined}
          width={72}
          height={72}
          fit="cover"
          style={{ borderRadius: 6, background: '#eee' }}
        />
      }
      description={
        <Space direction="vertical" style={{ '--gap': '2px' }}>
          <span>
            {item.spec}
            {item.unit ? ` / ${item.unit}` : ''}
          </span>
          <span>{t('h5.limit', { n: item.perCustomerLimit })}</span>
          <span data-testid={`h5-item-${index}-remaining`} style={{ color: soldOut ? '#999' : '#ff8f1f' }}>
            {soldOut ? t('h5.soldOut') : t('h5.remaining', { n: item.remaining })}
          </span>
        </Space>
      }
      extra={
        <Space align="center" style={{ '--gap': '6px' }}>
          <Button
            size="mini"
            shape="rounded"
            data-testid={`h5-item-${index}-minus`}
            disabled={quantity <= 0}
            onClick={() => props.onChange(quantity - 1)}
          >
            −
          </Button>
          <span data-testid={`h5-item-${index}-quantity`} style={{ minWidth: 18, textAlign: 'center' }}>
            {quantity}
          </span>
          <Button
            size="mini"
            shape="rounded"
            color="primary"
            data-testid={`h5-item-${index}-plus`}
            disabled={!open || soldOut || quantity >= maxFor(item)}
            onClick={() => props.onChange(quantity + 1)}
          >
            +
          </Button>
        </Space>
      }
    >
      <div style={{ fontWeight: 600 }}>{item.productName}</div>
      <div>
        <span style={{ color: '#ff3141', fontSize: 18, fontWeight: 600 }}>{formatYuan(item.priceFen)}</span>{' '}
        {item.listPriceFen > item.priceFen && (
          <span style={{ color: '#999', textDecoration: 'line-through', fontSize: 12 }}>
            {formatYuan(item.listPriceFen)}
          </span>
        )}
      </div>
    </List.Item>
  );
}

function CheckoutSheet(props: {
  view: StorefrontView;
  cart: Array<{ item: StorefrontItem; quantity: number }>;
  totalFen: number;
  visible: boolean;
  onClose: () => void;
  onRefused: () => void;
}) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const { view, cart } = props;
  const [pickupPointId, setPickupPointId] = useState<string>(view.pickupPoints[0]?.id ?? '');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  // One key per checkout, kept while retrying after a lost answer, so a retry never orders twice.
  const keyRef = useRef<string | null>(null);
  useEffect(() => {
    if (props.visible) {
      keyRef.current = crypto.randomUUID();
      setError(null);
    }
  }, [props.visible]);

  async function submit() {
    const digits = phone.replace(/[\s-]/g, '');
    if (!MOBILE.test(digits)) {
      setError(
        new ApiError(400, {
          code: 'h5.phone',
          message: t('h5.phoneInvalid'),
          messageZh: t('h5.phoneInvalid'),
        }),
      );
      return;
    }
    if (!pickupPointId) {
      setError(
        new ApiError(400, {
          code: 'h5.pickup',
          message: t('h5.choosePickup'),
          messageZh: t('h5.choosePickup'),
        }),
      );
      return;
    }
    keyRef.current ??= crypto.randomUUID();
    setSubmitting(true);
    setError(null);
    try {
      const { order } = await storefrontApi.placeOrder(
        {
          campaignId: view.campaign.id,
          leaderCode: view.leader.code,
          pickupPointId,
          customer: { phone: digits, ...(name.trim() ? { name: name.trim() } : {}) },
          items: cart.map((c) => ({ itemId: c.item.itemId, quantity: c.quantity })),
        },
        keyRef.current,
      );
      rememberOrder({
        id: order.id,
        phone: digits,
        pickupCode: order.pickupCode,
        campaignId: view.campaign.id,
        campaignName: view.campaign.name,
        leaderCode: view.leader.code,
        totalFen: order.totalFen,
        placedAt: order.placedAt,
      });
      navigate(`/h5/o/${encodeURIComponent(order.id)}`);
    } catch (e) {
      // A definite refusal ends this attempt: a changed order gets a new key. A lost answer or a busy
      // server keeps the key, so the retry is recognised as the same order.
      const definite = e instanceof ApiError && e.status >= 400 && e.status < 500;
      if (definite) {
        keyRef.current = crypto.randomUUID();
        // Stock or limits may have moved: show the customer the current numbers.
        props.onRefused();
      }
      setError(
        definite
          ? e
          : e instanceof ApiError && e.status === 0
            ? new ApiError(0, {
                code: 'network.unreachable',
                message: t('h5.networkRetry'),
                messageZh: t('h5.networkRetry'),
              })
            : e,
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Popup
      visible={props.visible}
      onMaskClick={props.onClose}
      bodyStyle={{ borderRadius: '12px 12px 0 0', maxHeight: '85vh', overflowY: 'auto' }}
    >
      <div style={{ padding: '12px 0' }}>
        <div style={{ textAlign: 'center', fontWeight: 600, fontSize: 16 }}>{t('h5.checkoutTitle')}</div>
        <List>
          {cart.map((c) => (
            <List.Item key={c.item.itemId} extra={formatYuan(c.item.priceFen * c.quantity)}>
              {c.item.productName} × {c.quantity}
            </List.Item>
          ))}
        </List>
        <Form layout="vertical">
          <Form.Item label={t('h5.pickupPoint')}>
            {view.pickupPoints.length === 0 ? (
              <span>{t('h5.noPickupPoint')}</span>
            ) : (
              <div data-testid="h5-checkout-pickup">
                <Radio.Group value={pickupPointId} onChange={(v) => setPickupPointId(String(v))}>
                  <Space direction="vertical">
                    {view.pickupPoints.map((p, i) => (
                      <Radio key={p.id} value={p.id} data-testid={`h5-checkout-pickup-${i}`}>
                        <div>{p.name}</div>
                        <div style={{ color: '#999', fontSize: 12 }}>
                          {p.address}
                          {p.openingHours ? ` · ${p.openingHours}` : ''}
                        </div>
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </div>
            )}
          </Form.Item>
          <Form.Item label={t('h5.phone')}>
            <H5Input
              testId="h5-checkout-phone"
              type="tel"
              inputMode="numeric"
              maxLength={20}
              value={phone}
              onChange={setPhone}
              placeholder={t('h5.phonePlaceholder')}
            />
          </Form.Item>
          <Form.Item label={t('h5.name')}>
            <H5Input
              testId="h5-checkout-name"
              maxLength={32}
              value={name}
              onChange={setName}
              placeholder={t('h5.namePlaceholder')}
            />
          </Form.Item>
        </Form>
        {error !== null && <H5Error error={error} />}
        <div style={{ padding: '8px 12px' }}>
          <Button
            block
            color="danger"
            size="large"
            loading={submitting}
            disabled={cart.length === 0 || view.pickupPoints.length === 0}
            data-testid="h5-checkout-submit"
            onClick={() => void submit()}
          >
            {t('h5.submit')} {formatYuan(props.totalFen)}
          </Button>
        </div>
      </div>
    </Popup>
  );
}

/** The page a leader's share link opens: `/h5/c/:campaignId?leader=CODE`. */
export function CampaignPage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const { campaignId = '' } = useParams();
  const [search] = useSearchParams();
  const leader = search.get('leader') ?? '';
  const queryKey = ['h5', 'campaign', campaignId, leader];
  const query = useQuery({
    queryKey,
    queryFn: () => storefrontApi.campaign(campaignId, leader),
    // Remaining stock moves fast in a flash sale.
    refetchInterval: POLL_MS,
  });
  const view = query.data;
  useLiveRemaining(campaignId, queryKey, view !== undefined);
  const remainingMs = useCutoffCountdown(view, query.dataUpdatedAt);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [checkout, setCheckout] = useState(false);

  const cart = useMemo(
    () =>
      (view?.items ?? [])
        .map((item) => ({ item, quantity: Math.min(quantities[item.itemId] ?? 0, maxFor(item)) }))
        .filter((c) => c.quantity > 0),
    [view, quantities],
  );
  const totalFen = cart.reduce((sum, c) => sum + c.item.priceFen * c.quantity, 0);

  if (query.isPending) {
    return (
      <div style={{ ...pageStyle, textAlign: 'center', paddingTop: 120 }}>
        <DotLoading />
      </div>
    );
  }
  if (!view) return <H5ErrorPage error={query.error} />;

  const started = Date.parse(view.campaign.startsAt) <= Date.parse(view.campaign.serverNow);
  const open = view.campaign.openForOrders && remainingMs !== null && remainingMs > 0;
  return (
    <div style={pageStyle}>
      <NavBar
        back={null}
        right={
          <Button size="small" fill="none" onClick={() => navigate('/h5/my-orders')}>
            {t('h5.myOrders')}
          </Button>
        }
      >
        {view.campaign.name}
      </NavBar>
      {view.campaign.coverUrl && <Image src={view.campaign.coverUrl} width="100%" height={180} fit="cover" />}
      <div style={{ background: '#fff', padding: 12 }}>
        <div style={{ fontSize: 18, fontWeight: 600 }} data-testid="h5-campaign-name">
          {view.campaign.name}
        </div>
        {view.campaign.description && (
          <div style={{ color: '#666', marginTop: 4 }}>{view.campaign.description}</div>
        )}
        <Space wrap style={{ marginTop: 8 }}>
          {open && remainingMs !== null ? (
            <Countdown ms={remainingMs} />
          ) : (
            <Tag color="default">{started ? t('h5.closed') : t('h5.notStarted')}</Tag>
          )}
          <Tag color="primary" fill="outline">
            {t('h5.leader', { name: view.leader.name })}
          </Tag>
          <Tag color="success" fill="outline">
            {t('h5.delivery', { date: view.campaign.deliveryDate })}
          </Tag>
        </Space>
      </div>
      <List>
        {view.items.map((item, index) => (
          <ItemRow
            key={item.itemId}
            item={item}
            index={index}
            open={open}
            quantity={Math.min(quantities[item.itemId] ?? 0, maxFor(item))}
            onChange={(q) =>
              setQuantities((prev) => ({ ...prev, [item.itemId]: Math.max(0, Math.min(q, maxFor(item))) }))
            }
          />
        ))}
      </List>
      <div
        style={{
          position: 'fixed',
          bottom: 0,
          left: 0,
          right: 0,
          maxWidth: 480,
          margin: '0 auto',
          background: '#fff',
          borderTop: '1px solid #eee',
          padding: '8px 12px',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          zIndex: 10,
        }}
      >
        <span data-testid="h5-cart-total" style={{ fontSize: 16 }}>
          {cart.length === 0 ? t('h5.cartEmpty') : t('h5.cartTotal', { total: formatYuan(totalFen) })}
        </span>
        <Button
          color="danger"
          shape="rounded"
          disabled={cart.length === 0 || !open}
          data-testid="h5-cart-checkout"
          onClick={() => setCheckout(true)}
        >
          {t('h5.checkout')}
        </Button>
      </div>
      <CheckoutSheet
        view={view}
        cart={cart}
        totalFen={totalFen}
        visible={checkout}
        onClose={() => setCheckout(false)}
        onRefused={() => void query.refetch()}
      />
    </div>
  );
}

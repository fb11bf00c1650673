import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Empty, Grid, PullToRefresh, Segmented } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type PortalDay, portalApi } from './portal-api';
import { Failed, Loading, StatusTag } from './portal-shared';

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div style={{ textAlign: 'center' }}>
      <div style={{ fontSize: 20, fontWeight: 700, color: '#ff3141' }} data-testid={testId}>
        {value}
      </div>
      <div style={{ fontSize: 12, color: '#999' }}>{label}</div>
    </div>
  );
}

function ByCampaign({ day }: { day: PortalDay }) {
  const { t } = useLocale();
  return (
    <Collapse>
      {day.byCampaign.map((c, i) => (
        <Collapse.Panel
          key={c.campaignId}
          title={
            <div data-testid={`portal-day-campaign-${i}`}>
              <div style={{ fontWeight: 600 }}>{c.campaignName}</div>
              <div style={{ fontSize: 12, color: '#666' }}>
                {t('portal.orders.summary', { orders: c.orders, items: c.itemCount })} ·{' '}
                {formatYuan(c.totalFen)}
                {c.unpaid > 0 ? ` · ${t('portal.orders.unpaid')} ${c.unpaid}` : ''}
              </div>
            </div>
          }
        >
          {c.products.map((p) => (
            <div key={p.skuId} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}>
              <span>
                {p.productName} <span style={{ color: '#999', fontSize: 12 }}>{p.spec}</span>
              </span>
              <span>
                × {p.quantity} · {formatYuan(p.amountFen)}
              </span>
            </div>
          ))}
          {c.voided > 0 && (
            <div style={{ color: '#999', fontSize: 12 }}>{t('portal.orders.voided', { n: c.voided })}</div>
          )}
        </Collapse.Panel>
      ))}
    </Collapse>
  );
}

function ByCustomer({ day }: { day: PortalDay }) {
  const { t } = useLocale();
  return (
    <Collapse>
      {day.byCustomer.map((c, i) => (
        <Collapse.Panel
          key={c.customerId}
          title={
            <div data-testid={`portal-day-customer-${i}`}>
              <div style={{ fontWeight: 600 }}>
                {c.customerName ?? t('portal.customers.noName')}{' '}
                <span style={{ color: '#999', fontWeight: 400, fontSize: 12 }}>{c.phoneMasked}</span>
              </div>
              <div style={{ fontSize: 12, color: '#666' }}>
                {t('portal.orders.summary', { orders: c.orders, items: c.itemCount })} ·{' '}
                {formatYuan(c.totalFen)}
              </div>
            </div>
          }
        >
          {c.items.map((o) => (
            <div key={o.id} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
              <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{o.campaignName}</span>
                <StatusTag status={o.status} />
              </div>
              <div style={{ fontSize: 12, color: '#999' }}>
                {dayjs(o.placedAt).format('HH:mm')} · {o.pickupPointName} · {o.itemCount} ·{' '}
                {formatYuan(o.totalFen)}
              </div>
            </div>
          ))}
        </Collapse.Panel>
      ))}
    </Collapse>
  );
}

/** 订单: the day's orders (today by default), by campaign or by customer, with the day's figures. */
export function OrdersTab() {
  const { t } = useLocale();
  const [date, setDate] = useState<string | undefined>(undefined);
  const [view, setView] = useState<'campaign' | 'customer'>('campaign');
  const query = useQuery({
    queryKey: ['portal', 'orders', date ?? 'today'],
    queryFn: () => portalApi.orders(date),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <Failed error={query.error} onRetry={() => void query.refetch()} />;
  const day = query.data;
  const shift = (days: number) => setDate(dayjs(day.date).add(days, 'day').format('YYYY-MM-DD'));
  const isToday = date === undefined;
  return (
    <PullToRefresh onRefresh={async () => void (await query.refetch())}>
      <div style={{ background: '#fff', padding: '8px 12px' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Button size="mini" fill="none" data-testid="portal-day-prev" onClick={() => shift(-1)}>
            ‹ {t('portal.orders.prevDay')}
          </Button>
          <span style={{ fontWeight: 600 }} data-testid="portal-day-date">
            {day.date}
            {isToday ? ` (${t('portal.orders.today')})` : ''}
          </span>
          <Button size="mini" fill="none" disabled={isToday} onClick={() => shift(1)}>
            {t('portal.orders.nextDay')} ›
          </Button>
        </div>
        <Grid columns={4} style={{ marginTop: 8 }}>
          <Grid.Item>
            <Figure label={t('portal.orders.count')} value={day.totals.orders} testId="portal-day-orders" />
          </Grid.Item>
          <Grid.Item>
            <Figure
              label={t('portal.orders.total')}
              value={formatYuan(day.totals.totalFen)}
              testId="portal-day-total"
            />
          </Grid.Item>
          <Grid.Item>
            <Figure
              label={t('portal.orders.customers')}
              value={day.totals.customers}
              testId="portal-day-customers"
            />
          </Grid.Item>
          <Grid.Item>
            <Figure label={t('portal.orders.unpaid')} value={day.totals.unpaid} testId="portal-day-unpaid" />
          </Grid.Item>
        </Grid>
      </div>
      <div style={{ padding: '8px 12px' }}>
        <Segmented
          block
          value={view}
          onChange={(v) => setView(v === 'customer' ? 'customer' : 'campaign')}
          options={[
            { label: t('portal.orders.byCampaign'), value: 'campaign' },
            {
              label: <span data-testid="portal-day-by-customer">{t('portal.orders.byCustomer')}</span>,
              value: 'customer',
            },
          ]}
        />
      </div>
      {day.totals.orders + day.totals.voided === 0 ? (
        <Empty description={t('portal.orders.empty')} />
      ) : view === 'campaign' ? (
        <ByCampaign day={day} />
      ) : (
        <ByCustomer day={day} />
      )}
    </PullToRefresh>
  );
}

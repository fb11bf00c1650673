import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import type { Page } from '../../api-types';
import { businessToday } from '../../format';
import type { PickupPointListItem } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { type OrderBag, useOrderBags } from '../../orders-api';

/**
 * On paper only the list is printed: the menu, the header and the pickers are hidden, and each bag
 * row stays on one page. (Inline styles are allowed by the CSP; scripts are not.)
 */
const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .bags-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { margin: 0 !important; padding: 0 !important; background: #fff !important; }
  .bags-sheet .ant-card { box-shadow: none !important; border: none !important; }
  .bags-sheet tr { break-inside: avoid; }
}`;

/** Pickup points found by name, code or leader, for the picker (the first 20 matches). */
function usePickupPointSearch(q: string) {
  return useQuery({
    queryKey: ['pickup-points', 'search', q],
    queryFn: () =>
      api.get<Page<PickupPointListItem>>('/api/pickup-points', { page: 1, pageSize: 20, q: q || undefined }),
    staleTime: 30_000,
  });
}

/**
 * 合单: one pickup point's paid orders for one delivery day, merged per customer into bags, as the
 * warehouse packs them and the leader hands them over, with a print-friendly sheet (a signature
 * column for the hand-over). Unpaid orders are not listed: they may still expire.
 */
export function BagsPage() {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const [point, setPoint] = useState<PickupPointListItem | undefined>();
  const [day, setDay] = useState<Dayjs>(businessToday());
  const points = usePickupPointSearch(search);
  const deliveryDate = day.format('YYYY-MM-DD');
  const bags = useOrderBags(point?.id, deliveryDate);
  const items = bags.data?.items ?? [];
  const units = items.reduce((n, b) => n + b.units, 0);
  const columns = [
    { title: t('bags.seq'), key: 'seq', width: 56, render: (_: unknown, _b: OrderBag, i: number) => i + 1 },
    {
      title: t('orders.customer'),
      key: 'customer',
      render: (_: unknown, b: OrderBag) => (
        <Space direction="vertical" size={0}>
          <span>{b.customerName ?? '—'}</span>
          <Typography.Text type="secondary">{b.phoneMasked}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('bags.pickupCodes'),
      key: 'codes',
      render: (_: unknown, b: OrderBag) => <span data-testid="bag-codes">{b.pickupCodes.join(' / ')}</span>,
    },
    {
      title: t('bags.items'),
      key: 'items',
      render: (_: unknown, b: OrderBag) => (
        <Space direction="vertical" size={0}>
          {b.items.map((i) => (
            <span key={i.skuId}>{`${i.label} × ${i.quantity}`}</span>
          ))}
        </Space>
      ),
    },
    { title: t('bags.units'), dataIndex: 'units', key: 'units', width: 72 },
    {
      title: t('bags.orders'),
      key: 'orders',
      width: 72,
      render: (_: unknown, b: OrderBag) => b.orderIds.length,
    },
    { title: t('bags.signature'), key: 'sign', width: 120, render: () => '' },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="bags-sheet">
      <style>{PRINT_CSS}</style>
      <Card className="bags-no-print">
        <Space wrap>
          <Select
            showSearch
            style={{ width: 320 }}
            placeholder={t('bags.pickPoint')}
            data-testid="bags-point"
            filterOption={false}
            onSearch={setSearch}
            loading={points.isFetching}
            value={point?.id}
            onChange={(id: string) => setPoint(points.data?.items.find((p) => p.id === id))}
            options={(points.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.leaderName}）`,
            }))}
            notFoundContent={t('bags.noPoint')}
          />
          <DatePicker
            value={day}
            allowClear={false}
            onChange={(d) => d && setDay(d)}
            data-testid="bags-day"
          />
          <Button icon={<PrinterOutlined />} disabled={items.length === 0} onClick={() => window.print()}>
            {t('bags.print')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('bags.hint')}
        </Typography.Paragraph>
      </Card>
      {bags.error && <Alert type="error" showIcon message={String(bags.error)} />}
      <Card>
        {!point ? (
          <Empty description={t('bags.pickPoint')} />
        ) : (
          <>
            <Typography.Title level={4} data-testid="bags-title">
              {t('bags.sheetTitle', { point: point.name, leader: point.leaderName, day: deliveryDate })}
            </Typography.Title>
            <Typography.Paragraph data-testid="bags-summary">
              {t('bags.summary', { bags: items.length, units })}
            </Typography.Paragraph>
            <Table<OrderBag>
              rowKey="customerId"
              size="small"
              bordered
              pagination={false}
              loading={bags.isFetching}
              dataSource={items}
              columns={columns}
              data-testid="bags-table"
              locale={{ emptyText: t('bags.empty') }}
            />
          </>
        )}
      </Card>
    </Space>
  );
}

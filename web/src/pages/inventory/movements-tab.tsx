import { DatePicker, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  MOVEMENT_KINDS,
  type MovementKind,
  type MovementParams,
  type StockMovement,
  useMovements,
} from '../../inventory-api';
import { useLocale } from '../../locale-context';
import { SkuSelect, WarehouseSelect } from './pickers';
import { skuLabel } from './stock-levels-tab';

const KIND_COLORS: Record<MovementKind, string> = {
  receipt: 'green',
  adjustment: 'orange',
  allocation: 'blue',
  release: 'cyan',
  shipment: 'purple',
};

export interface MovementFocus {
  skuId: string;
  skuLabel: string;
  warehouseId: string;
}

export function MovementsTab({ focus }: { focus: MovementFocus | null }) {
  const { t } = useLocale();
  const can = useCan();
  // The tab is remounted with a new key whenever a row asks for its movements, so state starts here.
  const [params, setParams] = useState<MovementParams>({
    warehouseId: focus?.warehouseId ?? '',
    skuId: focus?.skuId ?? '',
    kind: '',
    from: '',
    to: '',
    page: 1,
    pageSize: 20,
  });
  const list = useMovements(params);
  const setFilter = (patch: Partial<MovementParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableProps<StockMovement>['columns'] = [
    { title: t('inventory.time'), key: 'createdAt', render: (_, m) => formatDateTime(m.createdAt) },
    { title: t('inventory.sku'), key: 'sku', render: (_, m) => skuLabel(m) },
    { title: t('inventory.warehouse'), key: 'warehouse', render: (_, m) => m.warehouseName },
    {
      title: t('inventory.kind'),
      key: 'kind',
      render: (_, m) => <Tag color={KIND_COLORS[m.kind]}>{t(`inventory.kind.${m.kind}`)}</Tag>,
    },
    {
      title: t('inventory.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_, m) => (
        <Typography.Text type={m.quantity < 0 ? 'danger' : 'success'}>
          {m.quantity > 0 ? `+${m.quantity}` : m.quantity}
        </Typography.Text>
      ),
    },
    {
      title: t('inventory.after'),
      key: 'after',
      render: (_, m) => `${m.onHandAfter} / ${m.allocatedAfter} / ${m.availableAfter}`,
    },
    { title: t('inventory.reason'), key: 'reason', render: (_, m) => m.reason ?? '—' },
    {
      title: t('inventory.reference'),
      key: 'reference',
      render: (_, m) => (m.referenceId ? `${m.referenceType ?? ''} ${m.referenceId}` : '—'),
    },
    { title: t('inventory.actor'), key: 'actor', render: (_, m) => m.actorName ?? '—' },
  ];

  const onRange = (range: [Dayjs | null, Dayjs | null] | null) => {
    const [from, to] = range ?? [null, null];
    setFilter({ from: from ? from.toISOString() : '', to: to ? to.toISOString() : '' });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        {can('warehouses.read') && (
          <WarehouseSelect
            allowClear
            placeholder={t('inventory.allWarehouses')}
            style={{ minWidth: 200 }}
            value={params.warehouseId || undefined}
            onChange={(v) => setFilter({ warehouseId: v ?? '' })}
            data-testid="movements-filter-warehouse"
          />
        )}
        <SkuSelect
          allowClear
          style={{ minWidth: 320 }}
          value={params.skuId || undefined}
          initialLabel={focus?.skuLabel}
          onChange={(v) => setFilter({ skuId: v ?? '' })}
          data-testid="movements-filter-sku"
        />
        <Select<MovementKind | ''>
          style={{ minWidth: 140 }}
          value={params.kind}
          onChange={(kind) => setFilter({ kind })}
          options={[
            { value: '', label: t('inventory.allKinds') },
            ...MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`inventory.kind.${k}`) })),
          ]}
          data-testid="movements-filter-kind"
        />
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} onChange={onRange} />
      </Space>
      <QueryError error={list.error} />
      <Table<StockMovement>
        rowKey="id"
        data-testid="movements-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) =>
          setParams((c) => ({ ...c, page: p.current ?? 1, pageSize: p.pageSize ?? c.pageSize }))
        }
      />
    </>
  );
}

import { Button, Checkbox, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { type StockLevel, type StockLevelParams, useStockLevels } from '../../inventory-api';
import { useLocale } from '../../locale-context';
import { SkuSelect, WarehouseSelect } from './pickers';

export type LevelAction = 'receive' | 'adjust' | 'threshold' | 'movements';

/** The name a person reads for a level's SKU: code, product and spec, or the bare id if unknown. */
export function skuLabel(row: {
  skuId: string;
  skuCode: string | null;
  productName: string | null;
  spec: string | null;
}) {
  return row.skuCode ? `${row.skuCode} · ${row.productName ?? ''} · ${row.spec ?? ''}` : row.skuId;
}

export function StockLevelsTab({ onAction }: { onAction: (action: LevelAction, level: StockLevel) => void }) {
  const { t } = useLocale();
  const can = useCan();
  const canWrite = can('inventory.write');
  const [params, setParams] = useState<StockLevelParams>({
    warehouseId: '',
    skuId: '',
    lowStock: false,
    page: 1,
    pageSize: 20,
  });
  const list = useStockLevels(params);
  const setFilter = (patch: Partial<StockLevelParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableProps<StockLevel>['columns'] = [
    {
      title: t('inventory.skuCode'),
      key: 'skuCode',
      render: (_, r) => r.skuCode ?? <Typography.Text type="secondary">{r.skuId}</Typography.Text>,
    },
    {
      title: t('inventory.productName'),
      key: 'productName',
      render: (_, r) =>
        r.productName ?? <Typography.Text type="secondary">{t('inventory.unknownSku')}</Typography.Text>,
    },
    { title: t('inventory.spec'), key: 'spec', render: (_, r) => r.spec ?? '—' },
    { title: t('inventory.warehouse'), key: 'warehouse', render: (_, r) => r.warehouseName },
    { title: t('inventory.onHand'), dataIndex: 'onHand', key: 'onHand', align: 'right' },
    { title: t('inventory.allocated'), dataIndex: 'allocated', key: 'allocated', align: 'right' },
    {
      title: t('inventory.available'),
      key: 'available',
      align: 'right',
      render: (_, r) => <span data-testid={`stock-available-${r.skuId}`}>{r.available}</span>,
    },
    {
      title: t('inventory.threshold'),
      key: 'threshold',
      align: 'right',
      render: (_, r) => (
        <Space size={4}>
          {r.lowStockThreshold}
          {r.lowStock && <Tag color="error">{t('inventory.lowStock')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0} wrap>
          {canWrite && (
            <>
              <Button type="link" size="small" onClick={() => onAction('receive', r)}>
                {t('inventory.receive')}
              </Button>
              <Button type="link" size="small" onClick={() => onAction('adjust', r)}>
                {t('inventory.adjust')}
              </Button>
              <Button
                type="link"
                size="small"
                onClick={() => onAction('threshold', r)}
                data-testid={`stock-threshold-${r.skuId}`}
              >
                {t('inventory.editThreshold')}
              </Button>
            </>
          )}
          <Button type="link" size="small" onClick={() => onAction('movements', r)}>
            {t('inventory.showMovements')}
          </Button>
        </Space>
      ),
    },
  ];

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
            data-testid="stock-filter-warehouse"
          />
        )}
        <SkuSelect
          allowClear
          style={{ minWidth: 320 }}
          value={params.skuId || undefined}
          onChange={(v) => setFilter({ skuId: v ?? '' })}
          data-testid="stock-filter-sku"
        />
        <Checkbox
          checked={params.lowStock}
          onChange={(e) => setFilter({ lowStock: e.target.checked })}
          data-testid="stock-filter-low"
        >
          {t('inventory.lowStockOnly')}
        </Checkbox>
      </Space>
      <QueryError error={list.error} />
      <Table<StockLevel>
        rowKey={(r) => `${r.skuId}/${r.warehouseId}`}
        data-testid="stock-table"
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

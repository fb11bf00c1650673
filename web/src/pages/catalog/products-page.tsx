import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Select, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import {
  exportUrl,
  PRODUCT_STATUSES,
  type Product,
  type ProductFilter,
  type ProductStatus,
  useCategories,
  useProducts,
  useSetStatus,
} from '../../catalog-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { ImportModal } from './import-modal';
import { ProductFormModal } from './product-form-modal';

const STATUS_COLOR: Record<ProductStatus, string> = {
  draft: 'default',
  on_sale: 'success',
  off_sale: 'warning',
};

type Dialog = { kind: 'form'; product: Product | null } | { kind: 'import' } | null;

/** 商品管理: search and filter the catalog, create and edit products with their SKUs, import, export. */
export function ProductsPage() {
  const { t } = useLocale();
  const can = useCan();
  const canWrite = can('catalog.write');
  const [filter, setFilter] = useState<ProductFilter>({ q: '', categoryId: undefined, status: undefined });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useProducts({ ...filter, ...paging });
  const categories = useCategories();
  const setStatus = useSetStatus();
  const reportError = useReportError();

  const changeFilter = (patch: Partial<ProductFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns: TableProps<Product>['columns'] = [
    { title: t('catalog.code'), dataIndex: 'code', key: 'code' },
    { title: t('catalog.name'), dataIndex: 'name', key: 'name' },
    { title: t('catalog.category'), key: 'category', render: (_, p) => p.categoryName ?? '—' },
    {
      title: t('catalog.skus'),
      key: 'skus',
      render: (_, p) => (
        <Space size={[4, 4]} wrap>
          {p.skus.map((s) => (
            <Tag key={s.id} color={s.status === 'active' ? 'blue' : 'default'}>
              {s.spec} {formatYuan(s.listPriceFen)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('catalog.unit'), dataIndex: 'unit', key: 'unit' },
    {
      title: t('catalog.status'),
      key: 'status',
      render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`catalog.status.${p.status}`)}</Tag>,
    },
    { title: t('catalog.supplier'), dataIndex: 'supplier', key: 'supplier' },
    { title: t('catalog.updatedAt'), key: 'updatedAt', render: (_, p) => formatDateTime(p.updatedAt) },
  ];

  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => {
        const next: ProductStatus = p.status === 'on_sale' ? 'off_sale' : 'on_sale';
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: 'form', product: p })}
              data-testid={`catalog-edit-${p.code}`}
            >
              {t('catalog.edit')}
            </Button>
            <Popconfirm
              title={t(next === 'on_sale' ? 'catalog.putOnSaleConfirm' : 'catalog.takeOffSaleConfirm', {
                name: p.name,
              })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setStatus
                  .mutateAsync({ id: p.id, status: next })
                  .catch((error: unknown) => reportError(error))
              }
            >
              <Button
                type="link"
                size="small"
                danger={next === 'off_sale'}
                data-testid={`catalog-status-${p.code}`}
              >
                {t(next === 'on_sale' ? 'catalog.putOnSale' : 'catalog.takeOffSale')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    });
  }

  return (
    <Card
      title={t('nav.catalog')}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter)} data-testid="catalog-export">
            {t('catalog.export')}
          </Button>
          {canWrite && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setDialog({ kind: 'import' })}
              data-testid="catalog-import"
            >
              {t('catalog.import')}
            </Button>
          )}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'form', product: null })}
              data-testid="catalog-create"
            >
              {t('catalog.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('catalog.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ width: 360 }}
          onSearch={(q) => changeFilter({ q: q.trim() })}
          data-testid="catalog-search"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('catalog.allCategories')}
          value={filter.categoryId}
          onChange={(categoryId: string | undefined) => changeFilter({ categoryId })}
          options={categories.data?.items.map((c) => ({ value: c.id, label: c.name }))}
          data-testid="catalog-filter-category"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('catalog.allStatuses')}
          value={filter.status}
          onChange={(status: ProductStatus | undefined) => changeFilter({ status })}
          options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}`) }))}
          data-testid="catalog-filter-status"
        />
      </Space>
      <QueryError error={list.error} />
      <Table<Product>
        rowKey="id"
        data-testid="catalog-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) =>
          setPaging((current) => ({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? current.pageSize,
          }))
        }
      />
      {dialog?.kind === 'form' && (
        <ProductFormModal product={dialog.product} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'import' && <ImportModal onClose={() => setDialog(null)} />}
    </Card>
  );
}

import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { type Customer, useCustomerList, useRevealPhone } from '../../customers-api';
import { formatDateTime } from '../../format';
import { usePickupPointNames } from '../../leaders-api';
import { useLocale } from '../../locale-context';

/**
 * 用户/团员: customers with masked phones. Those allowed to see numbers reveal one at a time; each
 * reveal is a request the server records in the audit log, and the number is kept only in this page's
 * memory, never in the query cache.
 */
export function CustomersPage() {
  const { t } = useLocale();
  const can = useCan();
  const canReveal = can('customers.phone');
  const [q, setQ] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const list = useCustomerList({ q, ...paging });
  const pickupNames = usePickupPointNames(can('leaders.read'));
  const reveal = useRevealPhone();
  const reportError = useReportError();

  const showNumber = (c: Customer) =>
    reveal
      .mutateAsync(c.id)
      .then((r) => setRevealed((m) => ({ ...m, [r.id]: r.phone })))
      .catch((e: unknown) => reportError(e));

  const columns: TableProps<Customer>['columns'] = [
    {
      title: t('customers.phone'),
      key: 'phone',
      render: (_, c) => (
        <Space size={4}>
          <Typography.Text data-testid={`customer-phone-${c.id}`}>
            {revealed[c.id] ?? c.phoneMasked}
          </Typography.Text>
          {canReveal && !revealed[c.id] && (
            <Tooltip title={t('customers.revealHint')}>
              <Button
                type="link"
                size="small"
                icon={<EyeOutlined />}
                onClick={() => void showNumber(c)}
                data-testid={`customer-reveal-${c.id}`}
              >
                {t('customers.reveal')}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('customers.name'), key: 'name', render: (_, c) => c.name ?? '—' },
    {
      title: t('customers.defaultPickupPoint'),
      key: 'pickupPoint',
      render: (_, c) =>
        c.defaultPickupPointId
          ? (pickupNames.data?.get(c.defaultPickupPointId) ?? c.defaultPickupPointId)
          : '—',
    },
    { title: t('customers.createdAt'), key: 'createdAt', render: (_, c) => formatDateTime(c.createdAt) },
  ];

  return (
    <Card title={t('nav.customers')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Tooltip title={t('customers.searchHint')}>
          <Input.Search
            allowClear
            placeholder={t('customers.searchPlaceholder')}
            enterButton={t('common.search')}
            style={{ width: 360 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            data-testid="customers-search"
          />
        </Tooltip>
      </Space>
      <QueryError error={list.error} />
      <Table<Customer>
        rowKey="id"
        data-testid="customers-table"
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
    </Card>
  );
}

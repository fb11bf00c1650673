import {
  Button,
  Checkbox,
  Col,
  Descriptions,
  Input,
  Row,
  Space,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/query-error';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type LeaderBalancesItem, useLeaderBalances, useOverview } from './finance-api';

/** 账户余额: the company's accounts, the leaders' totals per kind, and each leader's balances. */
export function AccountsTab({
  onOpen,
}: {
  onOpen: (leaderId: string, where: 'transfers' | 'statements') => void;
}) {
  const { t } = useLocale();
  const overview = useOverview();
  const [q, setQ] = useState('');
  // Most leaders of a large company have no balance at a given moment: show those with money first.
  const [nonZero, setNonZero] = useState(true);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useLeaderBalances({ q, nonZero, ...paging });
  const columns: TableProps<LeaderBalancesItem>['columns'] = [
    { title: t('finance.leader'), render: (_, r) => `${r.leaderName} (${r.leaderCode})` },
    { title: t('finance.kind.pending'), dataIndex: 'pendingFen', align: 'right', render: formatYuan },
    { title: t('finance.kind.available'), dataIndex: 'availableFen', align: 'right', render: formatYuan },
    { title: t('finance.kind.withdrawing'), dataIndex: 'withdrawingFen', align: 'right', render: formatYuan },
    { title: t('finance.kind.paid_out'), dataIndex: 'paidOutFen', align: 'right', render: formatYuan },
    {
      title: t('finance.kind.owed'),
      dataIndex: 'owedFen',
      align: 'right',
      render: (v: number) =>
        v > 0 ? <Typography.Text type="danger">{formatYuan(v)}</Typography.Text> : formatYuan(v),
    },
    { title: t('finance.total'), dataIndex: 'totalFen', align: 'right', render: formatYuan },
    {
      title: t('common.actions'),
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            onClick={() => onOpen(r.leaderId, 'transfers')}
            data-testid={`accounts-transfers-${r.leaderCode}`}
          >
            {t('finance.viewTransfers')}
          </Button>
          <Button
            size="small"
            onClick={() => onOpen(r.leaderId, 'statements')}
            data-testid={`accounts-statement-${r.leaderCode}`}
          >
            {t('finance.viewStatement')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <QueryError error={overview.error ?? list.error} />
      {overview.data && (
        <Row gutter={24} style={{ marginBottom: 16 }}>
          <Col span={12}>
            <Descriptions
              size="small"
              bordered
              column={1}
              title={t('finance.companyAccounts')}
              data-testid="accounts-company"
            >
              {overview.data.company.map((c) => (
                <Descriptions.Item key={c.kind} label={t(`finance.kind.${c.kind}` as MessageKey)}>
                  {formatYuan(c.balanceFen)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Col>
          <Col span={12}>
            <Descriptions size="small" bordered column={1} title={t('finance.leaderTotals')}>
              {overview.data.leaders.map((c) => (
                <Descriptions.Item key={c.kind} label={t(`finance.kind.${c.kind}` as MessageKey)}>
                  {formatYuan(c.balanceFen)}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Typography.Paragraph
              type={overview.data.sumStoredFen === 0 ? 'success' : 'danger'}
              style={{ marginTop: 8 }}
              data-testid="accounts-sum"
            >
              {t('finance.sumCheck', { sum: formatYuan(overview.data.sumStoredFen) })}
            </Typography.Paragraph>
          </Col>
        </Row>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('finance.leaderSearch')}
          data-testid="accounts-search"
          onSearch={(v) => {
            setQ(v.trim());
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <Checkbox checked={nonZero} onChange={(e) => setNonZero(e.target.checked)}>
          {t('finance.nonZeroOnly')}
        </Checkbox>
      </Space>
      <Table
        rowKey="leaderId"
        size="middle"
        data-testid="accounts-table"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}

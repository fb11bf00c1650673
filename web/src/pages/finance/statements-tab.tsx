import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Select, Space, Table, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../components/query-error';
import { businessToday, formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  type Buckets,
  type Statement,
  statementExportUrl,
  useLeaderBalances,
  useStatement,
} from './finance-api';

interface SummaryRow extends Buckets {
  key: string;
  label: string;
  count: number | null;
  amountFen: number | null;
  effectFen: number;
  strong?: boolean;
}

/** The statement's summary as rows: opening, each category, closing. */
function summaryRows(
  s: Statement,
  lang: 'zh' | 'en',
  t: (k: 'finance.opening' | 'finance.closing') => string,
) {
  const rows: SummaryRow[] = [
    {
      key: 'opening',
      label: t('finance.opening'),
      count: null,
      amountFen: null,
      effectFen: s.opening.balanceFen,
      ...s.opening,
      strong: true,
    },
  ];
  for (const r of s.rows) {
    rows.push({
      key: r.category,
      label: r.label[lang],
      count: r.count,
      amountFen: r.amountFen,
      effectFen: r.effectFen,
      ...r.deltas,
    });
  }
  rows.push({
    key: 'closing',
    label: t('finance.closing'),
    count: null,
    amountFen: null,
    effectFen: s.closing.balanceFen,
    ...s.closing,
    strong: true,
  });
  return rows;
}

/** 对账单: one leader's month, from the opening balance through every movement to the closing one. */
export function StatementsTab({
  leaderId,
  initialMonth,
  onLeader,
}: {
  leaderId: string | null;
  /** `?month=YYYY-MM` from a link; else this month. */
  initialMonth: string | null;
  onLeader: (id: string | null) => void;
}) {
  const { t, lang } = useLocale();
  const [month, setMonth] = useState(() =>
    initialMonth && /^\d{4}-(0[1-9]|1[0-2])$/.test(initialMonth)
      ? initialMonth
      : businessToday().format('YYYY-MM'),
  );
  const [search, setSearch] = useState('');
  const leaders = useLeaderBalances({ q: search, nonZero: false, page: 1, pageSize: 20 });
  const statement = useStatement(leaderId, month);
  const s = statement.data;
  const money = (v: number | null) => (v === null ? '' : formatYuan(v));
  const bold = (row: SummaryRow, text: string) => (row.strong ? <strong>{text}</strong> : text);
  const columns: TableProps<SummaryRow>['columns'] = [
    { title: t('finance.item'), render: (_, r) => bold(r, r.label) },
    { title: t('finance.count'), dataIndex: 'count', align: 'right' },
    { title: t('finance.amount'), dataIndex: 'amountFen', align: 'right', render: money },
    { title: t('finance.effect'), align: 'right', render: (_, r) => bold(r, money(r.effectFen)) },
    { title: t('finance.kind.pending'), dataIndex: 'pending', align: 'right', render: money },
    { title: t('finance.kind.available'), dataIndex: 'available', align: 'right', render: money },
    { title: t('finance.kind.withdrawing'), dataIndex: 'withdrawing', align: 'right', render: money },
    { title: t('finance.kind.paid_out'), dataIndex: 'paid_out', align: 'right', render: money },
    { title: t('finance.kind.owed'), dataIndex: 'owed', align: 'right', render: money },
  ];
  const labelOf = new Map(s?.rows.map((r) => [r.category, r.label[lang]]) ?? []);
  const leaderOptions = (leaders.data?.items ?? []).map((l) => ({
    value: l.leaderId,
    label: `${l.leaderName} (${l.leaderCode})`,
  }));
  if (s && !leaderOptions.some((o) => o.value === s.leader.id)) {
    leaderOptions.unshift({ value: s.leader.id, label: `${s.leader.name} (${s.leader.code})` });
  }
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          showSearch
          allowClear
          filterOption={false}
          style={{ width: 280 }}
          placeholder={t('finance.pickLeader')}
          value={leaderId ?? undefined}
          options={leaderOptions}
          onSearch={setSearch}
          onChange={(v?: string) => onLeader(v ?? null)}
          data-testid="statement-leader"
        />
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="statement-month"
        />
        {leaderId && (
          <Button
            icon={<DownloadOutlined />}
            href={statementExportUrl(leaderId, month)}
            data-testid="statement-export"
          >
            {t('finance.export')}
          </Button>
        )}
      </Space>
      <QueryError error={statement.error} />
      {!leaderId && <Empty description={t('finance.pickLeaderFirst')} />}
      {s && (
        <>
          <Typography.Title level={5} data-testid="statement-title">
            {s.leader.name} ({s.leader.code}) · {s.month}
          </Typography.Title>
          <Table
            rowKey="key"
            size="small"
            data-testid="statement-summary"
            columns={columns}
            dataSource={summaryRows(s, lang, t)}
            pagination={false}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('finance.balanceRule')}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('finance.statementLines')}</Typography.Title>
          <Table
            rowKey="transferId"
            size="small"
            data-testid="statement-lines"
            dataSource={s.lines}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('finance.at'),
                dataIndex: 'at',
                width: 170,
                render: (v: string) => formatDateTime(v),
              },
              {
                title: t('finance.category'),
                dataIndex: 'category',
                render: (c: string) => labelOf.get(c) ?? c,
              },
              { title: t('finance.cause'), render: (_, l) => `${l.causeType}:${l.causeId}` },
              { title: t('finance.memo'), dataIndex: 'memo' },
              { title: t('finance.amount'), dataIndex: 'amountFen', align: 'right', render: money },
              { title: t('finance.effect'), dataIndex: 'effectFen', align: 'right', render: money },
              { title: t('finance.balance'), dataIndex: 'balanceAfterFen', align: 'right', render: money },
            ]}
          />
        </>
      )}
    </>
  );
}

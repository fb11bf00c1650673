import { Alert, Button, Descriptions, Drawer, List, Space, Table, Tag, Typography } from 'antd';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type CommissionEntry, type RuleTotal, useEntryWhy, useLeaderWhy } from './period-api';

/**
 * The console's "why" views (佣金说明): one entry with its sentence, the chain of its order line and
 * its ledger transfers; and one leader's month, entry by entry. Any list of entries (the accrual's
 * entries page, the period runs) opens them: `<EntryWhyDrawer entryId=… />`, `<LeaderWhyDrawer … />`.
 */

const STATUS_COLOR: Record<string, string> = {
  estimated: 'gold',
  final: 'blue',
  settled: 'green',
  voided: 'default',
};

export function EntryStatusTag({ status }: { status: string }) {
  const { t } = useLocale();
  const key = `entryStatus.${status}` as MessageKey;
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{STATUS_COLOR[status] ? t(key) : status}</Tag>;
}

/** A button that opens the why view of one entry: what an entries table puts in its actions column. */
export function WhyLink({ entryId, onOpen }: { entryId: string; onOpen: (id: string) => void }) {
  const { t } = useLocale();
  return (
    <Button type="link" size="small" onClick={() => onOpen(entryId)} data-testid={`entry-why-${entryId}`}>
      {t('why.open')}
    </Button>
  );
}

function RuleTotals({ rows }: { rows: RuleTotal[] }) {
  const { lang, t } = useLocale();
  return (
    <Space wrap data-testid="why-by-rule">
      {rows.map((r) => (
        <Tag key={r.rule} color="blue">
          {r.ruleLabel[lang]} · {r.entries} {t('period.entries')} · {formatYuan(r.netFen)}
        </Tag>
      ))}
    </Space>
  );
}

/** Entries with their sentences, as a list people read top to bottom. */
export function EntrySentences({
  entries,
  onOpen,
}: {
  entries: CommissionEntry[];
  onOpen?: (id: string) => void;
}) {
  const { lang } = useLocale();
  return (
    <List
      size="small"
      dataSource={entries}
      data-testid="why-entries"
      renderItem={(e) => (
        <List.Item
          key={e.id}
          extra={
            <Space orientation="vertical" align="end" size={0}>
              <Typography.Text strong>{formatYuan(e.netFen)}</Typography.Text>
              <EntryStatusTag status={e.status} />
            </Space>
          }
          actions={onOpen ? [<WhyLink key="why" entryId={e.id} onOpen={onOpen} />] : undefined}
        >
          <List.Item.Meta
            title={
              <Space size={4}>
                <span>{e.ruleLabel[lang]}</span>
                {e.beneficiaryName && (
                  <Typography.Text type="secondary">· {e.beneficiaryName}</Typography.Text>
                )}
              </Space>
            }
            description={<span data-testid="why-sentence">{e.text[lang]}</span>}
          />
        </List.Item>
      )}
    />
  );
}

export function EntryWhyDrawer({ entryId, onClose }: { entryId: string | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const why = useEntryWhy(entryId);
  const e = why.data?.entry;
  return (
    <Drawer open={entryId !== null} onClose={onClose} size={760} title={t('why.title')} destroyOnHidden>
      <QueryError error={why.error} />
      {e && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="entry-why">
          <Alert type="info" showIcon title={<span data-testid="entry-why-sentence">{e.text[lang]}</span>} />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('why.leader')}>
              {e.beneficiaryName ?? e.beneficiaryId} {e.beneficiaryCode ? `(${e.beneficiaryCode})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('why.rule')}>
              {e.ruleLabel[lang]} · {t('why.planVersion', { version: e.planVersion })}
            </Descriptions.Item>
            <Descriptions.Item label={t('why.amount')}>{formatYuan(e.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('why.net')}>{formatYuan(e.netFen)}</Descriptions.Item>
            <Descriptions.Item label={t('why.status')}>
              <EntryStatusTag status={e.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('period.at')}>
              {formatDateTime(e.paidAt ?? e.createdAt)}
            </Descriptions.Item>
          </Descriptions>
          {why.data && why.data.chain.length > 0 && (
            <>
              <Typography.Title level={5}>{t('why.chain')}</Typography.Title>
              <Table<CommissionEntry>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={why.data.chain}
                rowClassName={(r) => (r.id === e.id ? 'ant-table-row-selected' : '')}
                columns={[
                  {
                    title: t('why.position'),
                    key: 'pos',
                    render: (_, r) => `L${r.chainPosition ?? 0}`,
                    width: 70,
                  },
                  {
                    title: t('why.leader'),
                    key: 'leader',
                    render: (_, r) => r.beneficiaryName ?? r.beneficiaryId,
                  },
                  { title: t('why.rule'), key: 'rule', render: (_, r) => r.ruleLabel[lang] },
                  {
                    title: t('why.amount'),
                    key: 'amount',
                    align: 'right',
                    render: (_, r) => formatYuan(r.amountFen),
                  },
                ]}
              />
            </>
          )}
          {why.data && why.data.transfers.length > 0 && (
            <>
              <Typography.Title level={5}>{t('why.transfers')}</Typography.Title>
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={why.data.transfers}
                columns={[
                  { title: t('period.at'), key: 'at', render: (_, r) => formatDateTime(r.at), width: 170 },
                  { title: t('why.debit'), dataIndex: 'debit', key: 'debit' },
                  { title: t('why.credit'), dataIndex: 'credit', key: 'credit' },
                  {
                    title: t('why.amount'),
                    key: 'amount',
                    align: 'right',
                    render: (_, r) => formatYuan(r.amountFen),
                  },
                ]}
              />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}

export function LeaderWhyDrawer({
  leaderId,
  month,
  onClose,
}: {
  leaderId: string | null;
  month: string;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const why = useLeaderWhy(leaderId, month);
  const d = why.data;
  return (
    <Drawer
      open={leaderId !== null}
      onClose={onClose}
      size={760}
      title={d ? `${t('why.leaderTitle', { name: d.leader.name })} · ${d.month}` : t('why.title')}
      destroyOnHidden
    >
      <QueryError error={why.error} />
      {d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="leader-why">
          <Typography.Text strong>
            {t('why.total', { amount: formatYuan(d.totalFen), net: formatYuan(d.netFen) })}
          </Typography.Text>
          <RuleTotals rows={d.byRule} />
          <EntrySentences entries={d.entries} />
        </Space>
      )}
    </Drawer>
  );
}

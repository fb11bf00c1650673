import { Button, Card, DatePicker, Input, Select, Space, Table, type TableProps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  ENTRY_STATUSES,
  type EntryItem,
  type EntryParams,
  type EntryStatus,
  formatBps,
  RULES,
  type Rule,
  useEntries,
} from './entries-api';
import { EntriesDetailDrawer } from './entries-detail-drawer';
import { EntryStatusTag } from './entries-status-tag';

const RULE_LABELS: Record<Rule, { zh: string; en: string }> = {
  direct: { zh: '直推提成', en: 'Direct commission' },
  differential: { zh: '团队奖（级差）', en: 'Team bonus (differential)' },
  peer: { zh: '平级奖', en: 'Peer-level bonus' },
  generation: { zh: '团队奖（按代）', en: 'Team bonus (generations)' },
  recruit_rate: { zh: '推荐奖（销售分成）', en: 'Recruit bonus (share of sales)' },
  tiered: { zh: '阶梯佣金', en: 'Tiered commission' },
  regional_dividend: { zh: '区域分红', en: 'Regional dividend' },
  hot_product: { zh: '爆品阶梯奖励', en: 'Hot-product ladder' },
  recruit_bonus: { zh: '推荐奖', en: 'Recruit bonus' },
};

type Filters = Omit<EntryParams, 'page' | 'pageSize'>;

/**
 * 佣金明细: every commission entry, filtered by leader, order, rule, status and payment day, with
 * the filter's totals; a row opens its explanation. Filters and the open entry live in the query
 * string (`?leaderId=…&id=…`), so a view can be linked from an order or a leader.
 */
export function EntriesPage() {
  const { t, lang } = useLocale();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const initial: Filters = {
    leaderId: params.get('leaderId') ?? undefined,
    orderId: params.get('orderId') ?? undefined,
    rule: (params.get('rule') as Rule | null) ?? undefined,
    status: (params.get('status') as EntryStatus | null) ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const [draft, setDraft] = useState<Filters>(initial);
  const [filters, setFilters] = useState<Filters>(initial);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useEntries({ ...filters, ...paging });
  const openId = params.get('id');
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', id);
    else next.delete('id');
    setParams(next);
  };
  const apply = (f: Filters) => {
    setFilters(f);
    setPaging((p) => ({ ...p, page: 1 }));
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, String(v));
    setParams(next);
  };
  const columns: TableProps<EntryItem>['columns'] = [
    {
      title: t('cEntries.paidAt'),
      dataIndex: 'paidAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('cEntries.leader'),
      render: (_, e) => `${e.leaderName ?? e.leaderId}${e.leaderCode ? ` (${e.leaderCode})` : ''}`,
    },
    { title: t('cEntries.rule'), render: (_, e) => e.ruleLabel[lang] },
    {
      title: t('cEntries.position'),
      dataIndex: 'chainPosition',
      width: 90,
      render: (v: number | null) => (v === null ? '—' : `L${v}`),
    },
    { title: t('cEntries.base'), dataIndex: 'baseFen', align: 'right', render: formatYuan },
    {
      title: t('cEntries.rate'),
      align: 'right',
      render: (_, e) =>
        e.rateBps !== null ? formatBps(e.rateBps) : e.perUnitFen !== null ? formatYuan(e.perUnitFen) : '—',
    },
    { title: t('cEntries.amount'), dataIndex: 'amountFen', align: 'right', render: formatYuan },
    { title: t('cEntries.kept'), dataIndex: 'keptFen', align: 'right', render: formatYuan },
    {
      title: t('cEntries.status'),
      dataIndex: 'status',
      render: (s: EntryStatus) => <EntryStatusTag status={s} />,
    },
    {
      title: t('cEntries.order'),
      render: (_, e) => (
        <Typography.Text style={{ fontSize: 12 }} type="secondary">
          {e.orderId ?? e.periodKey}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      render: (_, e) => (
        <Button size="small" type="link" onClick={() => open(e.id)} data-testid={`entry-open-${e.id}`}>
          {t('cEntries.view')}
        </Button>
      ),
    },
  ];
  const toDay = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
  const sums = list.data?.sums;
  return (
    <Card title={t('cEntries.title')}>
      <Typography.Paragraph type="secondary">{t('cEntries.hint')}</Typography.Paragraph>
      <QueryError error={list.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          style={{ width: 220 }}
          placeholder={t('cEntries.leaderId')}
          value={draft.leaderId ?? ''}
          data-testid="entries-filter-leader"
          onChange={(e) => setDraft({ ...draft, leaderId: e.target.value.trim() || undefined })}
        />
        <Input
          allowClear
          style={{ width: 220 }}
          placeholder={t('cEntries.orderId')}
          value={draft.orderId ?? ''}
          data-testid="entries-filter-order"
          onChange={(e) => setDraft({ ...draft, orderId: e.target.value.trim() || undefined })}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('cEntries.allRules')}
          value={draft.rule}
          data-testid="entries-filter-rule"
          options={RULES.map((r) => ({ value: r, label: RULE_LABELS[r][lang] }))}
          onChange={(v?: Rule) => setDraft({ ...draft, rule: v })}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('cEntries.allStatuses')}
          value={draft.status}
          data-testid="entries-filter-status"
          options={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`cEntries.status.${s}` as MessageKey) }))}
          onChange={(v?: EntryStatus) => setDraft({ ...draft, status: v })}
        />
        <DatePicker
          placeholder={t('cEntries.paidFrom')}
          onChange={(d) => setDraft({ ...draft, from: toDay(d) })}
          data-testid="entries-filter-from"
        />
        <DatePicker
          placeholder={t('cEntries.paidTo')}
          onChange={(d) => setDraft({ ...draft, to: toDay(d) })}
          data-testid="entries-filter-to"
        />
        <Button type="primary" onClick={() => apply(draft)} data-testid="entries-search">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            apply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      {sums && (
        <Typography.Paragraph data-testid="entries-sums">
          {t('cEntries.sums', {
            amount: formatYuan(sums.amountFen),
            voided: formatYuan(sums.voidedFen),
            clawed: formatYuan(sums.clawedBackFen),
            kept: formatYuan(sums.keptFen),
          })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="middle"
        data-testid="entries-table"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <EntriesDetailDrawer id={openId} canWrite={can('commission.write')} onClose={() => open(null)} />
    </Card>
  );
}

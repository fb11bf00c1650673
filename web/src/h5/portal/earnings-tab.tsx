import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Empty, Grid, List, NoticeBar, Selector, Tabs, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useState } from 'react';
import { businessToday } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type EarningEntry, earningsApi, type Withdrawal } from './earnings-api';
import { Failed, Loading, Section } from './portal-shared';
import { WithdrawSheet } from './withdraw-sheet';

const ENTRY_COLOR: Record<string, string> = {
  estimated: 'warning',
  final: 'primary',
  settled: 'success',
  voided: 'default',
};

const WITHDRAWAL_COLOR: Record<string, string> = {
  requested: 'warning',
  approved: 'primary',
  batched: 'primary',
  paid: 'success',
  failed: 'danger',
  rejected: 'default',
};

function EntryItem({ e, i }: { e: EarningEntry; i: number }) {
  const { lang, t } = useLocale();
  return (
    <List.Item
      data-testid={`earnings-entry-${i}`}
      description={
        <span style={{ fontSize: 12, lineHeight: 1.5 }} data-testid={`earnings-entry-${i}-text`}>
          {e.text[lang]}
        </span>
      }
      extra={
        <div style={{ textAlign: 'right' }}>
          <div style={{ fontWeight: 600, color: e.status === 'voided' ? '#999' : '#ff3141' }}>
            +{formatYuan(e.netFen)}
          </div>
          <Tag color={ENTRY_COLOR[e.status] ?? 'default'} fill="outline">
            {t(`entryStatus.${e.status}` as MessageKey)}
          </Tag>
        </div>
      }
    >
      <span style={{ fontSize: 14 }}>{e.ruleLabel[lang]}</span>
      <span style={{ fontSize: 11, color: '#999', marginLeft: 6 }}>
        {dayjs(e.paidAt ?? e.createdAt).format('MM-DD HH:mm')}
      </span>
    </List.Item>
  );
}

function EntriesPane() {
  const { t } = useLocale();
  const q = useInfiniteQuery({
    queryKey: ['portal', 'earnings', 'entries'],
    queryFn: ({ pageParam }) => earningsApi.entries(pageParam),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * 20 < last.total ? pages.length + 1 : undefined),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failed error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty description={t('earnings.noEntries')} />;
  return (
    <>
      <List data-testid="earnings-entries">
        {items.map((e, i) => (
          <EntryItem key={e.id} e={e} i={i} />
        ))}
      </List>
      {q.hasNextPage && (
        <Button block fill="none" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('earnings.more')}
        </Button>
      )}
    </>
  );
}

function WithdrawalItem({ w, i }: { w: Withdrawal; i: number }) {
  const { t } = useLocale();
  const reason = w.rejectReason ?? w.failReason;
  return (
    <List.Item
      data-testid={`earnings-withdrawal-${i}`}
      description={
        <span style={{ fontSize: 12 }}>
          {dayjs(w.requestedAt).format('YYYY-MM-DD HH:mm')} · {t('earnings.net')} {formatYuan(w.netFen)}
          {reason ? ` · ${t('earnings.reason', { reason })}` : ''}
        </span>
      }
      extra={
        <Tag color={WITHDRAWAL_COLOR[w.status] ?? 'default'} data-testid={`earnings-withdrawal-${i}-status`}>
          {t(`earnings.status.${w.status}` as MessageKey)}
        </Tag>
      }
    >
      {formatYuan(w.amountFen)}
    </List.Item>
  );
}

function WithdrawalsPane() {
  const { t } = useLocale();
  const q = useQuery({ queryKey: ['portal', 'withdrawals'], queryFn: earningsApi.withdrawals });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Failed error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <Empty description={t('earnings.noWithdrawals')} />;
  return (
    <List data-testid="earnings-withdrawals">
      {q.data.items.map((w, i) => (
        <WithdrawalItem key={w.id} w={w} i={i} />
      ))}
    </List>
  );
}

function StatementsPane() {
  const { lang, t } = useLocale();
  const months = Array.from({ length: 6 }, (_, i) => businessToday().subtract(i, 'month').format('YYYY-MM'));
  const [month, setMonth] = useState(months[0] ?? '');
  const q = useQuery({
    queryKey: ['portal', 'statement', month],
    queryFn: () => earningsApi.statement(month),
  });
  return (
    <div style={{ padding: '8px 0' }}>
      <Selector
        columns={3}
        value={[month]}
        onChange={(v) => v[0] && setMonth(v[0])}
        options={months.map((m) => ({ label: m, value: m }))}
      />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <Failed error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <List data-testid="earnings-statement">
          <List.Item extra={formatYuan(q.data.opening.balanceFen)}>{t('earnings.opening')}</List.Item>
          {q.data.rows
            .filter((r) => r.count > 0)
            .map((r) => (
              <List.Item key={r.category} extra={formatYuan(r.amountFen)} description={`× ${r.count}`}>
                {r.label[lang]}
              </List.Item>
            ))}
          <List.Item
            extra={<b data-testid="earnings-statement-closing">{formatYuan(q.data.closing.balanceFen)}</b>}
          >
            {t('earnings.closing')}
          </List.Item>
          <List.Item>
            <a
              href={`/api/ledger/me/statements/export?month=${month}`}
              download
              data-testid="earnings-statement-xlsx"
            >
              {t('earnings.download')}
            </a>
          </List.Item>
        </List>
      )}
    </div>
  );
}

/**
 * 收益: the leader's money at a glance (预估, 待结算, 可提现, 已提现), every entry with the sentence
 * that explains it, the withdrawal form and the withdrawals' status, and the monthly statements.
 */
export function EarningsTab() {
  const { lang, t } = useLocale();
  const [withdrawing, setWithdrawing] = useState(false);
  const summary = useQuery({ queryKey: ['portal', 'earnings', 'summary'], queryFn: earningsApi.summary });
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <Failed error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const cards = [
    {
      id: 'estimated',
      label: t('earnings.estimated'),
      hint: t('earnings.estimatedHint'),
      fen: s.estimatedFen,
    },
    { id: 'pending', label: t('earnings.pending'), hint: t('earnings.pendingHint'), fen: s.pendingFen },
    { id: 'available', label: t('earnings.available'), hint: '', fen: s.availableFen },
    { id: 'paid', label: t('earnings.paid'), hint: '', fen: s.paidOutFen },
  ];
  return (
    <div data-testid="earnings-tab">
      <div style={{ background: '#fff', padding: '16px 12px' }}>
        <Grid columns={2} gap={12}>
          {cards.map((c) => (
            <Grid.Item key={c.id}>
              <div style={{ background: '#fff7f7', borderRadius: 8, padding: '10px 12px' }}>
                <div style={{ fontSize: 12, color: '#999' }}>{c.label}</div>
                <div
                  style={{ fontSize: 20, fontWeight: 700, color: '#ff3141' }}
                  data-testid={`earnings-${c.id}`}
                >
                  {formatYuan(c.fen)}
                </div>
                {c.hint && <div style={{ fontSize: 11, color: '#bbb' }}>{c.hint}</div>}
              </div>
            </Grid.Item>
          ))}
        </Grid>
        {s.withdrawingFen > 0 && (
          <div style={{ fontSize: 12, color: '#999', marginTop: 8 }}>
            {t('earnings.withdrawing', { amount: formatYuan(s.withdrawingFen) })}
          </div>
        )}
        {s.owedFen > 0 && (
          <NoticeBar color="alert" wrap content={t('earnings.owed', { amount: formatYuan(s.owedFen) })} />
        )}
        <Button
          block
          color="primary"
          style={{ marginTop: 12 }}
          onClick={() => setWithdrawing(true)}
          data-testid="earnings-withdraw"
        >
          {t('earnings.withdraw')}
        </Button>
      </div>
      <Section
        title={
          <span data-testid="earnings-month">
            {t('earnings.thisMonth', { amount: formatYuan(s.monthFen) })}
          </span>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {s.monthByRule.map((r) => (
            <Tag key={r.rule} fill="outline" color="primary">
              {r.ruleLabel[lang]} {formatYuan(r.netFen)}
            </Tag>
          ))}
        </div>
      </Section>
      <div style={{ background: '#fff' }}>
        <Tabs defaultActiveKey="entries">
          <Tabs.Tab
            title={<span data-testid="earnings-tab-entries">{t('earnings.entries')}</span>}
            key="entries"
          >
            <EntriesPane />
          </Tabs.Tab>
          <Tabs.Tab
            title={<span data-testid="earnings-tab-withdrawals">{t('earnings.withdrawals')}</span>}
            key="withdrawals"
          >
            <WithdrawalsPane />
          </Tabs.Tab>
          <Tabs.Tab
            title={<span data-testid="earnings-tab-statements">{t('earnings.statements')}</span>}
            key="statements"
          >
            <StatementsPane />
          </Tabs.Tab>
        </Tabs>
      </div>
      <WithdrawSheet visible={withdrawing} onClose={() => setWithdrawing(false)} />
    </div>
  );
}

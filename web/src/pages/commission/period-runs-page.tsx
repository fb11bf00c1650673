import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Drawer,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { useCampaignList } from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { businessToday, formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { EntrySentences, EntryWhyDrawer, LeaderWhyDrawer } from './entry-why-drawer';
import {
  type PeriodRun,
  type RunKind,
  useCloseMonth,
  usePeriodRun,
  usePeriodRuns,
  useRunHotProducts,
  useRunRecruitCheck,
} from './period-api';

interface HeldShare {
  regionName: string;
  userId: string;
  name: string;
  amountFen: number;
}

/** One run's period: totals per rule, what was held back, and every entry with its sentence. */
function RunDetailDrawer({ runId, onClose }: { runId: string | null; onClose: () => void }) {
  const { lang, t } = useLocale();
  const detail = usePeriodRun(runId);
  const [entryId, setEntryId] = useState<string | null>(null);
  const [leader, setLeader] = useState<string | null>(null);
  const run = detail.data?.run;
  const held = (run?.report.held as HeldShare[] | undefined) ?? [];
  const undistributed =
    (run?.report.undistributed as Array<{ regionName: string; poolFen: number }> | undefined) ?? [];
  const month = run?.kind === 'month_close' ? run.period : dayjs(run?.at).format('YYYY-MM');
  return (
    <Drawer open={runId !== null} onClose={onClose} size={820} title={t('period.detail')} destroyOnHidden>
      <QueryError error={detail.error} />
      {run && detail.data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="period-run-detail">
          <Typography.Text>
            {t(`period.kind.${run.kind}` as MessageKey)} · {run.period}
            {run.planVersion !== null && ` · ${t('why.planVersion', { version: run.planVersion })}`}
          </Typography.Text>
          <Space wrap data-testid="period-run-by-rule">
            {detail.data.byRule.map((r) => (
              <Tag key={r.rule} color="blue" data-testid={`period-rule-${r.rule}`}>
                {r.ruleLabel[lang]} · {r.entries} {t('period.entries')} · {formatYuan(r.amountFen)}
              </Tag>
            ))}
          </Space>
          {held.length > 0 && (
            <Card size="small" title={t('period.held')} data-testid="period-held">
              {held.map((h) => (
                <div key={`${h.regionName}-${h.userId}`}>
                  {h.regionName} · {h.name} · {formatYuan(h.amountFen)}
                </div>
              ))}
            </Card>
          )}
          {undistributed.length > 0 && (
            <Card size="small" title={t('period.undistributed')}>
              {undistributed.map((u) => (
                <div key={u.regionName}>
                  {u.regionName} · {formatYuan(u.poolFen)}
                </div>
              ))}
            </Card>
          )}
          <Space wrap>
            {[
              ...new Map(
                detail.data.entries.map((e) => [e.beneficiaryId, e.beneficiaryName ?? e.beneficiaryId]),
              ),
            ].map(([id, name]) => (
              <Button key={id} size="small" onClick={() => setLeader(id)} data-testid={`period-leader-${id}`}>
                {name}
              </Button>
            ))}
          </Space>
          <EntrySentences entries={detail.data.entries} onOpen={setEntryId} />
        </Space>
      )}
      <EntryWhyDrawer entryId={entryId} onClose={() => setEntryId(null)} />
      <LeaderWhyDrawer leaderId={leader} month={month} onClose={() => setLeader(null)} />
    </Drawer>
  );
}

/**
 * Month close and the other period computations (月结与期间计算): run a month close, a finished
 * campaign's hot-product ladder or the recruit check, and see each run and the entries of its period.
 */
export function PeriodRunsPage() {
  const { t } = useLocale();
  const can = useCan();
  const { message } = AntApp.useApp();
  const reportError = useReportError();
  const [month, setMonth] = useState<Dayjs>(businessToday().subtract(1, 'month').startOf('month'));
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<RunKind | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const runs = usePeriodRuns({ ...(kind ? { kind } : {}), page, pageSize: 20 });
  const closed = useCampaignList({ state: 'closed', q: '', page: 1, pageSize: 100 });
  const fulfilled = useCampaignList({ state: 'fulfilled', q: '', page: 1, pageSize: 100 });
  const closeMonth = useCloseMonth();
  const hot = useRunHotProducts();
  const recruit = useRunRecruitCheck();
  const writable = can('commission.write');

  const done = (run: PeriodRun) => {
    message.success(t('period.done', { n: run.entriesNew, amount: formatYuan(run.newFen) }));
    setOpenId(run.id);
  };

  const campaigns = [...(closed.data?.items ?? []), ...(fulfilled.data?.items ?? [])];
  const columns: TableProps<PeriodRun>['columns'] = [
    { title: t('period.kind'), key: 'kind', render: (_, r) => t(`period.kind.${r.kind}` as MessageKey) },
    {
      title: t('period.period'),
      key: 'period',
      // A campaign's run names the campaign; the id is kept for a search.
      render: (_, r) =>
        typeof r.report.campaignName === 'string' ? (
          <span title={r.period}>
            {String(r.report.campaignCode ?? '')} {r.report.campaignName}
          </span>
        ) : (
          r.period
        ),
    },
    {
      title: t('period.trigger'),
      key: 'trigger',
      render: (_, r) => t(`period.trigger.${r.trigger}` as MessageKey),
    },
    {
      title: t('period.plan'),
      key: 'plan',
      render: (_, r) => (r.planVersion === null ? '—' : `v${r.planVersion}`),
    },
    { title: t('period.computed'), dataIndex: 'entriesComputed', key: 'computed', align: 'right' },
    { title: t('period.new'), dataIndex: 'entriesNew', key: 'new', align: 'right' },
    { title: t('period.newFen'), key: 'newFen', align: 'right', render: (_, r) => formatYuan(r.newFen) },
    { title: t('period.at'), key: 'at', render: (_, r) => formatDateTime(r.at) },
    { title: t('period.by'), key: 'by', render: (_, r) => r.actorName ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenId(r.id)}
          data-testid={`period-run-open-${r.id}`}
        >
          {t('period.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('period.title')} data-testid="period-runs-page">
      {writable && (
        <Space wrap style={{ marginBottom: 16 }}>
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            onChange={(v) => v && setMonth(v)}
            data-testid="period-month"
          />
          <Popconfirm
            title={t('period.closeConfirm', { month: month.format('YYYY-MM') })}
            onConfirm={() =>
              closeMonth.mutate(
                { month: month.format('YYYY-MM') },
                { onSuccess: done, onError: (e) => reportError(e) },
              )
            }
          >
            <Button type="primary" loading={closeMonth.isPending} data-testid="period-close-month">
              {t('period.closeMonth')}
            </Button>
          </Popconfirm>
          <Select
            style={{ width: 260 }}
            placeholder={t('period.campaignId')}
            value={campaignId}
            onChange={setCampaignId}
            allowClear
            showSearch
            optionFilterProp="label"
            options={campaigns.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
            data-testid="period-campaign"
          />
          <Button
            disabled={!campaignId}
            loading={hot.isPending}
            onClick={() =>
              campaignId && hot.mutate({ campaignId }, { onSuccess: done, onError: (e) => reportError(e) })
            }
            data-testid="period-run-hot"
          >
            {t('period.runHot')}
          </Button>
          <Button
            loading={recruit.isPending}
            onClick={() => recruit.mutate({}, { onSuccess: done, onError: (e) => reportError(e) })}
            data-testid="period-run-recruit"
          >
            {t('period.runRecruit')}
          </Button>
        </Space>
      )}
      <div style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 200 }}
          allowClear
          placeholder={t('period.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={(['month_close', 'hot_product', 'recruit_check'] as const).map((k) => ({
            value: k,
            label: t(`period.kind.${k}` as MessageKey),
          }))}
          data-testid="period-kind-filter"
        />
      </div>
      <QueryError error={runs.error} />
      <Table<PeriodRun>
        rowKey="id"
        size="small"
        data-testid="period-runs-table"
        columns={columns}
        dataSource={runs.data?.items}
        loading={runs.isFetching}
        pagination={{ current: page, pageSize: 20, total: runs.data?.total ?? 0, onChange: setPage }}
      />
      <RunDetailDrawer runId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}

import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import {
  type Level,
  type Run,
  type RunResult,
  type Schedule,
  useLevels,
  useRunAssessment,
  useRuns,
  useSaveSchedule,
  useSetLevelStatus,
} from './levels-api';
import { LevelFormModal } from './levels-form-modal';

/**
 * 团长等级 (/leader-levels): the ladder with each level's upgrade and downgrade rules in plain words
 * (leaders.manage edits them), the assessment schedule, and the assessment runs with "run now"
 * (leaders.admin), whose result is shown at once.
 */
export function LevelsPage() {
  const can = useCan();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <LadderCard canManage={can('leaders.manage')} />
      <ScheduleCard canManage={can('leaders.manage')} />
      <RunsCard canRun={can('leaders.admin')} />
    </Space>
  );
}

function LadderCard({ canManage }: { canManage: boolean }) {
  const { t, lang } = useLocale();
  const levels = useLevels();
  const setStatus = useSetLevelStatus();
  const reportError = useReportError();
  const [dialog, setDialog] = useState<{ level: Level | null } | null>(null);
  const name = (l: Level) => (lang === 'zh' ? l.nameZh : l.nameEn);

  const columns: TableProps<Level>['columns'] = [
    { title: t('levels.rank'), dataIndex: 'rank', key: 'rank', width: 70 },
    {
      title: t('levels.name'),
      key: 'name',
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name(l)}</Typography.Text>
          <Tag>{l.code}</Tag>
        </Space>
      ),
    },
    {
      title: t('levels.upgrade'),
      key: 'upgrade',
      render: (_, l) => (
        <span data-testid={`level-upgrade-${l.code}`}>
          {lang === 'zh' ? l.upgradeText.zh : l.upgradeText.en}
        </span>
      ),
    },
    {
      title: t('levels.downgrade'),
      key: 'downgrade',
      render: (_, l) => (
        <span data-testid={`level-downgrade-${l.code}`}>
          {lang === 'zh' ? l.downgradeText.zh : l.downgradeText.en}
        </span>
      ),
    },
    { title: t('levels.leaderCount'), dataIndex: 'leaderCount', key: 'leaderCount', width: 80 },
    {
      title: t('levels.status'),
      key: 'status',
      width: 90,
      render: (_, l) => (
        <Tag color={l.status === 'active' ? 'success' : 'default'}>{t(`levels.status.${l.status}`)}</Tag>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, l) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setDialog({ level: l })}
            data-testid={`level-edit-${l.code}`}
          >
            {t('levels.edit')}
          </Button>
          {l.status === 'active' ? (
            <Popconfirm
              title={t('levels.archiveConfirm', { name: name(l) })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setStatus.mutateAsync({ id: l.id, archive: true }).catch((e: unknown) => reportError(e))
              }
            >
              <Button type="link" size="small" danger data-testid={`level-archive-${l.code}`}>
                {t('levels.archive')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              type="link"
              size="small"
              onClick={() =>
                setStatus.mutateAsync({ id: l.id, archive: false }).catch((e: unknown) => reportError(e))
              }
              data-testid={`level-activate-${l.code}`}
            >
              {t('levels.activate')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('levels.ladder')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ level: null })}
            data-testid="level-create"
          >
            {t('levels.create')}
          </Button>
        )
      }
    >
      <QueryError error={levels.error} />
      <Table<Level>
        rowKey="id"
        data-testid="levels-table"
        columns={columns}
        dataSource={levels.data?.items}
        loading={levels.isFetching}
        pagination={false}
        size="middle"
      />
      {dialog && <LevelFormModal level={dialog.level} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ScheduleCard({ canManage }: { canManage: boolean }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const levels = useLevels();
  const save = useSaveSchedule();
  const reportError = useReportError();
  const [form] = Form.useForm<Schedule>();
  const [editing, setEditing] = useState(false);
  const s = levels.data?.settings;
  if (!s) return null;

  const summary = s.enabled
    ? t('levels.schedule.summary', {
        kind: t(s.periodKind === 'month' ? 'levels.schedule.month' : 'levels.schedule.week'),
        day: s.runDay,
        hour: String(s.runHour).padStart(2, '0'),
      })
    : t('levels.schedule.off');

  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(v, {
      onSuccess: () => {
        message.success(t('levels.schedule.saved'));
        setEditing(false);
      },
      onError: (e) =>
        reportError(e, formTarget(form, ['enabled', 'periodKind', 'runDay', 'runHour'] as const)),
    });
  };

  return (
    <Card
      title={t('levels.schedule')}
      extra={
        canManage &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="level-schedule-edit">
            {t('levels.edit')}
          </Button>
        )
      }
    >
      {!editing ? (
        <Typography.Text data-testid="level-schedule-summary">{summary}</Typography.Text>
      ) : (
        <Form form={form} layout="inline" initialValues={s}>
          <Form.Item name="enabled" label={t('levels.schedule.enabled')} valuePropName="checked">
            <Switch data-testid="level-schedule-enabled" />
          </Form.Item>
          <Form.Item name="periodKind" label={t('levels.schedule.periodKind')}>
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'month', label: t('levels.schedule.month') },
                { value: 'week', label: t('levels.schedule.week') },
              ]}
              data-testid="level-schedule-period"
            />
          </Form.Item>
          <Form.Item
            name="runDay"
            label={t('levels.schedule.runDay')}
            tooltip={t('levels.schedule.runDayHint')}
          >
            <InputNumber min={1} max={28} precision={0} data-testid="level-schedule-day" />
          </Form.Item>
          <Form.Item name="runHour" label={t('levels.schedule.runHour')}>
            <InputNumber min={0} max={23} precision={0} data-testid="level-schedule-hour" />
          </Form.Item>
          <Space>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => void submit().catch(() => {})}
              data-testid="level-schedule-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}

function RunsCard({ canRun }: { canRun: boolean }) {
  const { t } = useLocale();
  const runs = useRuns();
  const run = useRunAssessment();
  const reportError = useReportError();
  const [result, setResult] = useState<RunResult | null>(null);

  const columns: TableProps<Run>['columns'] = [
    { title: t('levels.run.period'), key: 'period', render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
    {
      title: t('levels.run.trigger'),
      key: 'trigger',
      render: (_, r) => t(`levels.run.trigger.${r.trigger}`),
    },
    {
      title: t('levels.run.status'),
      key: 'status',
      render: (_, r) => (
        <Tag
          color={r.status === 'completed' ? 'success' : r.status === 'failed' ? 'error' : 'processing'}
          title={r.error ?? undefined}
        >
          {t(`levels.run.status.${r.status}`)}
        </Tag>
      ),
    },
    { title: t('levels.run.assessed'), key: 'assessed', render: (_, r) => r.assessed ?? '—' },
    { title: t('levels.run.upgraded'), dataIndex: 'upgraded', key: 'upgraded' },
    { title: t('levels.run.downgraded'), dataIndex: 'downgraded', key: 'downgraded' },
    { title: t('levels.run.unchanged'), key: 'unchanged', render: (_, r) => r.unchanged ?? '—' },
    { title: t('levels.run.held'), key: 'held', render: (_, r) => r.held ?? '—' },
    {
      title: t('levels.run.duration'),
      key: 'duration',
      render: (_, r) => (r.durationMs === null ? '—' : `${(r.durationMs / 1000).toFixed(1)} s`),
    },
    { title: t('levels.history.actor'), key: 'actor', render: (_, r) => r.actorName ?? '—' },
    { title: t('levels.run.startedAt'), key: 'startedAt', render: (_, r) => formatDateTime(r.startedAt) },
  ];

  return (
    <Card
      title={t('levels.runs')}
      extra={
        canRun && (
          <Popconfirm
            title={t('levels.runNowConfirm')}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'level-run-confirm' }}
            onConfirm={() =>
              run
                .mutateAsync({})
                .then(setResult)
                .catch((e: unknown) => reportError(e))
            }
          >
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={run.isPending}
              data-testid="level-run-now"
            >
              {t('levels.runNow')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {result && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          style={{ marginBottom: 12 }}
          data-testid="level-run-result"
          title={`${result.periodStart} ~ ${result.periodEnd}：${t('levels.runDone', {
            assessed: result.assessed,
            upgraded: result.upgraded,
            downgraded: result.downgraded,
            unchanged: result.unchanged,
            held: result.held,
          })}`}
        />
      )}
      <QueryError error={runs.error} />
      <Table<Run>
        rowKey="id"
        data-testid="level-runs-table"
        columns={columns}
        dataSource={runs.data?.items}
        loading={runs.isFetching}
        pagination={false}
        size="small"
      />
    </Card>
  );
}

import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { LeaderDetail } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import {
  type ExplainLine,
  type LevelChange,
  type LevelRef,
  type RuleProgress,
  useLeaderLevel,
  useLevelProgress,
  useLevels,
  useOverrideLevel,
} from './levels-api';

/** Lines of an evaluated rule: each condition with its figure, ✓ when it held. */
export function ExplainLines({ lines, testId }: { lines: ExplainLine[]; testId: string }) {
  const { t, lang } = useLocale();
  return (
    <div data-testid={testId}>
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed rendering of one rule
        <div key={i} style={{ paddingLeft: l.depth * 16 }}>
          <Space size={4}>
            {l.held ? (
              <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('levels.line.held')} />
            ) : (
              <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label={t('levels.line.notHeld')} />
            )}
            <Typography.Text strong={l.kind !== 'condition'}>
              {lang === 'zh' ? l.text.zh : l.text.en}
            </Typography.Text>
            {l.kind === 'condition' && l.actualText !== undefined && (
              <Typography.Text type="secondary">
                （{t('levels.line.actual', { value: l.actualText })}）
              </Typography.Text>
            )}
          </Space>
        </div>
      ))}
    </div>
  );
}

function LevelTag({ level }: { level: LevelRef | null }) {
  const { t, lang } = useLocale();
  if (!level) return <Tag>{t('levels.noLevel')}</Tag>;
  return <Tag color="gold">{lang === 'zh' ? level.nameZh : level.nameEn}</Tag>;
}

function Progress({ leaderId }: { leaderId: string }) {
  const { t, lang } = useLocale();
  const progress = useLevelProgress(leaderId);
  const p = progress.data;
  if (!p) return <QueryError error={progress.error} />;
  const block = (rule: RuleProgress | null, title: string, testId: string) =>
    rule && (
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{title}</Typography.Text>
        <ExplainLines lines={rule.lines} testId={testId} />
      </div>
    );
  return (
    <Card size="small" title={t('levels.progress')} data-testid="level-progress">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('levels.progress.period', { start: p.period.start, end: p.period.end })}
      </Typography.Paragraph>
      {p.next ? (
        <Space>
          {t('levels.progress.next')}：<LevelTag level={p.next} />
          <Typography.Text>
            {p.upgrade ? (lang === 'zh' ? p.upgrade.text.zh : p.upgrade.text.en) : t('levels.rule.none')}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text>{t('levels.progress.top')}</Typography.Text>
      )}
      {block(p.upgrade, t('levels.upgrade'), 'level-progress-upgrade')}
      {p.keep && (
        <div style={{ marginTop: 8 }} data-testid="level-progress-keep">
          <Typography.Text type="secondary">{t('levels.progress.keep')}</Typography.Text>{' '}
          {p.keep.onTrack ? (
            <Tag color="success" data-testid="level-progress-keep-ok">
              {t('levels.progress.keepOnTrack')}
            </Tag>
          ) : (
            <Tag color="error" data-testid="level-progress-keep-short">
              {t('levels.progress.keepAtRisk')}
            </Tag>
          )}
          {p.keep.missing.map((m) => (
            <div key={`${m.metric}-${m.label.en}`}>
              <Typography.Text>
                {t(m.direction === 'atLeast' ? 'levels.progress.needMore' : 'levels.progress.needLess', {
                  what: m.label[lang],
                  short: m.shortText,
                  have: m.haveText,
                  need: m.needText,
                })}
              </Typography.Text>
            </div>
          ))}
          <div style={{ marginTop: 4 }}>
            {/* The drop rule in words only: ticks beside its conditions would read as "met". */}
            <Typography.Text type="secondary" data-testid="level-progress-drop-rule">
              {t('levels.progress.dropRule', { rule: p.keep.dropRule.text[lang] })}
            </Typography.Text>
          </div>
        </div>
      )}
    </Card>
  );
}

function Detail({ change }: { change: LevelChange }) {
  const { t } = useLocale();
  if (change.cause === 'assessment')
    return (
      <div>
        {change.periodStart && change.periodEnd && (
          <Typography.Text type="secondary">
            {t('levels.history.periodOf', { start: change.periodStart, end: change.periodEnd })}
            {change.rule === 'upgrade' || change.rule === 'downgrade'
              ? ` · ${t(`levels.history.rule.${change.rule}`)}`
              : ''}
          </Typography.Text>
        )}
        <ExplainLines lines={change.lines} testId={`level-change-lines-${change.id}`} />
      </div>
    );
  if (change.cause === 'override')
    return (
      <div>
        <Typography.Text>{change.reason}</Typography.Text>
        {change.heldUntil && (
          <div>
            <Typography.Text type="secondary">
              {t('levels.heldUntil')} {formatDateTime(change.heldUntil)}
            </Typography.Text>
          </div>
        )}
      </div>
    );
  return <Typography.Text type="secondary">{change.reason ?? '—'}</Typography.Text>;
}

interface OverrideValues {
  levelId: string;
  reason: string;
  holdUntil: Dayjs | null;
}

function OverrideModal({
  leader,
  currentId,
  onClose,
}: {
  leader: LeaderDetail;
  currentId: string | null;
  onClose: () => void;
}) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<OverrideValues>();
  const levels = useLevels();
  const override = useOverrideLevel();
  const reportError = useReportError();
  const submit = async () => {
    const v = await form.validateFields();
    override.mutate(
      {
        leaderId: leader.id,
        levelId: v.levelId,
        reason: v.reason,
        holdUntil: v.holdUntil ? v.holdUntil.endOf('day').toISOString() : null,
      },
      {
        onSuccess: () => {
          message.success(t('levels.override.done'));
          onClose();
        },
        onError: (e) => reportError(e, formTarget(form, ['levelId', 'reason', 'holdUntil'] as const)),
      },
    );
  };
  return (
    <FormModal
      title={t('levels.overrideTitle', { name: leader.name })}
      submitting={override.isPending}
      submitTestId="level-override-submit"
      onSubmit={() => void submit().catch(() => {})}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ levelId: currentId ?? undefined, reason: '', holdUntil: null }}
      >
        <Form.Item
          name="levelId"
          label={t('levels.override.level')}
          rules={[{ required: true, message: t('levels.required') }]}
        >
          <Select
            data-testid="level-override-level"
            options={(levels.data?.items ?? [])
              .filter((l) => l.status === 'active')
              .map((l) => ({ value: l.id, label: `${lang === 'zh' ? l.nameZh : l.nameEn}（${l.code}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('levels.override.reason')}
          rules={[{ required: true, whitespace: true, message: t('levels.override.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="level-override-reason" />
        </Form.Item>
        <Form.Item name="holdUntil" label={t('levels.override.hold')} extra={t('levels.override.holdHint')}>
          <DatePicker data-testid="level-override-hold" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/**
 * 等级 tab of the leader detail page: the current level (and hold), progress towards the next level
 * this period, the override (leaders.admin), and every change with the figures behind it.
 */
export function LeaderLevelTab({ leader }: { leader: LeaderDetail }) {
  const { t } = useLocale();
  const can = useCan();
  const detail = useLeaderLevel(leader.id);
  const [overriding, setOverriding] = useState(false);
  const d = detail.data;

  const columns: TableProps<LevelChange>['columns'] = [
    { title: t('levels.history.at'), key: 'at', width: 170, render: (_, c) => formatDateTime(c.at) },
    {
      title: t('levels.history.change'),
      key: 'change',
      width: 220,
      render: (_, c) => (
        <Space size={4}>
          {c.from && <LevelTag level={c.from} />}
          {c.from && '→'}
          <LevelTag level={c.to} />
        </Space>
      ),
    },
    {
      title: t('levels.history.cause'),
      key: 'cause',
      width: 110,
      render: (_, c) => (
        <Tag color={c.cause === 'override' ? 'purple' : c.cause === 'assessment' ? 'blue' : 'default'}>
          {t(`levels.history.cause.${c.cause}`)}
        </Tag>
      ),
    },
    { title: t('levels.history.detail'), key: 'detail', render: (_, c) => <Detail change={c} /> },
    { title: t('levels.history.actor'), key: 'actor', width: 110, render: (_, c) => c.actorName ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="leader-level-tab">
      <QueryError error={detail.error} />
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('levels.current')}>
          <span data-testid="leader-level-current">
            <LevelTag level={d?.level ?? null} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('levels.heldUntil')}>
          {d?.heldUntil ? formatDateTime(d.heldUntil) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {can('leaders.admin') && (
        <Button onClick={() => setOverriding(true)} data-testid="level-override">
          {t('levels.override')}
        </Button>
      )}
      <Progress leaderId={leader.id} />
      <Card size="small" title={t('levels.history')}>
        <Table<LevelChange>
          rowKey="id"
          size="small"
          data-testid="level-history-table"
          columns={columns}
          dataSource={d?.history}
          loading={detail.isFetching}
          pagination={false}
        />
      </Card>
      {overriding && (
        <OverrideModal
          leader={leader}
          currentId={d?.level?.id ?? null}
          onClose={() => setOverriding(false)}
        />
      )}
    </Space>
  );
}

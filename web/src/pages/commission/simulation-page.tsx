import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useReportError } from '../../api-errors';
import { usePlans } from '../../commission-api';
import { QueryError } from '../../components/query-error';
import { businessToday } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type SimulationResult, useSimulate } from './period-api';

interface FormValues {
  planId: string;
  range: [Dayjs, Dayjs];
}

// The formatter signs a negative amount itself; a difference shows its plus too.
const signed = (fen: number) => (fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen));
const diffColor = (fen: number) => (fen > 0 ? '#cf1322' : fen < 0 ? '#389e0d' : undefined);

function Diff({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <span style={{ color: diffColor(fen) }} data-testid={testId}>
      {signed(fen)}
    </span>
  );
}

function Results({ r }: { r: SimulationResult }) {
  const { lang, t } = useLocale();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="sim-result">
      <Row gutter={16}>
        <Col span={4}>
          <Statistic title={t('sim.lines')} value={r.totals.lines} suffix={`/ ${r.totals.orders}`} />
        </Col>
        <Col span={5}>
          <Statistic title={t('sim.gmv')} value={formatYuan(r.totals.gmvFen)} />
        </Col>
        <Col span={5}>
          <Statistic
            title={`${t('sim.draftCost')} · v${r.plan.version}`}
            value={formatYuan(r.draft.totalFen)}
            suffix={<small>{t('sim.pct', { pct: r.draft.percentOfGmv })}</small>}
          />
          <span data-testid="sim-draft-total" style={{ display: 'none' }}>
            {r.draft.totalFen}
          </span>
        </Col>
        <Col span={5}>
          <Statistic
            title={`${t('sim.baselineCost')}${r.baselinePlan ? ` · v${r.baselinePlan.version}` : ''}`}
            value={formatYuan(r.baseline.totalFen)}
            suffix={<small>{t('sim.pct', { pct: r.baseline.percentOfGmv })}</small>}
          />
        </Col>
        <Col span={5}>
          <Statistic
            title={t('sim.diff')}
            value={signed(r.diff.totalFen)}
            styles={{ content: { color: diffColor(r.diff.totalFen) } }}
            suffix={<small>{`${r.diff.percentOfGmv > 0 ? '+' : ''}${r.diff.percentOfGmv}%`}</small>}
          />
          <span data-testid="sim-diff-total" style={{ display: 'none' }}>
            {r.diff.totalFen}
          </span>
        </Col>
      </Row>
      {!r.hasBaseline && <Alert type="warning" showIcon title={t('sim.noBaseline')} />}
      <Typography.Text type="secondary">
        {t('sim.elapsed', { ms: r.elapsedMs })} · {t('sim.estimatedHint')}
      </Typography.Text>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title={t('sim.byRule')}>
            <Table
              rowKey="rule"
              size="small"
              pagination={false}
              data-testid="sim-by-rule"
              dataSource={r.byRule.filter((x) => x.draftFen !== 0 || x.baselineFen !== 0)}
              columns={[
                {
                  title: t('why.rule'),
                  key: 'rule',
                  render: (_, x) => (
                    <Space size={4}>
                      {t(`rule.${x.rule}` as MessageKey)}
                      {x.estimated && <Tag>{t('sim.estimated')}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t('sim.draft'),
                  key: 'draft',
                  align: 'right',
                  render: (_, x) => (
                    <span data-testid={`sim-rule-${x.rule}-draft`}>{formatYuan(x.draftFen)}</span>
                  ),
                },
                {
                  title: t('sim.baseline'),
                  key: 'baseline',
                  align: 'right',
                  render: (_, x) => (
                    <span data-testid={`sim-rule-${x.rule}-baseline`}>{formatYuan(x.baselineFen)}</span>
                  ),
                },
                {
                  title: t('sim.diff'),
                  key: 'diff',
                  align: 'right',
                  render: (_, x) => <Diff fen={x.diffFen} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('sim.byLevel')}>
            <Table
              rowKey={(x) => x.levelId ?? 'none'}
              size="small"
              pagination={false}
              data-testid="sim-by-level"
              dataSource={r.byLevel}
              columns={[
                {
                  title: t('sim.level'),
                  key: 'level',
                  render: (_, x) => (lang === 'zh' ? x.levelName : x.levelNameEn) ?? t('sim.noLevel'),
                },
                {
                  title: t('sim.draft'),
                  key: 'draft',
                  align: 'right',
                  render: (_, x) => formatYuan(x.draftFen),
                },
                {
                  title: t('sim.baseline'),
                  key: 'baseline',
                  align: 'right',
                  render: (_, x) => formatYuan(x.baselineFen),
                },
                {
                  title: t('sim.diff'),
                  key: 'diff',
                  align: 'right',
                  render: (_, x) => <Diff fen={x.diffFen} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('sim.top')}>
        <Table
          rowKey="leaderId"
          size="small"
          pagination={false}
          data-testid="sim-top"
          dataSource={r.topEarners}
          columns={[
            {
              title: t('sim.leader'),
              key: 'leader',
              render: (_, x) => (x.code ? `${x.name} (${x.code})` : x.name),
            },
            { title: t('sim.draft'), key: 'draft', align: 'right', render: (_, x) => formatYuan(x.draftFen) },
            {
              title: t('sim.baseline'),
              key: 'baseline',
              align: 'right',
              render: (_, x) => formatYuan(x.baselineFen),
            },
            { title: t('sim.diff'), key: 'diff', align: 'right', render: (_, x) => <Diff fen={x.diffFen} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

/**
 * The simulation (佣金试算): a draft plan over the orders paid in a date range, against the active
 * plan; how much it would cost, per rule and level, who would earn most, and nothing posted.
 */
export function SimulationPage() {
  const { t } = useLocale();
  const [form] = Form.useForm<FormValues>();
  const plans = usePlans();
  const simulate = useSimulate();
  const reportError = useReportError();
  const drafts = (plans.data?.items ?? []).filter((p) => p.status === 'draft');
  const lastMonth = businessToday().subtract(1, 'month');
  // `?from=YYYY-MM-DD&to=YYYY-MM-DD` opens the page on that range (a link from elsewhere, or a test).
  const [params] = useSearchParams();
  const dayParam = (name: string) => {
    const v = params.get(name) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).isValid() ? dayjs(v) : null;
  };
  const fromParam = dayParam('from');
  const toParam = dayParam('to');
  const initialRange: [Dayjs, Dayjs] =
    fromParam && toParam ? [fromParam, toParam] : [lastMonth.startOf('month'), lastMonth.endOf('month')];
  const firstDraft = drafts[0]?.id;
  // The newest draft is chosen once the plans have loaded (the form mounted before they did).
  useEffect(() => {
    if (firstDraft && !form.getFieldValue('planId')) form.setFieldsValue({ planId: firstDraft });
  }, [firstDraft, form]);

  // The server names `body.from` / `body.to`; both belong to the one range field.
  const run = (v: FormValues) =>
    simulate.mutate(
      { planId: v.planId, from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD') },
      {
        onError: (e) =>
          reportError(e, {
            fields: ['planId', 'from', 'to'] as const,
            show: (field, text) =>
              form.setFields([{ name: field === 'planId' ? 'planId' : 'range', errors: [text] }]),
          }),
      },
    );

  return (
    <Card title={t('sim.title')} data-testid="simulation-page">
      <Typography.Paragraph type="secondary">{t('sim.hint')}</Typography.Paragraph>
      <QueryError error={plans.error} />
      {plans.isSuccess && drafts.length === 0 && <Alert type="info" showIcon title={t('sim.noDrafts')} />}
      <Form<FormValues>
        form={form}
        layout="inline"
        onFinish={run}
        initialValues={{ range: initialRange }}
        style={{ marginBottom: 16 }}
      >
        <Form.Item name="planId" label={t('sim.plan')} rules={[{ required: true }]}>
          <Select
            style={{ width: 260 }}
            data-testid="sim-plan"
            options={drafts.map((p) => ({ value: p.id, label: `v${p.version} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('sim.range')} rules={[{ required: true }]}>
          <DatePicker.RangePicker allowClear={false} data-testid="sim-range" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={simulate.isPending} data-testid="sim-run">
            {t('sim.run')}
          </Button>
        </Form.Item>
      </Form>
      {simulate.data && <Results r={simulate.data} />}
    </Card>
  );
}

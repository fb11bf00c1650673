import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Table, type TableProps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditRecord, AuditVerifyResult } from '../api-types';
import { type AuditFilters, useAuditList, useVerifyAuditChain } from '../audit-api';
import { JsonSideBySide } from '../components/json-view';
import { QueryError } from '../components/query-error';
import { formatDateTime } from '../format';
import { useLocale } from '../locale-context';
import { useListParams } from '../shared/list-params';

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const NO_FILTERS: AuditFilters = { actor: '', action: '', entityType: '', from: '', to: '' };

/** The form's fields for filters read from the address (a reload or a shared link). */
function toValues(filters: AuditFilters): FilterValues {
  return {
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
    range:
      filters.from || filters.to
        ? [filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]
        : null,
  };
}

function toFilters(values: FilterValues): AuditFilters {
  const [from, to] = values.range ?? [null, null];
  return {
    actor: values.actor?.trim() ?? '',
    action: values.action?.trim() ?? '',
    entityType: values.entityType?.trim() ?? '',
    from: from ? from.toISOString() : '',
    to: to ? to.toISOString() : '',
  };
}

export function AuditPage() {
  const { t } = useLocale();
  const [form] = Form.useForm<FilterValues>();
  const { params, setFilters, resetFilters, table } = useListParams(NO_FILTERS);
  const list = useAuditList(params);
  const verify = useVerifyAuditChain();

  const columns: TableProps<AuditRecord>['columns'] = [
    // The time stays in view while the long ids scroll sideways; a fixed column also makes antd keep
    // the expanded before/after panes at the visible width.
    { title: t('audit.at'), key: 'at', fixed: 'left', render: (_, record) => formatDateTime(record.at) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, record) =>
        record.actorName ??
        record.actorId ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { title: t('audit.action'), dataIndex: 'action', key: 'action' },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'entityType' },
    {
      title: t('audit.entityId'),
      key: 'entityId',
      render: (_, record) =>
        record.entityId ? <Typography.Text copyable>{record.entityId}</Typography.Text> : '—',
    },
    { title: t('audit.requestId'), key: 'requestId', render: (_, record) => record.requestId ?? '—' },
    { title: t('audit.ip'), key: 'ip', render: (_, record) => record.ip ?? '—' },
  ];

  const verifyResult = verify.data;

  return (
    <Card
      title={t('nav.audit')}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verifyResult && (
        <Alert
          data-testid="audit-verify-result"
          type={verifyResult.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          title={
            verifyResult.ok
              ? t('audit.verifyOk', { checked: verifyResult.checked })
              : verifyResult.brokenAtSeq !== null
                ? t('audit.verifyBroken', { seq: verifyResult.brokenAtSeq, checked: verifyResult.checked })
                : t('audit.verifyProblem')
          }
          description={<VerifyDetails result={verifyResult} />}
        />
      )}
      <QueryError error={verify.error} />
      <Form<FilterValues>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={toValues(params)}
        onFinish={(values) => setFilters(toFilters(values))}
      >
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-filter-actor" />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear placeholder="user.create" data-testid="audit-filter-action" />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Input allowClear placeholder="user" data-testid="audit-filter-entity-type" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.dateRange')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue(toValues(NO_FILTERS));
              resetFilters();
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      <QueryError error={list.error} />
      <Table<AuditRecord>
        rowKey="seq"
        data-testid="audit-table"
        scroll={{ x: 'max-content' }}
        style={{ whiteSpace: 'nowrap' }}
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        expandable={{
          expandedRowRender: (record) => (
            <JsonSideBySide
              left={record.before}
              right={record.after}
              leftTitle={t('audit.before')}
              rightTitle={t('audit.after')}
            />
          ),
        }}
        {...table(list.data?.total)}
      />
    </Card>
  );
}

/**
 * What the verification compared beyond the chain itself: the checkpoints kept outside the database,
 * which are what show a log whose last records were deleted (the shorter chain alone is intact).
 */
function VerifyDetails({ result }: { result: AuditVerifyResult }) {
  const { t } = useLocale();
  const cut = result.truncation;
  return (
    <>
      {cut && (
        <Typography.Paragraph
          type="danger"
          strong
          data-testid="audit-verify-truncation"
          style={{ marginBottom: 4 }}
        >
          {cut.reason === 'head_behind'
            ? t('audit.verifyHeadBehind', {
                head: cut.headSeq ?? 0,
                seq: cut.checkpointSeq,
                at: formatDateTime(cut.checkpointAt),
              })
            : t('audit.verifyHashDiffers', { seq: cut.checkpointSeq, at: formatDateTime(cut.checkpointAt) })}
        </Typography.Paragraph>
      )}
      {result.badCheckpoints > 0 && (
        <Typography.Paragraph type="danger" style={{ marginBottom: 4 }}>
          {t('audit.verifyBadCheckpoints', { count: result.badCheckpoints })}
        </Typography.Paragraph>
      )}
      {result.otherKeyCheckpoints > 0 && (
        <Typography.Paragraph type="warning" style={{ marginBottom: 4 }}>
          {t('audit.verifyOtherKey', { count: result.otherKeyCheckpoints })}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" data-testid="audit-verify-checkpoint">
        {result.lastCheckpoint
          ? t('audit.verifyLastCheckpoint', {
              seq: result.lastCheckpoint.seq,
              at: formatDateTime(result.lastCheckpoint.at),
              keyed: result.keyedFromSeq,
            })
          : t('audit.verifyNoCheckpoint', { keyed: result.keyedFromSeq })}
      </Typography.Text>
    </>
  );
}

import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
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
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  type AgreementTemplate,
  printUrl,
  type SignatureStatusParams,
  type SignatureStatusRow,
  useAgreementTemplates,
  usePublishAgreement,
  useSignatureStatus,
} from '../../leader-onboarding-api';
import { useLocale } from '../../locale-context';

interface PublishValues {
  title: string;
  body: string;
  effectiveDate: Dayjs | null;
  graceDays: number | null;
}

/** The grace period the form suggests: two weeks to reach every leader without stopping anyone. */
const DEFAULT_GRACE_DAYS = 14;

function PublishModal({ current, onClose }: { current: AgreementTemplate | null; onClose: () => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<PublishValues>();
  const publish = usePublishAgreement();
  const reportError = useReportError();
  const effectiveDate = Form.useWatch('effectiveDate', form);
  const graceDays = Form.useWatch('graceDays', form);
  const submit = async () => {
    let v: PublishValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    // Today (or no date) means "at once"; a later day takes effect at the start of that day.
    const later = v.effectiveDate?.isAfter(dayjs(), 'day');
    try {
      await publish.mutateAsync({
        title: v.title.trim(),
        body: v.body,
        ...(later && v.effectiveDate ? { effectiveAt: v.effectiveDate.startOf('day').toISOString() } : {}),
        graceDays: v.graceDays ?? 0,
      });
      onClose();
    } catch (e) {
      reportError(e, {
        fields: ['title', 'body', 'effectiveAt', 'graceDays'] as const,
        show: (name, text) =>
          form.setFields([{ name: name === 'effectiveAt' ? 'effectiveDate' : name, errors: [text] }]),
      });
    }
  };
  const from = effectiveDate ?? dayjs();
  return (
    <FormModal
      title={t('agreements.publish')}
      submitting={publish.isPending}
      submitTestId="agreement-publish-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t('agreements.publishWarning', {
          version: (current?.version ?? 0) + 1,
          from: from.format('YYYY-MM-DD'),
          until: from.add(graceDays ?? 0, 'day').format('YYYY-MM-DD'),
        })}
        data-testid="agreement-publish-warning"
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: current?.title ?? t('agreements.defaultTitle'),
          body: current?.body ?? '',
          effectiveDate: null,
          graceDays: DEFAULT_GRACE_DAYS,
        }}
      >
        <Space size="large" wrap>
          <Form.Item
            name="effectiveDate"
            label={t('agreements.effectiveDate')}
            extra={t('agreements.effectiveHint')}
          >
            <DatePicker
              allowClear
              placeholder={t('agreements.effectiveNow')}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="agreement-form-effective"
            />
          </Form.Item>
          <Form.Item
            name="graceDays"
            label={t('agreements.graceDays')}
            extra={t('agreements.graceHint')}
            rules={[{ required: true, message: t('agreements.graceRequired') }]}
          >
            <InputNumber
              min={0}
              max={365}
              precision={0}
              addonAfter={t('agreements.days')}
              data-testid="agreement-form-grace"
            />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t('agreements.titleField')}
          rules={[{ required: true, whitespace: true, message: t('agreements.titleRequired') }]}
        >
          <Input maxLength={100} data-testid="agreement-form-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('agreements.body')}
          extra={t('agreements.bodyHint')}
          rules={[{ required: true, whitespace: true, message: t('agreements.bodyRequired') }]}
        >
          <Input.TextArea rows={14} maxLength={100_000} data-testid="agreement-form-body" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function SignatureTable({ templates }: { templates: AgreementTemplate[] }) {
  const { t } = useLocale();
  const [params, setParams] = useState<SignatureStatusParams>({ q: '', page: 1, pageSize: 20 });
  const status = useSignatureStatus(params);
  const change = (patch: Partial<SignatureStatusParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));
  const columns: TableProps<SignatureStatusRow>['columns'] = [
    { title: t('leaders.code'), dataIndex: 'code', key: 'code', render: (c: string) => <Tag>{c}</Tag> },
    { title: t('leaders.name'), dataIndex: 'name', key: 'name' },
    { title: t('leaders.region'), key: 'region', render: (_, r) => r.regionName ?? '—' },
    {
      title: t('agreements.signStatus'),
      key: 'signed',
      render: (_, r) =>
        r.signature ? (
          <Tag color="success" data-testid={`agreement-signed-${r.code}`}>
            {t('agreements.signed')}
          </Tag>
        ) : (
          <Tag color="warning" data-testid={`agreement-unsigned-${r.code}`}>
            {t('agreements.unsigned')}
          </Tag>
        ),
    },
    { title: t('agreements.signedAt'), key: 'at', render: (_, r) => formatDateTime(r.signature?.signedAt) },
    { title: 'IP', key: 'ip', render: (_, r) => r.signature?.ip ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.signature && (
          <a
            href={printUrl(r.signature.id)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid={`agreement-print-${r.code}`}
          >
            <PrinterOutlined /> {t('agreements.print')}
          </a>
        ),
    },
  ];
  return (
    <>
      <Space wrap style={{ margin: '16px 0' }}>
        <Select
          style={{ width: 160 }}
          value={params.version ?? status.data?.version ?? undefined}
          onChange={(version: number) => change({ version })}
          options={templates.map((v) => ({
            value: v.version,
            label: `v${v.version}${v.current ? ` (${t('agreements.current')})` : ''}`,
          }))}
          data-testid="agreement-signatures-version"
        />
        <Segmented
          value={params.signed ?? 'all'}
          onChange={(v) => change({ signed: v === 'all' ? undefined : (v as 'signed' | 'unsigned') })}
          options={[
            { value: 'all', label: t('agreements.filterAll') },
            { value: 'signed', label: t('agreements.signed') },
            {
              value: 'unsigned',
              label: <span data-testid="agreement-filter-unsigned">{t('agreements.unsigned')}</span>,
            },
          ]}
        />
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('agreements.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(q) => change({ q: q.trim() })}
        />
        {status.data && status.data.version !== null && (
          <Typography.Text type="secondary" data-testid="agreement-signed-summary">
            {t('agreements.summary', {
              signed: status.data.signedCount,
              total: status.data.leaderCount,
              version: status.data.version,
            })}
          </Typography.Text>
        )}
      </Space>
      <QueryError error={status.error} />
      <Table<SignatureStatusRow>
        rowKey="leaderId"
        size="small"
        data-testid="agreement-signatures-table"
        columns={columns}
        dataSource={status.data?.items}
        loading={status.isFetching}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: status.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) =>
          setParams((c) => ({ ...c, page: p.current ?? 1, pageSize: p.pageSize ?? c.pageSize }))
        }
      />
    </>
  );
}

/** 协议: the current agreement, its versions, publishing a new one, and who signed which version. */
export function AgreementsTab() {
  const { t } = useLocale();
  const templates = useAgreementTemplates();
  const [publishing, setPublishing] = useState(false);
  const [viewing, setViewing] = useState<AgreementTemplate | null>(null);
  const items = templates.data?.items ?? [];
  const current = items.find((i) => i.current) ?? null;
  const columns: TableProps<AgreementTemplate>['columns'] = [
    {
      title: t('agreements.version'),
      key: 'v',
      render: (_, v) => (
        <Space>
          v{v.version}
          {v.current && <Tag color="blue">{t('agreements.current')}</Tag>}
        </Space>
      ),
    },
    { title: t('agreements.titleField'), dataIndex: 'title', key: 'title' },
    { title: t('agreements.publishedAt'), key: 'at', render: (_, v) => formatDateTime(v.publishedAt) },
    { title: t('agreements.publishedBy'), key: 'by', render: (_, v) => v.publishedByName ?? '—' },
    { title: t('agreements.effectiveDate'), key: 'eff', render: (_, v) => formatDateTime(v.effectiveAt) },
    { title: t('agreements.signBy'), key: 'signBy', render: (_, v) => formatDateTime(v.signBy) },
    { title: t('agreements.signedCount'), dataIndex: 'signedCount', key: 'n' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, v) => (
        <Button type="link" size="small" onClick={() => setViewing(v)}>
          {t('agreements.view')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <QueryError error={templates.error} />
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setPublishing(true)}
          data-testid="agreement-publish"
        >
          {t('agreements.publish')}
        </Button>
      </Space>
      {current ? (
        <Descriptions
          bordered
          size="small"
          column={2}
          title={t('agreements.currentTitle')}
          data-testid="agreement-current"
        >
          <Descriptions.Item label={t('agreements.version')}>
            <span data-testid="agreement-current-version">v{current.version}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.titleField')}>{current.title}</Descriptions.Item>
          <Descriptions.Item label={t('agreements.publishedAt')}>
            {formatDateTime(current.publishedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.effectiveDate')}>
            <span data-testid="agreement-current-effective">{formatDateTime(current.effectiveAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.signBy')}>
            <span data-testid="agreement-current-sign-by">{formatDateTime(current.signBy)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('agreements.signedCount')}>{current.signedCount}</Descriptions.Item>
          <Descriptions.Item label="SHA-256" span={2}>
            <Typography.Text code copyable style={{ fontSize: 12 }}>
              {current.bodySha256}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        !templates.isPending && <Empty description={t('agreements.none')} />
      )}
      {items.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('agreements.versions')}
          </Typography.Title>
          <Table<AgreementTemplate>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            pagination={false}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('agreements.signatures')}
          </Typography.Title>
          <SignatureTable templates={items} />
        </>
      )}
      {publishing && <PublishModal current={current} onClose={() => setPublishing(false)} />}
      {viewing && (
        <Modal
          open
          width={720}
          title={`${viewing.title} v${viewing.version}`}
          onCancel={() => setViewing(null)}
          footer={null}
        >
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7, maxHeight: 480, overflowY: 'auto' }}>
            {viewing.body}
          </div>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            SHA-256: {viewing.bodySha256}
          </Typography.Paragraph>
        </Modal>
      )}
    </>
  );
}

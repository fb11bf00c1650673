import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  type PayoutBatch,
  type PayoutLine,
  type PayoutMethod,
  payoutExportUrl,
  useCreateBatch,
  useMarkFailed,
  useMarkPaid,
  usePayoutBatch,
  usePayoutBatches,
} from './finance-api';
import { ReasonModal } from './reason-modal';

function NewBatchModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ method: PayoutMethod; note?: string }>();
  const create = useCreateBatch();
  const reportError = useReportError();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { method: v.method, note: v.note?.trim() || undefined },
      {
        onSuccess: (batch) => {
          message.success(t('finance.batchCreated'));
          onCreated(batch.id);
        },
        onError: (e) => reportError(e, formTarget(form, ['method', 'note'] as const)),
      },
    );
  };
  return (
    <FormModal
      title={t('finance.newBatch')}
      submitting={create.isPending}
      submitTestId="batch-create-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('finance.newBatchHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ method: 'bank' }}>
        <Form.Item name="method" label={t('finance.method')} rules={[{ required: true }]}>
          <Select
            data-testid="batch-create-method"
            options={(['bank', 'wechat'] as const).map((m) => ({
              value: m,
              label: t(`finance.method.${m}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('finance.batchNote')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function FailModal({ line, onClose }: { line: PayoutLine; onClose: () => void }) {
  const { t } = useLocale();
  const fail = useMarkFailed();
  return (
    <ReasonModal
      title={t('finance.failTitle')}
      successText={t('finance.markedFailed')}
      submitTestId="line-failed-submit"
      reasonTestId="line-failed-reason"
      pending={fail.isPending}
      confirm={(reason, callbacks) => fail.mutate({ id: line.id, reason }, callbacks)}
      onClose={onClose}
    />
  );
}

/** 标记已打款: an optional bank / WeChat reference, then the line is paid. */
function PaidModal({ line, onClose }: { line: PayoutLine; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const paid = useMarkPaid();
  const reportError = useReportError();
  const [form] = Form.useForm<{ reference?: string }>();
  const submit = () => {
    const reference = form.getFieldValue('reference')?.trim() || undefined;
    paid.mutate(
      { id: line.id, reference },
      {
        onSuccess: () => {
          message.success(t('finance.markedPaid'));
          onClose();
        },
        onError: (e) => reportError(e, formTarget(form, ['reference'] as const)),
      },
    );
  };
  return (
    <FormModal
      title={`${t('finance.markPaid')} · #${line.seq} ${line.payeeName}`}
      submitting={paid.isPending}
      submitTestId="line-paid-confirm"
      onSubmit={submit}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reference" label={t('finance.reference')}>
          <Input maxLength={200} data-testid="line-paid-reference" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

const LINE_COLORS = { pending: 'gold', paid: 'green', failed: 'red' } as const;

function BatchDrawer({ id, canWrite, onClose }: { id: string; canWrite: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const batch = usePayoutBatch(id);
  const [failing, setFailing] = useState<PayoutLine | null>(null);
  const [paying, setPaying] = useState<PayoutLine | null>(null);
  const columns: TableProps<PayoutLine>['columns'] = [
    { title: '#', dataIndex: 'seq', width: 50 },
    { title: t('finance.leader'), render: (_, l) => `${l.leaderName} (${l.leaderCode})` },
    { title: t('finance.payee'), dataIndex: 'payeeName' },
    { title: t('finance.account'), render: (_, l) => `${l.bankName ?? ''} ${l.accountMasked}` },
    { title: t('finance.net'), dataIndex: 'amountFen', align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: t('finance.status'),
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <Tag color={LINE_COLORS[l.status]} data-testid={`line-status-${l.seq}`}>
            {t(`finance.line.${l.status}` as MessageKey)}
          </Tag>
          {(l.reference ?? l.failReason) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.reference ?? l.failReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            render: (_: unknown, l: PayoutLine) =>
              l.status === 'pending' && (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setPaying(l)}
                    data-testid={`line-paid-${l.seq}`}
                  >
                    {t('finance.markPaid')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setFailing(l)}
                    data-testid={`line-failed-${l.seq}`}
                  >
                    {t('finance.markFailed')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];
  const b = batch.data;
  return (
    <Drawer
      open
      width={960}
      onClose={onClose}
      title={b ? `${t('finance.batch')} ${b.id}` : t('app.loading')}
      extra={
        canWrite && (
          <Button icon={<DownloadOutlined />} href={payoutExportUrl(id)} data-testid="batch-export">
            {t('finance.exportFile')}
          </Button>
        )
      }
    >
      <QueryError error={batch.error} />
      {b && (
        <Typography.Paragraph data-testid="batch-summary">
          {t(`finance.method.${b.method}` as MessageKey)} · {t(`finance.batch.${b.status}` as MessageKey)} ·{' '}
          {t('finance.lines')} {b.lineCount} · {t('finance.batchTotal')} {formatYuan(b.totalFen)}
          {b.note ? ` · ${b.note}` : ''}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="small"
        data-testid="batch-lines"
        loading={batch.isFetching && !b}
        columns={columns}
        dataSource={b?.lines ?? []}
        pagination={false}
      />
      {failing && <FailModal line={failing} onClose={() => setFailing(null)} />}
      {paying && <PaidModal line={paying} onClose={() => setPaying(null)} />}
    </Drawer>
  );
}

/** 打款批次: batches of approved withdrawals, their bank / WeChat file, and marking each line. */
export function PayoutsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useLocale();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePayoutBatches(paging);
  const columns: TableProps<PayoutBatch>['columns'] = [
    {
      title: t('finance.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    { title: t('finance.batch'), dataIndex: 'id' },
    { title: t('finance.method'), render: (_, b) => t(`finance.method.${b.method}` as MessageKey) },
    { title: t('finance.lines'), dataIndex: 'lineCount', align: 'right' },
    {
      title: t('finance.batchTotal'),
      dataIndex: 'totalFen',
      align: 'right',
      render: (v: number) => formatYuan(v),
    },
    { title: t('finance.paidFailed'), render: (_, b) => `${b.paidCount} / ${b.failedCount}` },
    {
      title: t('finance.status'),
      render: (_, b) => (
        <Tag color={b.status === 'open' ? 'gold' : 'green'}>
          {t(`finance.batch.${b.status}` as MessageKey)}
        </Tag>
      ),
    },
    { title: t('finance.batchNote'), dataIndex: 'note' },
    {
      title: t('common.actions'),
      render: (_, b) => (
        <Button size="small" onClick={() => setOpenId(b.id)} data-testid={`batch-open-${b.id}`}>
          {t('finance.openBatch')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <QueryError error={list.error} />
      {canWrite && (
        <Space style={{ marginBottom: 16 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="batch-create"
          >
            {t('finance.newBatch')}
          </Button>
        </Space>
      )}
      <Table
        rowKey="id"
        size="middle"
        data-testid="batches-table"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {creating && (
        <NewBatchModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setOpenId(id);
          }}
        />
      )}
      {openId && <BatchDrawer id={openId} canWrite={canWrite} onClose={() => setOpenId(null)} />}
    </>
  );
}

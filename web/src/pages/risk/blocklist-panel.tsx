import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Radio, Select, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import {
  BLOCK_KINDS,
  type BlockEntry,
  type BlockKind,
  useAddBlock,
  useBlocklist,
  useRemoveBlock,
} from './risk-api';

function AddBlockModal({ onClose }: { onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ kind: BlockKind; value: string; reason: string }>();
  const kind = Form.useWatch('kind', form) ?? 'phone';
  const add = useAddBlock();
  const reportError = useReportError();

  return (
    <FormModal
      title={t('risk.block.add')}
      submitting={add.isPending}
      submitTestId="risk-block-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'phone' }}
        onFinish={(v) =>
          add.mutate(
            { kind: v.kind, value: v.value.trim(), reason: v.reason.trim() },
            {
              onSuccess: () => {
                message.success(t('risk.block.added'));
                onClose();
              },
              onError: (err) => reportError(err, formTarget(form, ['kind', 'value', 'reason'] as const)),
            },
          )
        }
      >
        <Form.Item name="kind" label={t('risk.block.kind')}>
          <Radio.Group
            data-testid="risk-block-kind"
            options={BLOCK_KINDS.map((k) => ({ value: k, label: t(`risk.block.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t(kind === 'phone' ? 'risk.block.phone' : 'risk.block.address')}
          extra={kind === 'address' ? t('risk.block.addressHint') : undefined}
          rules={[{ required: true, whitespace: true, message: t('risk.required') }]}
        >
          <Input data-testid="risk-block-value" maxLength={kind === 'phone' ? 32 : 200} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('risk.block.reason')}
          rules={[{ required: true, whitespace: true, message: t('risk.required') }]}
        >
          <Input data-testid="risk-block-reason" maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function RemoveBlockModal({ entry, onClose }: { entry: BlockEntry; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveBlock();
  const reportError = useReportError();
  return (
    <FormModal
      title={t('risk.block.removeTitle', { value: entry.display })}
      submitting={remove.isPending}
      submitTestId="risk-unblock-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) =>
          remove.mutate(
            { id: entry.id, reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('risk.block.removed'));
                onClose();
              },
              onError: (err) => reportError(err, formTarget(form, ['reason'] as const)),
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('risk.block.removeReason')}
          rules={[{ required: true, whitespace: true, message: t('risk.required') }]}
        >
          <Input data-testid="risk-unblock-reason" maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 黑名单: blocked phones (masked) and address fragments; adding and removing are audited. */
export function BlocklistPanel() {
  const { t } = useLocale();
  const [params, setParams] = useState<{ kind?: BlockKind | undefined; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<BlockEntry | null>(null);
  const { data, isFetching, error } = useBlocklist(params);

  const columns: TableProps<BlockEntry>['columns'] = [
    {
      title: t('risk.block.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: BlockKind) => (
        <Tag color={k === 'phone' ? 'red' : 'volcano'}>{t(`risk.block.kind.${k}`)}</Tag>
      ),
    },
    { title: t('risk.block.value'), dataIndex: 'display' },
    { title: t('risk.block.reason'), dataIndex: 'reason' },
    { title: t('risk.block.createdBy'), dataIndex: 'createdBy', width: 120 },
    {
      title: t('risk.block.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, e) => (
        <Button size="small" danger onClick={() => setRemoving(e)} data-testid={`risk-unblock-${e.id}`}>
          {t('risk.block.remove')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('risk.block.allKinds')}
          options={BLOCK_KINDS.map((k) => ({ value: k, label: t(`risk.block.kind.${k}`) }))}
          onChange={(kind?: BlockKind) => setParams((p) => ({ ...p, kind, page: 1 }))}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="risk-block-add"
        >
          {t('risk.block.add')}
        </Button>
      </Space>
      <QueryError error={error} />
      <Table
        rowKey="id"
        size="small"
        data-testid="risk-blocklist-table"
        loading={isFetching && !data}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: data?.total ?? 0,
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
      {adding && <AddBlockModal onClose={() => setAdding(false)} />}
      {removing && <RemoveBlockModal entry={removing} onClose={() => setRemoving(null)} />}
    </>
  );
}

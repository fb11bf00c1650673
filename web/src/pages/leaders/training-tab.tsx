import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  MATERIAL_KINDS,
  type MaterialBody,
  type MaterialKind,
  type MaterialWithRate,
  type ProgressRow,
  useMaterials,
  useSaveMaterial,
  useSetMaterialStatus,
  useTrainingProgress,
} from '../../leader-onboarding-api';
import { useLocale } from '../../locale-context';
import { TrainingEditor } from './training-editor';

interface FormValues {
  title: string;
  kind: MaterialKind;
  bodyHtml?: string;
  url?: string;
  required: boolean;
  sortOrder: number;
}

function MaterialModal({ material, onClose }: { material: MaterialWithRate | null; onClose: () => void }) {
  const { t } = useLocale();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? material?.kind ?? 'article';
  const save = useSaveMaterial();
  const reportError = useReportError();
  const submit = async () => {
    let v: FormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const body: MaterialBody = {
      title: v.title.trim(),
      kind: v.kind,
      required: v.required,
      sortOrder: v.sortOrder,
      ...(v.kind === 'article' ? { bodyHtml: v.bodyHtml ?? '' } : { url: v.url?.trim() ?? '' }),
    };
    try {
      await save.mutateAsync({ id: material?.id ?? null, body });
      onClose();
    } catch (e) {
      reportError(e, {
        fields: ['title', 'kind', 'bodyHtml', 'url', 'sortOrder'] as const,
        show: (name, text) => form.setFields([{ name, errors: [text] }]),
      });
    }
  };
  return (
    <FormModal
      title={t(material ? 'training.edit' : 'training.create')}
      submitting={save.isPending}
      submitTestId="training-form-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: material?.title ?? '',
          kind: material?.kind ?? 'article',
          bodyHtml: material?.bodyHtml ?? '',
          url: material?.url ?? '',
          required: material?.required ?? false,
          sortOrder: material?.sortOrder ?? 10,
        }}
      >
        <Form.Item
          name="title"
          label={t('training.titleField')}
          rules={[{ required: true, whitespace: true, message: t('training.titleRequired') }]}
        >
          <Input maxLength={100} data-testid="training-form-title" />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="kind" label={t('training.kind')}>
            <Select
              style={{ width: 160 }}
              options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`trainingKind.${k}`) }))}
              data-testid="training-form-kind"
            />
          </Form.Item>
          <Form.Item name="required" label={t('training.required')} valuePropName="checked">
            <Switch data-testid="training-form-required" />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('training.sortOrder')}>
            <InputNumber min={0} max={100_000} />
          </Form.Item>
        </Space>
        {kind === 'article' ? (
          <Form.Item name="bodyHtml" label={t('training.body')} extra={t('training.bodyHint')}>
            <TrainingEditor />
          </Form.Item>
        ) : (
          <Form.Item
            name="url"
            label={t('training.url')}
            rules={[{ required: true, pattern: /^https?:\/\//i, message: t('training.urlRule') }]}
          >
            <Input maxLength={1000} placeholder="https://" data-testid="training-form-url" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

function Percent({ value }: { value: number }) {
  return <Progress percent={Math.round(value * 1000) / 10} size="small" style={{ width: 140 }} />;
}

function ProgressTable() {
  const { t } = useLocale();
  const [params, setParams] = useState({ q: '', incomplete: false, page: 1, pageSize: 20 });
  const progress = useTrainingProgress(params);
  const columns: TableProps<ProgressRow>['columns'] = [
    { title: t('leaders.code'), dataIndex: 'code', key: 'code', render: (c: string) => <Tag>{c}</Tag> },
    { title: t('leaders.name'), dataIndex: 'name', key: 'name' },
    { title: t('leaders.region'), key: 'region', render: (_, r) => r.regionName ?? '—' },
    {
      title: t('training.requiredDone'),
      key: 'required',
      render: (_, r) => (
        <span data-testid={`training-progress-${r.code}`}>
          <Tag color={r.requiredComplete ? 'success' : 'warning'}>
            {r.requiredDone} / {r.requiredTotal}
          </Tag>
        </span>
      ),
    },
    { title: t('training.allDone'), key: 'all', render: (_, r) => <Percent value={r.completionRate} /> },
    { title: t('training.lastCompleted'), key: 'last', render: (_, r) => formatDateTime(r.lastCompletedAt) },
  ];
  return (
    <>
      <Space wrap style={{ margin: '16px 0' }}>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('agreements.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(q) => setParams((p) => ({ ...p, q: q.trim(), page: 1 }))}
        />
        <Checkbox
          checked={params.incomplete}
          onChange={(e) => setParams((p) => ({ ...p, incomplete: e.target.checked, page: 1 }))}
        >
          {t('training.onlyIncomplete')}
        </Checkbox>
      </Space>
      <QueryError error={progress.error} />
      <Table<ProgressRow>
        rowKey="leaderId"
        size="small"
        data-testid="training-progress-table"
        columns={columns}
        dataSource={progress.data?.items}
        loading={progress.isFetching}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: progress.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) =>
          setParams((c) => ({ ...c, page: p.current ?? 1, pageSize: p.pageSize ?? c.pageSize }))
        }
      />
    </>
  );
}

/** 培训: materials with their completion rates among active leaders, and each leader's progress. */
export function TrainingTab() {
  const { t } = useLocale();
  const materials = useMaterials();
  const setStatus = useSetMaterialStatus();
  const reportError = useReportError();
  const [dialog, setDialog] = useState<{ material: MaterialWithRate | null } | null>(null);
  const leaderCount = materials.data?.leaderCount ?? 0;
  const columns: TableProps<MaterialWithRate>['columns'] = [
    { title: t('training.sortOrder'), dataIndex: 'sortOrder', key: 'order', width: 80 },
    {
      title: t('training.titleField'),
      key: 'title',
      render: (_, m) => (
        <Space>
          {m.title}
          {m.required && <Tag color="red">{t('training.required')}</Tag>}
          {m.status === 'archived' && <Tag>{t('training.archived')}</Tag>}
        </Space>
      ),
    },
    { title: t('training.kind'), key: 'kind', render: (_, m) => t(`trainingKind.${m.kind}`) },
    {
      title: t('training.completion'),
      key: 'rate',
      render: (_, m) => (
        <Space data-testid={`training-rate-${m.title}`}>
          <Percent value={m.completionRate} />
          <Typography.Text type="secondary">
            {m.completedCount} / {leaderCount}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, m) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ material: m })}>
            {t('training.edit')}
          </Button>
          <Popconfirm
            title={t(m.status === 'active' ? 'training.archiveConfirm' : 'training.restoreConfirm', {
              title: m.title,
            })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              setStatus
                .mutateAsync({ id: m.id, archive: m.status === 'active' })
                .catch((e: unknown) => reportError(e))
            }
          >
            <Button type="link" size="small" danger={m.status === 'active'}>
              {t(m.status === 'active' ? 'training.archive' : 'training.restore')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDialog({ material: null })}
          data-testid="training-create"
        >
          {t('training.create')}
        </Button>
        <Typography.Text type="secondary">{t('training.rateHint', { n: leaderCount })}</Typography.Text>
      </Space>
      <QueryError error={materials.error} />
      <Table<MaterialWithRate>
        rowKey="id"
        size="small"
        data-testid="training-materials-table"
        columns={columns}
        dataSource={materials.data?.items}
        loading={materials.isFetching}
        pagination={false}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('training.perLeader')}
      </Typography.Title>
      <ProgressTable />
      {dialog && <MaterialModal material={dialog.material} onClose={() => setDialog(null)} />}
    </>
  );
}

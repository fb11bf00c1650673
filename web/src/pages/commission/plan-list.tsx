import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableProps } from 'antd';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { type PlanSummary, useCreatePlan, usePlans } from '../../commission-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { PlanStatusTag } from './plan-status-tag';

interface Props {
  onOpen: (id: string) => void;
}

/** Every plan version, newest first, with its status; new drafts start blank or from the active plan. */
export function PlanList({ onOpen }: Props) {
  const { t } = useLocale();
  const can = useCan();
  const plans = usePlans();
  const create = useCreatePlan();
  const reportError = useReportError();
  const hasActive = (plans.data?.items ?? []).some((p) => p.status === 'active');

  const newDraft = (copyFrom: string | null) =>
    create.mutate(copyFrom, { onSuccess: (plan) => onOpen(plan.id), onError: (e) => reportError(e) });

  const columns: TableProps<PlanSummary>['columns'] = [
    {
      title: t('commission.version'),
      key: 'version',
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => onOpen(p.id)} data-testid={`plan-open-v${p.version}`}>
          v{p.version}
        </Button>
      ),
    },
    { title: t('commission.name'), dataIndex: 'name', key: 'name' },
    { title: t('commission.status'), key: 'status', render: (_, p) => <PlanStatusTag status={p.status} /> },
    { title: t('commission.createdAt'), key: 'createdAt', render: (_, p) => formatDateTime(p.createdAt) },
    { title: t('commission.createdBy'), key: 'createdBy', render: (_, p) => p.createdByName ?? '—' },
    {
      title: t('commission.activatedAt'),
      key: 'activatedAt',
      render: (_, p) => formatDateTime(p.activatedAt),
    },
    { title: t('commission.archivedAt'), key: 'archivedAt', render: (_, p) => formatDateTime(p.archivedAt) },
  ];

  return (
    <Card
      title={t('nav.commission')}
      extra={
        can('commission.write') && (
          <Space>
            <Button
              icon={<CopyOutlined />}
              disabled={!hasActive}
              loading={create.isPending}
              onClick={() => newDraft('active')}
              data-testid="plan-copy-active"
            >
              {t('commission.copyActive')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={create.isPending}
              onClick={() => newDraft(null)}
              data-testid="plan-create"
            >
              {t('commission.createBlank')}
            </Button>
          </Space>
        )
      }
    >
      <QueryError error={plans.error} />
      <Table<PlanSummary>
        rowKey="id"
        data-testid="plans-table"
        columns={columns}
        dataSource={plans.data?.items}
        loading={plans.isFetching}
        pagination={false}
      />
    </Card>
  );
}

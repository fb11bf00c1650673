import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import { type PickupPoint, useLeader, useSetPickupPointStatus } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { PickupPointFormModal } from './pickup-point-form-modal';

/** A leader's pickup points, shown when their row is expanded; edit, close and reopen for writers. */
export function PickupPointsPanel({ leaderId, canWrite }: { leaderId: string; canWrite: boolean }) {
  const { t } = useLocale();
  const detail = useLeader(leaderId);
  const setStatus = useSetPickupPointStatus();
  const reportError = useReportError();
  const [editing, setEditing] = useState<{ point: PickupPoint | null } | null>(null);

  const columns: TableProps<PickupPoint>['columns'] = [
    { title: t('pickupPoints.name'), dataIndex: 'name', key: 'name' },
    { title: t('pickupPoints.address'), dataIndex: 'address', key: 'address' },
    { title: t('pickupPoints.region'), key: 'region', render: (_, p) => p.regionName ?? '—' },
    {
      title: `${t('pickupPoints.latitude')} / ${t('pickupPoints.longitude')}`,
      key: 'coords',
      render: (_, p) => (p.latitude === null ? '—' : `${p.latitude}, ${p.longitude}`),
    },
    { title: t('pickupPoints.openingHours'), key: 'hours', render: (_, p) => p.openingHours || '—' },
    { title: t('pickupPoints.capacity'), key: 'capacity', render: (_, p) => p.capacity ?? '—' },
    {
      title: t('leaders.status'),
      key: 'status',
      render: (_, p) => (
        <Tag color={p.status === 'active' ? 'success' : 'default'} data-testid={`pp-status-${p.id}`}>
          {t(`pickupPoints.status.${p.status}`)}
        </Tag>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ point: p })}>
            {t('pickupPoints.edit')}
          </Button>
          {p.status === 'active' ? (
            <Popconfirm
              title={t('pickupPoints.closeConfirm', { name: p.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setStatus.mutateAsync({ id: p.id, status: 'closed' }).catch((e: unknown) => reportError(e))
              }
            >
              <Button type="link" size="small" danger>
                {t('pickupPoints.close')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              type="link"
              size="small"
              onClick={() =>
                setStatus.mutateAsync({ id: p.id, status: 'active' }).catch((e: unknown) => reportError(e))
              }
            >
              {t('pickupPoints.reopen')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <div data-testid={`pickup-points-${leaderId}`}>
      <QueryError error={detail.error} />
      <Table<PickupPoint>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={detail.data?.pickupPoints}
        loading={detail.isFetching}
      />
      {canWrite && (
        <Button
          icon={<PlusOutlined />}
          size="small"
          style={{ marginTop: 8 }}
          onClick={() => setEditing({ point: null })}
          data-testid={`pp-add-${leaderId}`}
        >
          {t('pickupPoints.add')}
        </Button>
      )}
      {editing && (
        <PickupPointFormModal leaderId={leaderId} point={editing.point} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}

import { Button, Drawer, Empty, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import {
  type RegionManager,
  type RegionNode,
  useChangeManagers,
  useManagerCandidates,
  useRegionManagers,
} from '../../leader-network-api';
import { useLocale } from '../../locale-context';

/** 区域经理: who manages a region, their dividend weights and shares; assign and remove (leaders.admin). */
export function RegionsManagersDrawer({
  region,
  canAssign,
  onClose,
}: {
  region: RegionNode;
  canAssign: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const managers = useRegionManagers(region.id);
  const candidates = useManagerCandidates(canAssign);
  const change = useChangeManagers();
  const reportError = useReportError();
  const [pick, setPick] = useState<{ userId?: string; weight: number }>({ weight: 1 });
  const taken = new Set((managers.data?.items ?? []).map((m) => m.userId));

  return (
    <Drawer open width={640} title={t('regions.managers.title', { name: region.name })} onClose={onClose}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Text type="secondary">{t('regions.managers.scopeNote')}</Typography.Text>
        <QueryError error={managers.error} />
        {(managers.data?.items.length ?? 0) === 0 && !managers.isLoading ? (
          <Empty description={t('regions.managers.none')} />
        ) : (
          <Table<RegionManager>
            size="small"
            rowKey="userId"
            data-testid="region-managers"
            pagination={false}
            dataSource={managers.data?.items}
            columns={[
              {
                title: t('regions.managers.user'),
                key: 'user',
                render: (_, m) => `${m.displayName}（${m.username}）`,
              },
              {
                title: t('regions.managers.weight'),
                key: 'weight',
                render: (_, m) =>
                  canAssign ? (
                    <InputNumber
                      min={1}
                      max={1_000_000}
                      defaultValue={m.weight}
                      onBlur={(e) => {
                        const weight = Number(e.target.value);
                        if (Number.isInteger(weight) && weight > 0 && weight !== m.weight)
                          change.mutate(
                            { kind: 'weight', regionId: region.id, userId: m.userId, weight },
                            { onError: (err) => reportError(err) },
                          );
                      }}
                    />
                  ) : (
                    m.weight
                  ),
              },
              {
                title: t('regions.managers.share'),
                key: 'share',
                render: (_, m) => `${(m.shareBps / 100).toFixed(2)}%`,
              },
              ...(canAssign
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, m: RegionManager) => (
                        <Popconfirm
                          title={t('regions.managers.removeConfirm')}
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() =>
                            change
                              .mutateAsync({ kind: 'remove', regionId: region.id, userId: m.userId })
                              .catch((e: unknown) => reportError(e))
                          }
                        >
                          <Button type="link" danger size="small">
                            {t('regions.managers.remove')}
                          </Button>
                        </Popconfirm>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {canAssign && (
          <Space>
            <Select
              style={{ width: 260 }}
              placeholder={t('regions.managers.pick')}
              value={pick.userId}
              onChange={(userId: string) => setPick((p) => ({ ...p, userId }))}
              data-testid="region-manager-pick"
              options={(candidates.data?.items ?? [])
                .filter((c) => !taken.has(c.id))
                .map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }))}
            />
            <Typography.Text>{t('regions.managers.weight')}</Typography.Text>
            <InputNumber
              min={1}
              max={1_000_000}
              value={pick.weight}
              onChange={(weight) => setPick((p) => ({ ...p, weight: weight ?? 1 }))}
              data-testid="region-manager-weight"
            />
            <Button
              type="primary"
              disabled={!pick.userId}
              loading={change.isPending}
              data-testid="region-manager-assign"
              onClick={() =>
                pick.userId &&
                change.mutate(
                  { kind: 'assign', regionId: region.id, userId: pick.userId, weight: pick.weight },
                  { onSuccess: () => setPick({ weight: 1 }), onError: (e) => reportError(e) },
                )
              }
            >
              {t('regions.managers.assign')}
            </Button>
          </Space>
        )}
      </Space>
    </Drawer>
  );
}

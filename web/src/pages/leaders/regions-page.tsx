import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { type RegionNode, useRegionOverview } from '../../leader-network-api';
import { useLocale } from '../../locale-context';
import { RegionsFormModal } from './regions-form-modal';
import { RegionsManagersDrawer } from './regions-managers-drawer';

export interface RegionRow extends RegionNode {
  children?: RegionRow[];
}

/** The flat list as a tree (by parentId), siblings in the server's order (sort order, then code). */
export function regionTree(items: readonly RegionNode[]): RegionRow[] {
  const byParent = new Map<string | null, RegionNode[]>();
  for (const r of items) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (parentId: string | null): RegionRow[] =>
    (byParent.get(parentId) ?? []).map((r) => {
      const children = build(r.id);
      return children.length > 0 ? { ...r, children } : { ...r };
    });
  return build(null);
}

/**
 * 区域管理: the region hierarchy as a tree with each region's leaders, pickup points and managers;
 * create, edit and move regions (leaders.manage) and assign region managers (leaders.admin). A
 * region manager sees their own regions only.
 */
export function RegionsPage() {
  const { t } = useLocale();
  const can = useCan();
  const canEdit = can('leaders.manage');
  const canAssign = can('leaders.admin');
  const overview = useRegionOverview();
  const rows = useMemo(() => regionTree(overview.data?.items ?? []), [overview.data]);
  const [form, setForm] = useState<{ region: RegionNode | null; parentId: string | null } | null>(null);
  const [managersOf, setManagersOf] = useState<RegionNode | null>(null);

  const columns: TableProps<RegionRow>['columns'] = [
    {
      title: t('regions.name'),
      key: 'name',
      render: (_, r) => <span data-testid={`region-${r.code}`}>{r.name}</span>,
    },
    { title: t('regions.code'), dataIndex: 'code', key: 'code' },
    { title: t('regions.level'), key: 'level', render: (_, r) => t(`regions.level.${r.level}`) },
    { title: t('regions.leaders'), dataIndex: 'leaderCount', key: 'leaders' },
    { title: t('regions.pickupPoints'), dataIndex: 'pickupPointCount', key: 'points' },
    {
      title: t('regions.managers'),
      key: 'managers',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.managers.map((m) => (
            <Tag key={m.userId}>
              {m.displayName || m.username} ×{m.weight}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  if (canEdit || canAssign)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0}>
          {canEdit && (
            <Button
              type="link"
              size="small"
              onClick={() => setForm({ region: null, parentId: r.id })}
              data-testid={`region-add-${r.code}`}
            >
              {t('regions.addChild')}
            </Button>
          )}
          {canEdit && (
            <Button
              type="link"
              size="small"
              onClick={() => setForm({ region: r, parentId: r.parentId })}
              data-testid={`region-edit-${r.code}`}
            >
              {t('regions.edit')}
            </Button>
          )}
          <Button
            type="link"
            size="small"
            onClick={() => setManagersOf(r)}
            data-testid={`region-managers-${r.code}`}
          >
            {t('regions.managers')}
          </Button>
        </Space>
      ),
    });

  return (
    <Card
      title={t('regions.title')}
      extra={
        canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ region: null, parentId: null })}
            data-testid="region-create"
          >
            {t('regions.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('regions.managers.scopeNote')}</Typography.Paragraph>
      <QueryError error={overview.error} />
      {rows.length > 0 && (
        <Table<RegionRow>
          rowKey="id"
          size="small"
          data-testid="regions-table"
          columns={columns}
          dataSource={rows}
          loading={overview.isFetching}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
        />
      )}
      {form && (
        <RegionsFormModal
          region={form.region}
          parentId={form.parentId}
          regions={overview.data?.items ?? []}
          onClose={() => setForm(null)}
        />
      )}
      {managersOf && (
        <RegionsManagersDrawer
          region={managersOf}
          canAssign={canAssign}
          onClose={() => setManagersOf(null)}
        />
      )}
    </Card>
  );
}

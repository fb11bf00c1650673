import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Select, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { useRegionOptions } from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { leadersExportUrl } from '../../leader-network-api';
import {
  LEADER_STATUSES,
  type LeaderListParams,
  type LeaderStatus,
  type LeaderSummary,
  useLeaderList,
  useSetLeaderStatus,
} from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { LeaderFormModal } from './leader-form-modal';
import { LevelFilter, ReferrerFilter } from './network-filters';
import { LeaderImportModal } from './network-import-modal';
import { PickupPointsPanel } from './pickup-points-panel';

type Filter = Omit<LeaderListParams, 'page' | 'pageSize'>;

/** 团长: the leaders with their share codes and pickup points; create, edit, suspend for operators. */
export function LeadersPage() {
  const { t } = useLocale();
  const can = useCan();
  const canWrite = can('leaders.write');
  const [filter, setFilter] = useState<Filter>({ q: '', regionId: undefined, status: undefined });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ leader: LeaderSummary | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useLeaderList({ ...filter, ...paging });
  // Regions need regions.read; a role without it still sees each row's region name.
  const regions = useRegionOptions();
  const setStatus = useSetLeaderStatus();
  const reportError = useReportError();

  const changeFilter = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns: TableProps<LeaderSummary>['columns'] = [
    {
      title: t('leaders.code'),
      key: 'code',
      render: (_, l) => <Tag data-testid={`leader-code-${l.id}`}>{l.code}</Tag>,
    },
    {
      title: t('leaders.name'),
      key: 'name',
      render: (_, l) => (
        <Link to={`/leaders/${l.id}`} data-testid={`leader-link-${l.code}`}>
          {l.name}
        </Link>
      ),
    },
    { title: t('leaders.phone'), dataIndex: 'phoneMasked', key: 'phone' },
    { title: t('leaders.region'), key: 'region', render: (_, l) => l.regionName ?? '—' },
    {
      title: t('network.referrer'),
      key: 'referrer',
      render: (_, l) =>
        l.referrerId ? (
          <Link to={`/leaders/${l.referrerId}`}>{l.referrerName ?? l.referrerCode ?? '—'}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('leaders.pickupPoints'),
      key: 'pickupPoints',
      render: (_, l) =>
        t('leaders.pickupPointCount', { active: l.activePickupPointCount, all: l.pickupPointCount }),
    },
    {
      title: t('leaders.status'),
      key: 'status',
      render: (_, l) => (
        <Tag color={l.status === 'active' ? 'success' : 'warning'}>{t(`leaders.status.${l.status}`)}</Tag>
      ),
    },
    { title: t('leaders.createdAt'), key: 'createdAt', render: (_, l) => formatDateTime(l.createdAt) },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, l) => {
        const next: LeaderStatus = l.status === 'active' ? 'suspended' : 'active';
        return (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ leader: l })}
              data-testid={`leader-edit-${l.code}`}
            >
              {t('leaders.edit')}
            </Button>
            <Popconfirm
              title={t(next === 'suspended' ? 'leaders.suspendConfirm' : 'leaders.activateConfirm', {
                name: l.name,
              })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setStatus.mutateAsync({ id: l.id, status: next }).catch((e: unknown) => reportError(e))
              }
            >
              <Button
                type="link"
                size="small"
                danger={next === 'suspended'}
                data-testid={`leader-status-${l.code}`}
              >
                {t(next === 'suspended' ? 'leaders.suspend' : 'leaders.activate')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    });
  }

  return (
    <Card
      title={t('nav.leaders')}
      extra={
        <Space>
          <Button
            icon={<DownloadOutlined />}
            href={leadersExportUrl({
              q: filter.q,
              regionId: filter.regionId,
              status: filter.status,
              referrerId: filter.referrerId,
              levelId: filter.levelId,
            })}
            data-testid="leaders-export"
          >
            {t('network.export')}
          </Button>
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="leaders-import">
              {t('network.import')}
            </Button>
          )}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ leader: null })}
              data-testid="leader-create"
            >
              {t('leaders.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('leaders.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ width: 360 }}
          onSearch={(q) => changeFilter({ q: q.trim() })}
          data-testid="leaders-search"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('leaders.allRegions')}
          value={filter.regionId}
          onChange={(regionId: string | undefined) => changeFilter({ regionId })}
          options={regions.data?.items.map((r) => ({ value: r.id, label: r.name }))}
          data-testid="leaders-filter-region"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('leaders.allStatuses')}
          value={filter.status}
          onChange={(status: LeaderStatus | undefined) => changeFilter({ status })}
          options={LEADER_STATUSES.map((s) => ({ value: s, label: t(`leaders.status.${s}`) }))}
          data-testid="leaders-filter-status"
        />
        <LevelFilter value={filter.levelId} onChange={(levelId) => changeFilter({ levelId })} />
        <ReferrerFilter value={filter.referrerId} onChange={(referrerId) => changeFilter({ referrerId })} />
      </Space>
      <QueryError error={list.error} />
      <Table<LeaderSummary>
        rowKey="id"
        data-testid="leaders-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        expandable={{
          expandedRowRender: (l) => <PickupPointsPanel leaderId={l.id} canWrite={canWrite} />,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(pagination) =>
          setPaging((current) => ({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? current.pageSize,
          }))
        }
      />
      {dialog && <LeaderFormModal leader={dialog.leader} onClose={() => setDialog(null)} />}
      {importing && <LeaderImportModal onClose={() => setImporting(false)} />}
    </Card>
  );
}

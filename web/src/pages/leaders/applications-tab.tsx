import {
  Badge,
  Button,
  Input,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Tooltip,
} from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { useRegionOptions } from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import {
  type ApplicationListItem,
  type ApplicationListParams,
  type ApplicationStatus,
  useApplications,
  useOnboardingSettings,
  useUpdateOnboardingSettings,
} from '../../leader-onboarding-api';
import { useLocale } from '../../locale-context';
import { ApplicationDetailDrawer } from './applications-detail-drawer';
import { FirstReviewTag } from './first-review-page';

const STATUS_COLOR: Record<ApplicationStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useLocale();
  return <Tag color={STATUS_COLOR[status]}>{t(`applications.status.${status}`)}</Tag>;
}

type Filter = Omit<ApplicationListParams, 'page' | 'pageSize'>;

/** 申请审核: the queue of applications, pending first by default; a row opens the review drawer. */
export function ApplicationsTab() {
  const { t } = useLocale();
  const [filter, setFilter] = useState<Filter>({ status: 'pending', regionId: undefined, q: '' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApplications({ ...filter, ...paging });
  const regions = useRegionOptions();
  const settings = useOnboardingSettings();
  const updateSettings = useUpdateOnboardingSettings();
  const reportError = useReportError();
  const counts = list.data?.counts;

  const change = (patch: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns: TableProps<ApplicationListItem>['columns'] = [
    {
      title: t('applications.no'),
      key: 'no',
      render: (_, a) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenId(a.id)}
          data-testid={`application-open-${a.applicationNo}`}
        >
          {a.applicationNo}
        </Button>
      ),
    },
    { title: t('applications.name'), dataIndex: 'name', key: 'name' },
    { title: t('applications.phone'), dataIndex: 'phoneMasked', key: 'phone' },
    { title: t('applications.idNumber'), dataIndex: 'idNumberMasked', key: 'id' },
    { title: t('applications.region'), key: 'region', render: (_, a) => a.regionName ?? '—' },
    { title: t('applications.pickupPoint'), dataIndex: 'pickupPointName', key: 'pp' },
    {
      title: t('applications.referrer'),
      key: 'referrer',
      render: (_, a) => (a.referrer ? `${a.referrer.name}（${a.referrer.code}）` : '—'),
    },
    {
      title: t('applications.statusTitle'),
      key: 'status',
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
    { title: t('applications.submittedAt'), key: 'at', render: (_, a) => formatDateTime(a.createdAt) },
    { title: t('firstReview.title'), key: 'fr', render: (_, a) => <FirstReviewTag review={a.firstReview} /> },
  ];

  const segment = (status: ApplicationStatus | 'all') => {
    const n = status === 'all' ? undefined : counts?.[status];
    const label = t(status === 'all' ? 'applications.all' : `applications.status.${status}`);
    return {
      value: status,
      label: (
        <span data-testid={`applications-filter-${status}`}>
          {label} {n !== undefined && status === 'pending' ? <Badge count={n} showZero={false} /> : null}
        </span>
      ),
    };
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Tooltip title={t('firstReview.settingHint')}>
          <span>{t('firstReview.setting')}</span>
        </Tooltip>
        <Switch
          checked={settings.data?.regionFirstReview ?? false}
          loading={settings.isPending || updateSettings.isPending}
          onChange={(on) =>
            updateSettings.mutateAsync({ regionFirstReview: on }).catch((e: unknown) => reportError(e))
          }
          data-testid="first-review-setting"
        />
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={filter.status ?? 'all'}
          onChange={(v) => change({ status: v === 'all' ? undefined : (v as ApplicationStatus) })}
          options={[segment('pending'), segment('approved'), segment('rejected'), segment('all')]}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('leaders.allRegions')}
          value={filter.regionId}
          onChange={(regionId: string | undefined) => change({ regionId })}
          options={regions.data?.items.map((r) => ({ value: r.id, label: r.name }))}
          data-testid="applications-filter-region"
        />
        <Input.Search
          allowClear
          style={{ width: 320 }}
          placeholder={t('applications.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(q) => change({ q: q.trim() })}
          data-testid="applications-search"
        />
      </Space>
      <QueryError error={list.error} />
      <Table<ApplicationListItem>
        rowKey="id"
        data-testid="applications-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        onRow={(a) => ({ onDoubleClick: () => setOpenId(a.id) })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) =>
          setPaging((current) => ({ page: p.current ?? 1, pageSize: p.pageSize ?? current.pageSize }))
        }
      />
      {openId && <ApplicationDetailDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

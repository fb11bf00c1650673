import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Input, Progress, Select, Space, Table, type TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCan } from '../../auth-context';
import {
  CAMPAIGN_STATES,
  type CampaignState,
  type CampaignSummary,
  useCampaignList,
} from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { oneOf, useListParams } from '../../shared/list-params';
import { CampaignStateTag } from './campaign-state-tag';

interface Props {
  onOpen: (id: string) => void;
  onCreate: () => void;
}

export function CampaignList({ onOpen, onCreate }: Props) {
  const { t } = useLocale();
  const can = useCan();
  const { params, setFilters, table } = useListParams({ q: '', state: '', from: '', to: '' });
  const state = oneOf(CAMPAIGN_STATES, params.state);
  const list = useCampaignList({
    ...params,
    state: state || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  });

  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilters({
      from: range?.[0]?.startOf('day').toISOString() ?? '',
      // The end day is included: the window runs to the start of the next day.
      to: range?.[1]?.add(1, 'day').startOf('day').toISOString() ?? '',
    });

  const columns: TableProps<CampaignSummary>['columns'] = [
    {
      title: t('campaigns.name'),
      key: 'name',
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => onOpen(c.id)} data-testid={`campaign-open-${c.code}`}>
          {c.name}
        </Button>
      ),
    },
    { title: t('campaigns.code'), dataIndex: 'code', key: 'code' },
    { title: t('campaigns.state'), key: 'state', render: (_, c) => <CampaignStateTag state={c.state} /> },
    { title: t('campaigns.startsAt'), key: 'startsAt', render: (_, c) => formatDateTime(c.startsAt) },
    { title: t('campaigns.cutoffAt'), key: 'cutoffAt', render: (_, c) => formatDateTime(c.cutoffAt) },
    { title: t('campaigns.deliveryDate'), dataIndex: 'deliveryDate', key: 'deliveryDate' },
    { title: t('campaigns.itemCount'), dataIndex: 'itemCount', key: 'itemCount' },
    {
      title: t('campaigns.soldOfCap'),
      key: 'sold',
      render: (_, c) => (
        <Space size="small">
          <span>
            {c.soldTotal} / {c.capTotal}
          </span>
          {c.capTotal > 0 && (
            <Progress
              size="small"
              style={{ width: 80 }}
              percent={Math.floor((c.soldTotal * 100) / c.capTotal)}
              showInfo={false}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('nav.campaigns')}
      extra={
        can('campaigns.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="campaign-create">
            {t('campaigns.create')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('campaigns.searchPlaceholder')}
          enterButton={t('common.search')}
          style={{ width: 300 }}
          defaultValue={params.q}
          onSearch={(q) => setFilters({ q: q.trim() })}
          data-testid="campaigns-search"
        />
        <Select<CampaignState | ''>
          style={{ width: 140 }}
          value={state}
          onChange={(v) => setFilters({ state: v })}
          options={[
            { value: '', label: t('campaigns.allStates') },
            ...CAMPAIGN_STATES.map((s) => ({ value: s, label: t(`campaigns.state.${s}`) })),
          ]}
          data-testid="campaigns-state-filter"
        />
        <DatePicker.RangePicker
          defaultValue={
            params.from && params.to ? [dayjs(params.from), dayjs(params.to).subtract(1, 'day')] : undefined
          }
          onChange={(r) => setRange(r)}
          data-testid="campaigns-date-filter"
        />
      </Space>
      <QueryError error={list.error} />
      <Table<CampaignSummary>
        rowKey="id"
        data-testid="campaigns-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        {...table(list.data?.total)}
      />
    </Card>
  );
}

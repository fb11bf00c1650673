import { DatePicker, Input, Select, Space, Table, type TableProps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  ACCOUNT_KINDS,
  type AccountKind,
  type Transfer,
  type TransferParams,
  type TransferSide,
  useTransfers,
} from './finance-api';

/** One side of a transfer as a person reads it: "团长 陈静 · 可提现" or "公司 · 佣金费用". */
export function SideLabel({ side }: { side: TransferSide }) {
  const { t } = useLocale();
  const kind = t(`finance.kind.${side.kind}` as MessageKey);
  return (
    <span>
      {side.owner === 'leader' ? (side.leaderName ?? side.leaderId) : t('finance.company')} · {kind}
    </span>
  );
}

/** 转账流水: every transfer, newest first, by leader, account kind, cause or time. */
export function TransfersTab({
  leaderId,
  onClearLeader,
}: {
  leaderId: string | null;
  onClearLeader: () => void;
}) {
  const { t } = useLocale();
  const [filter, setFilter] = useState<Omit<TransferParams, 'page' | 'pageSize' | 'leaderId'>>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const params: TransferParams = { ...filter, leaderId: leaderId ?? undefined, ...paging };
  const list = useTransfers(params);
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const columns: TableProps<Transfer>['columns'] = [
    { title: t('finance.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('finance.debit'), render: (_, r) => <SideLabel side={r.debit} /> },
    { title: t('finance.credit'), render: (_, r) => <SideLabel side={r.credit} /> },
    {
      title: t('finance.amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number) => formatYuan(v),
    },
    { title: t('finance.cause'), render: (_, r) => <Tag>{`${r.causeType}:${r.causeId}`}</Tag> },
    { title: t('finance.memo'), dataIndex: 'memo' },
    { title: t('finance.key'), dataIndex: 'key', ellipsis: true },
  ];
  return (
    <>
      <QueryError error={list.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        {leaderId && (
          <Tag closable onClose={onClearLeader} data-testid="transfers-filter-leader">
            {t('finance.leader')}: {leaderId}
          </Tag>
        )}
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('finance.allKinds')}
          options={ACCOUNT_KINDS.map((k) => ({ value: k, label: t(`finance.kind.${k}` as MessageKey) }))}
          onChange={(v?: AccountKind) => set({ kind: v })}
          data-testid="transfers-filter-kind"
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('finance.causeType')}
          onSearch={(v) => set({ causeType: v.trim() || undefined })}
        />
        <DatePicker.RangePicker
          showTime
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: range?.[0]?.toISOString() ?? undefined, to: range?.[1]?.toISOString() ?? undefined })
          }
        />
      </Space>
      <Table
        rowKey="id"
        size="middle"
        data-testid="transfers-table"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </>
  );
}

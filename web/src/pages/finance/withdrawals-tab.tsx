import { App as AntApp, Button, Popconfirm, Select, Space, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  useApproveWithdrawal,
  useRejectWithdrawal,
  useWithdrawalSettings,
  useWithdrawals,
  WITHDRAWAL_STATUSES,
  type WithdrawalItem,
  type WithdrawalStatus,
} from './finance-api';
import { ReasonModal } from './reason-modal';
import { WithdrawalStatusTag } from './withdrawal-status-tag';

function RejectModal({ withdrawal, onClose }: { withdrawal: WithdrawalItem; onClose: () => void }) {
  const { t } = useLocale();
  const reject = useRejectWithdrawal();
  return (
    <ReasonModal
      title={t('finance.rejectTitle')}
      hint={t('finance.rejectHint')}
      successText={t('finance.rejected')}
      submitTestId="withdrawal-reject-submit"
      reasonTestId="withdrawal-reject-reason"
      pending={reject.isPending}
      confirm={(reason, callbacks) => reject.mutate({ id: withdrawal.id, reason }, callbacks)}
      onClose={onClose}
    />
  );
}

/** 提现审核: the review queue (待审核 first, oldest first) and every withdrawal by status. */
export function WithdrawalsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<WithdrawalStatus | undefined>('requested');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [rejecting, setRejecting] = useState<WithdrawalItem | null>(null);
  const list = useWithdrawals({ status, ...paging });
  const settings = useWithdrawalSettings();
  const approve = useApproveWithdrawal();
  const reportError = useReportError();
  const columns: TableProps<WithdrawalItem>['columns'] = [
    {
      title: t('finance.requestedAt'),
      dataIndex: 'requestedAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    { title: t('finance.leader'), render: (_, w) => `${w.leaderName} (${w.leaderCode})` },
    { title: t('finance.withdrawAmount'), dataIndex: 'amountFen', align: 'right', render: formatYuan },
    { title: t('finance.fee'), dataIndex: 'feeFen', align: 'right', render: formatYuan },
    { title: t('finance.tax'), dataIndex: 'taxFen', align: 'right', render: formatYuan },
    { title: t('finance.net'), dataIndex: 'netFen', align: 'right', render: formatYuan },
    {
      title: t('finance.account'),
      render: (_, w) => `${t(`finance.method.${w.method}` as MessageKey)} ${w.payeeName} ${w.accountMasked}`,
    },
    {
      title: t('finance.leaderAvailable'),
      dataIndex: 'leaderAvailableFen',
      align: 'right',
      render: formatYuan,
    },
    {
      title: t('finance.leaderOwed'),
      dataIndex: 'leaderOwedFen',
      align: 'right',
      render: (v: number, w) => (
        <Typography.Text type={v > 0 ? 'danger' : undefined} data-testid={`withdrawal-owed-${w.id}`}>
          {formatYuan(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('finance.leaderNet'),
      dataIndex: 'leaderNetFen',
      align: 'right',
      render: (v: number, w) => (
        <Typography.Text type={v < 0 ? 'danger' : undefined} data-testid={`withdrawal-net-${w.id}`}>
          {formatYuan(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('finance.status'),
      render: (_, w) => (
        <Space direction="vertical" size={0}>
          <WithdrawalStatusTag status={w.status} />
          {(w.rejectReason ?? w.failReason) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {w.rejectReason ?? w.failReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(canWrite
      ? [
          {
            title: t('finance.decision'),
            render: (_: unknown, w: WithdrawalItem) => (
              <Space>
                {w.status === 'requested' && (
                  <Popconfirm
                    title={t('finance.approveConfirm', { amount: formatYuan(w.amountFen) })}
                    description={
                      w.leaderOwedFen > 0 ? (
                        <Typography.Text type="danger" data-testid="withdrawal-approve-owed">
                          {t('finance.owedWarning', { owed: formatYuan(w.leaderOwedFen) })}
                          {settings.data && !settings.data.withdrawWhileOwed && t('finance.owedBlocked')}
                        </Typography.Text>
                      ) : undefined
                    }
                    okButtonProps={{ 'data-testid': 'withdrawal-approve-confirm' }}
                    onConfirm={() =>
                      approve.mutate(w.id, {
                        onSuccess: () => message.success(t('finance.approved')),
                        onError: (e) => reportError(e),
                      })
                    }
                  >
                    <Button size="small" type="primary" data-testid={`withdrawal-approve-${w.id}`}>
                      {t('finance.approve')}
                    </Button>
                  </Popconfirm>
                )}
                {(w.status === 'requested' || w.status === 'approved') && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setRejecting(w)}
                    data-testid={`withdrawal-reject-${w.id}`}
                  >
                    {t('finance.reject')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <QueryError error={list.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          value={status}
          placeholder={t('finance.allStatuses')}
          data-testid="withdrawals-filter-status"
          options={WITHDRAWAL_STATUSES.map((s) => ({
            value: s,
            label: t(`finance.withdrawal.status.${s}` as MessageKey),
          }))}
          onChange={(v?: WithdrawalStatus) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
      </Space>
      <Table
        rowKey="id"
        size="middle"
        data-testid="withdrawals-table"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {rejecting && <RejectModal withdrawal={rejecting} onClose={() => setRejecting(null)} />}
    </>
  );
}

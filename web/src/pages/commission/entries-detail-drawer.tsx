import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd';
import { useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type EntryDetail, formatBps, useEntry, useRecomputeOrder } from './entries-api';
import { EntryStatusTag } from './entries-status-tag';

/** One entry (佣金说明): the sentence that explains it, its figures, what refunds did, its transfers. */
export function EntriesDetailDrawer({
  id,
  canWrite,
  onClose,
}: {
  id: string | null;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t, lang } = useLocale();
  const { message } = AntApp.useApp();
  const entry = useEntry(id);
  const recompute = useRecomputeOrder();
  const reportError = useReportError();
  const e: EntryDetail | undefined = entry.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={t('cEntries.detail')}
      destroyOnHidden
      extra={
        canWrite && e?.orderId ? (
          <Popconfirm
            title={t('cEntries.recomputeConfirm')}
            okButtonProps={{ 'data-testid': 'entry-recompute-confirm' }}
            onConfirm={() =>
              recompute.mutate(e.orderId ?? '', {
                onSuccess: (r) =>
                  message.success(t('cEntries.recomputed', { computed: r.computed, inserted: r.inserted })),
                onError: (err) => reportError(err),
              })
            }
          >
            <Button data-testid="entry-recompute" loading={recompute.isPending}>
              {t('cEntries.recompute')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <QueryError error={entry.error} />
      {e && (
        <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="entry-detail">
          <Alert
            type="info"
            showIcon
            title={t('cEntries.explanation')}
            description={<span data-testid="entry-explanation">{e.explanation[lang]}</span>}
          />
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('cEntries.leader')}>
              {e.leaderName ?? e.leaderId} {e.leaderCode ? `(${e.leaderCode})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.rule')}>{e.ruleLabel[lang]}</Descriptions.Item>
            <Descriptions.Item label={t('cEntries.status')}>
              <EntryStatusTag status={e.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.position')}>
              {e.chainPosition === null ? '—' : `L${e.chainPosition}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.base')}>{formatYuan(e.baseFen)}</Descriptions.Item>
            <Descriptions.Item label={t('cEntries.rate')}>
              {e.rateBps !== null
                ? formatBps(e.rateBps)
                : e.perUnitFen !== null
                  ? formatYuan(e.perUnitFen)
                  : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.amount')}>
              <span data-testid="entry-amount">{formatYuan(e.amountFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.kept')}>{formatYuan(e.keptFen)}</Descriptions.Item>
            <Descriptions.Item label={t('cEntries.voided')}>{formatYuan(e.voidedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('cEntries.clawedBack')}>
              {formatYuan(e.clawedBackFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.order')}>
              {e.orderId ?? e.periodKey ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.product')}>
              {e.productName ? `${e.productName}${e.quantity ? ` ×${e.quantity}` : ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.plan')}>
              v{e.planVersion} {e.planName ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('cEntries.paidAt')}>{formatDateTime(e.paidAt)}</Descriptions.Item>
            <Descriptions.Item label={t('cEntries.finalAt')}>{formatDateTime(e.finalAt)}</Descriptions.Item>
            <Descriptions.Item label={t('cEntries.settlement')}>{e.settlementDay ?? '—'}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('cEntries.adjustments')}</Typography.Title>
            <Table
              rowKey="refundId"
              size="small"
              pagination={false}
              dataSource={e.adjustments}
              locale={{ emptyText: t('cEntries.none') }}
              columns={[
                {
                  title: t('cEntries.refund'),
                  dataIndex: 'refundId',
                  render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
                },
                {
                  title: t('cEntries.status'),
                  dataIndex: 'kind',
                  render: (k: string) => t(`cEntries.adjustment.${k}` as MessageKey),
                },
                { title: t('cEntries.units'), dataIndex: 'quantity', align: 'right' },
                {
                  title: t('cEntries.amount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number) => formatYuan(v),
                },
                {
                  title: t('cEntries.fromAvailable'),
                  dataIndex: 'fromAvailableFen',
                  align: 'right',
                  render: (v: number) => formatYuan(v),
                },
                {
                  title: t('cEntries.toOwed'),
                  dataIndex: 'toOwedFen',
                  align: 'right',
                  render: (v: number) => formatYuan(v),
                },
                {
                  title: t('cEntries.at'),
                  dataIndex: 'refundedAt',
                  render: (v: string) => formatDateTime(v),
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('cEntries.transfers')}</Typography.Title>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={e.transfers}
              data-testid="entry-transfers"
              columns={[
                { title: t('cEntries.debit'), dataIndex: 'debit' },
                { title: t('cEntries.credit'), dataIndex: 'credit' },
                {
                  title: t('cEntries.amount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number, tr: EntryDetail['transfers'][number]) => (
                    <>
                      {formatYuan(v)}
                      {tr.entryCount !== null && tr.entryShareFen !== null && tr.entryCount > 1 && (
                        <Typography.Text
                          type="secondary"
                          style={{ display: 'block' }}
                          data-testid="entry-share"
                        >
                          {t('cEntries.share', { share: formatYuan(tr.entryShareFen), count: tr.entryCount })}
                        </Typography.Text>
                      )}
                    </>
                  ),
                },
                { title: t('cEntries.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
                { title: t('cEntries.memo'), dataIndex: 'memo' },
                {
                  title: t('cEntries.transferKey'),
                  dataIndex: 'key',
                  render: (v: string) => (
                    <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                      {v}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

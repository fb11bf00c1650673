import { Descriptions, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { type SettlementDetail, useSettlement } from './entries-api';

/** One settlement batch (结算明细): its totals and each leader's part, largest first. */
export function SettlementsDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useLocale();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const detail = useSettlement(id, paging);
  const s: SettlementDetail | undefined = detail.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={760} title={t('cSettlements.detail')} destroyOnHidden>
      <QueryError error={detail.error} />
      {s && (
        <>
          <Descriptions
            column={2}
            size="small"
            bordered
            style={{ marginBottom: 16 }}
            data-testid="settlement-detail"
          >
            <Descriptions.Item label={t('cSettlements.day')}>{s.day}</Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.at')}>{formatDateTime(s.at)}</Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.entries')}>{s.entryCount}</Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.leaders')}>{s.leaderCount}</Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.settled')}>
              {formatYuan(s.settledFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.netted')}>{formatYuan(s.nettedFen)}</Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.trigger')}>
              {t(`cSettlements.trigger.${s.trigger}` as MessageKey)} {s.actorName ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('cSettlements.duration')}>{s.durationMs} ms</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="leaderId"
            size="small"
            data-testid="settlement-leaders"
            dataSource={s.leaders.items}
            columns={[
              {
                title: t('cEntries.leader'),
                render: (_, l) => (
                  <Typography.Text>
                    {l.leaderName ?? l.leaderId} {l.leaderCode ? `(${l.leaderCode})` : ''}
                  </Typography.Text>
                ),
              },
              { title: t('cSettlements.entries'), dataIndex: 'entryCount', align: 'right' },
              {
                title: t('cSettlements.settled'),
                dataIndex: 'settledFen',
                align: 'right',
                render: formatYuan,
              },
              { title: t('cSettlements.netted'), dataIndex: 'nettedFen', align: 'right', render: formatYuan },
              {
                title: t('cSettlements.available'),
                dataIndex: 'availableFen',
                align: 'right',
                render: formatYuan,
              },
            ]}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: s.leaders.total,
              onChange: (page, pageSize) => setPaging({ page, pageSize }),
            }}
          />
        </>
      )}
    </Drawer>
  );
}

import { PrinterOutlined } from '@ant-design/icons';
import { Descriptions, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { printUrl, useLeaderOnboarding } from '../../leader-onboarding-api';
import { useLocale } from '../../locale-context';

/**
 * 签约与培训 of one leader: their application, every agreement version they signed (with the printable
 * record) and their training. Made for a tab of the leader detail page; needs `leaders.manage`.
 */
export function LeaderOnboardingPanel({ leaderId }: { leaderId: string }) {
  const { t } = useLocale();
  const data = useLeaderOnboarding(leaderId);
  if (data.isPending) return <Spin />;
  if (data.isError) return <QueryError error={data.error} />;
  const { application, agreements, training } = data.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="leader-onboarding-panel">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('applications.no')}>
          {application?.applicationNo ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('applications.decidedAt')}>
          {formatDateTime(application?.decidedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.currentTitle')}>
          {agreements.currentVersion === null ? '—' : `v${agreements.currentVersion}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('agreements.signStatus')}>
          <Tag color={agreements.signedCurrent ? 'success' : 'warning'}>
            {t(agreements.signedCurrent ? 'agreements.signed' : 'agreements.unsigned')}
          </Tag>
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={agreements.items}
        locale={{ emptyText: <Empty description={t('agreements.unsigned')} /> }}
        columns={[
          { title: t('agreements.version'), key: 'v', render: (_, s) => `v${s.version}` },
          { title: t('agreements.titleField'), dataIndex: 'title', key: 'title' },
          { title: t('agreements.signedAt'), key: 'at', render: (_, s) => formatDateTime(s.signedAt) },
          { title: 'IP', key: 'ip', render: (_, s) => s.ip ?? '—' },
          {
            title: 'SHA-256',
            key: 'hash',
            render: (_, s) => (
              <Typography.Text code style={{ fontSize: 11 }}>
                {s.textSha256.slice(0, 16)}…
              </Typography.Text>
            ),
          },
          {
            title: t('common.actions'),
            key: 'print',
            render: (_, s) => (
              <a href={printUrl(s.id)} target="_blank" rel="noopener noreferrer">
                <PrinterOutlined /> {t('agreements.print')}
              </a>
            ),
          },
        ]}
      />
      <Table
        rowKey="materialId"
        size="small"
        pagination={false}
        dataSource={training.items}
        columns={[
          {
            title: t('training.titleField'),
            key: 'title',
            render: (_, m) => (
              <Space>
                {m.title}
                {m.required && <Tag color="red">{t('training.required')}</Tag>}
              </Space>
            ),
          },
          { title: t('training.kind'), key: 'kind', render: (_, m) => t(`trainingKind.${m.kind}`) },
          {
            title: t('training.lastCompleted'),
            key: 'done',
            render: (_, m) =>
              m.completedAt ? formatDateTime(m.completedAt) : <Tag>{t('trainingH5.todo')}</Tag>,
          },
        ]}
      />
    </Space>
  );
}

import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Progress,
  Space,
  Spin,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import {
  type CampaignAction,
  type CampaignItem,
  useCampaign,
  useCampaignAction,
  useCampaignLive,
} from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { Countdown } from './campaign-countdown';
import { CampaignStateTag } from './campaign-state-tag';
import { LiveEditModal, type LiveEditTarget } from './live-edit-modal';

const yuan = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

interface Props {
  id: string;
  onBack: () => void;
  onEdit: () => void;
}

export function CampaignDetailView({ id, onBack, onEdit }: Props) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const can = useCan();
  // The live stream moves the sold / cap bars; if it fails, the detail polls as before.
  const [streamOn, setStreamOn] = useState(false);
  const query = useCampaign(id, streamOn);
  const live = useCampaignLive(id, query.data?.state === 'live');
  if (streamOn !== (live === 'streaming')) setStreamOn(live === 'streaming');
  const action = useCampaignAction();
  const reportError = useReportError();
  const [closing, setClosing] = useState(false);
  const [editing, setEditing] = useState<LiveEditTarget | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  const c = query.data;
  if (!c) return query.error ? <QueryError error={query.error} /> : <Spin />;

  const run = (kind: CampaignAction, done: Parameters<typeof t>[0], reason?: string) =>
    action
      .mutateAsync({ id, action: kind, ...(reason ? { reason } : {}) })
      .then(() => {
        message.success(t(done));
        setClosing(false);
      })
      .catch((error: unknown) => reportError(error));

  const writable = can('campaigns.write');
  // A published campaign that still sells takes the named live changes, not a whole edit.
  const selling = writable && (c.state === 'scheduled' || c.state === 'live');
  const items: CampaignItem[] = c.items;

  return (
    <Card
      title={
        <Space>
          <span data-testid="campaign-title">{c.name}</span>
          <CampaignStateTag state={c.state} />
          {c.openForOrders ? (
            <Tag color="success">{t('campaigns.openForOrders')}</Tag>
          ) : (
            <Tag>{t('campaigns.notOpen')}</Tag>
          )}
        </Space>
      }
      extra={
        <Space wrap>
          <Button onClick={onBack} data-testid="campaign-back">
            {t('campaigns.back')}
          </Button>
          {writable && c.state === 'draft' && (
            <Button onClick={onEdit} data-testid="campaign-edit">
              {t('campaigns.edit')}
            </Button>
          )}
          {writable && c.state === 'draft' && (
            <Popconfirm
              title={t('campaigns.scheduleConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'campaign-schedule-confirm' }}
              onConfirm={() => run('schedule', 'campaigns.scheduled')}
            >
              <Button type="primary" data-testid="campaign-schedule">
                {t('campaigns.schedule')}
              </Button>
            </Popconfirm>
          )}
          {selling && (
            <Button onClick={() => setEditing({ kind: 'addItems' })} data-testid="campaign-add-items">
              {t('campaigns.live.addItems')}
            </Button>
          )}
          {selling && (
            <Button onClick={() => setEditing({ kind: 'cutoff' })} data-testid="campaign-extend-cutoff">
              {t('campaigns.live.extendCutoff')}
            </Button>
          )}
          {writable && c.state === 'live' && (
            <Button danger onClick={() => setClosing(true)} data-testid="campaign-close">
              {t('campaigns.close')}
            </Button>
          )}
          {writable && (c.state === 'draft' || c.state === 'scheduled') && (
            <Popconfirm
              title={t('campaigns.cancelConfirm', { name: c.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => run('cancel', 'campaigns.cancelled')}
            >
              <Button danger data-testid="campaign-cancel">
                {t('campaigns.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space size="large" wrap style={{ marginBottom: 16 }}>
        {c.state === 'scheduled' && (
          <Countdown
            key={`${c.serverNow}-start`}
            target={c.startsAt}
            serverNow={c.serverNow}
            title={t('campaigns.countdownToStart')}
            testId="campaign-countdown-start"
          />
        )}
        {(c.state === 'scheduled' || c.state === 'live') && (
          <Countdown
            key={`${c.serverNow}-cutoff`}
            target={c.cutoffAt}
            serverNow={c.serverNow}
            title={t('campaigns.countdown')}
            testId="campaign-countdown"
          />
        )}
      </Space>
      {(c.state === 'scheduled' || c.state === 'live') && (
        <Alert type="info" showIcon title={t('campaigns.clockNote')} style={{ marginBottom: 16 }} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('campaigns.code')}>{c.code}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.startsAt')}>{formatDateTime(c.startsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.cutoffAt')}>{formatDateTime(c.cutoffAt)}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.endsAt')}>{formatDateTime(c.endsAt)}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.deliveryDate')}>{c.deliveryDate}</Descriptions.Item>
        <Descriptions.Item label={t('campaigns.paymentMinutes')}>
          <span data-testid="campaign-paymentMinutes">
            {t('campaigns.paymentMinutesValue', { n: c.paymentMinutes })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.sellTo')}>
          <span data-testid="campaign-detail-regions">
            {c.sellTo === 'all'
              ? t('campaigns.sellTo.all')
              : `${t('campaigns.sellTo.regions')}：${c.regions.map((r) => r.name).join('、')}`}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('campaigns.warehouse')}>
          <span data-testid="campaign-detail-warehouse">
            {c.warehouseName ?? t('campaigns.warehouse.auto')}
          </span>
        </Descriptions.Item>
        {c.closeReason && (
          <Descriptions.Item label={t('campaigns.closeReason')}>{c.closeReason}</Descriptions.Item>
        )}
        {c.description && (
          <Descriptions.Item label={t('campaigns.description')} span={3}>
            {c.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table<CampaignItem>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="campaign-items-table"
        dataSource={items}
        columns={[
          {
            title: t('campaigns.item.sku'),
            key: 'sku',
            render: (_, i) =>
              i.skuCode
                ? `${i.skuCode} · ${i.productName ?? ''} ${i.spec ?? ''}`
                : `${i.skuId} ${t('campaigns.item.unknownSku')}`,
          },
          { title: t('campaigns.item.price'), key: 'price', render: (_, i) => yuan(i.priceFen) },
          { title: t('campaigns.item.listPrice'), key: 'list', render: (_, i) => yuan(i.listPriceFen) },
          { title: t('campaigns.item.limit'), dataIndex: 'perCustomerLimit', key: 'limit' },
          {
            title: t('campaigns.soldOfCap'),
            key: 'sold',
            render: (_, i) => (
              <Space>
                <span data-testid={`campaign-sold-${i.sortOrder}`}>
                  {i.sold} / {i.stockCap}
                </span>
                <Progress
                  style={{ width: 160 }}
                  percent={Math.floor((i.sold * 100) / i.stockCap)}
                  status={i.sold >= i.stockCap ? 'exception' : c.state === 'live' ? 'active' : 'normal'}
                  size="small"
                />
              </Space>
            ),
          },
          ...(selling
            ? [
                {
                  title: t('campaigns.live.actions'),
                  key: 'actions',
                  render: (_: unknown, i: CampaignItem) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => setEditing({ kind: 'cap', item: i })}
                        data-testid={`campaign-item-cap-${i.sortOrder}`}
                      >
                        {t('campaigns.live.cap')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => setEditing({ kind: 'price', item: i })}
                        data-testid={`campaign-item-price-${i.sortOrder}`}
                      >
                        {t('campaigns.live.price')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <LiveEditModal campaign={c} target={editing} onClose={() => setEditing(null)} />}
      {closing && (
        <Modal
          open
          title={t('campaigns.closeTitle', { name: c.name })}
          onCancel={() => setClosing(false)}
          okText={t('campaigns.close')}
          okButtonProps={{ danger: true, loading: action.isPending, 'data-testid': 'campaign-close-submit' }}
          onOk={() => reasonForm.submit()}
        >
          <Form
            form={reasonForm}
            layout="vertical"
            onFinish={(v) => run('close', 'campaigns.closed', v.reason.trim())}
          >
            <Form.Item
              name="reason"
              label={t('campaigns.closeReason')}
              rules={[{ required: true, whitespace: true, message: t('campaigns.closeReasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} data-testid="campaign-close-reason" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}

import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  InputNumber,
  Space,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { useCan } from '../../auth-context';
import { FormModal } from '../../components/form-modal';
import { QueryError } from '../../components/query-error';
import { businessToday, formatDateTime } from '../../format';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  type Settlement,
  useAccrualSettings,
  useRunSettlement,
  useSaveAccrualSettings,
  useSettlements,
} from './entries-api';
import { SettlementsDetailDrawer } from './settlements-detail-drawer';

/** 手动结算: freeze what is due, then settle an ended business day (yesterday by default). */
function RunModal({ onClose }: { onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ day: Dayjs }>();
  const run = useRunSettlement();
  const reportError = useReportError();
  const submit = async () => {
    const { day } = await form.validateFields();
    const value = day.format('YYYY-MM-DD');
    run.mutate(value, {
      onSuccess: (r) => {
        if (r.created)
          message.success(
            t('cSettlements.done', {
              day: r.settlement.day,
              leaders: r.settlement.leaderCount,
              amount: formatYuan(r.settlement.settledFen),
            }),
          );
        else message.info(t('cSettlements.already', { day: r.settlement.day }));
        onClose();
      },
      onError: (e) => reportError(e, formTarget(form, ['day'] as const)),
    });
  };
  return (
    <FormModal
      title={t('cSettlements.runTitle')}
      submitting={run.isPending}
      submitTestId="settlement-run-submit"
      onSubmit={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('cSettlements.runHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ day: businessToday().subtract(1, 'day') }}>
        <Form.Item
          name="day"
          label={t('cSettlements.day')}
          rules={[{ required: true, message: t('cSettlements.dayRequired') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            data-testid="settlement-run-day"
            disabledDate={(d) => !d.isBefore(businessToday(), 'day')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 售后期: how many days after pickup an order's commission becomes final. */
function WindowSetting({ canWrite }: { canWrite: boolean }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const settings = useAccrualSettings();
  const save = useSaveAccrualSettings();
  const reportError = useReportError();
  const [days, setDays] = useState<number | null>(null);
  const value = days ?? settings.data?.afterSalesDays ?? 7;
  return (
    <Space>
      <Typography.Text>{t('cSettlements.window')}</Typography.Text>
      <InputNumber
        min={0}
        max={90}
        precision={0}
        value={value}
        disabled={!canWrite}
        data-testid="settlement-window"
        onChange={(v) => setDays(v)}
      />
      {canWrite && (
        <Button
          loading={save.isPending}
          disabled={days === null || days === settings.data?.afterSalesDays}
          onClick={() =>
            save.mutate(
              { afterSalesDays: value },
              {
                onSuccess: () => {
                  setDays(null);
                  message.success(t('cSettlements.windowSaved'));
                },
                onError: (e) => reportError(e),
              },
            )
          }
        >
          {t('common.save')}
        </Button>
      )}
      <Typography.Text type="secondary">{t('cSettlements.windowHint')}</Typography.Text>
    </Space>
  );
}

/** 佣金结算: the T+1 settlement batches, newest day first; finance can settle an ended day by hand. */
export function SettlementsPage() {
  const { t } = useLocale();
  const can = useCan();
  const canWrite = can('commission.write');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [running, setRunning] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useSettlements(paging);
  const columns: TableProps<Settlement>['columns'] = [
    { title: t('cSettlements.day'), dataIndex: 'day', width: 130 },
    { title: t('cSettlements.entries'), dataIndex: 'entryCount', align: 'right' },
    { title: t('cSettlements.leaders'), dataIndex: 'leaderCount', align: 'right' },
    { title: t('cSettlements.settled'), dataIndex: 'settledFen', align: 'right', render: formatYuan },
    { title: t('cSettlements.netted'), dataIndex: 'nettedFen', align: 'right', render: formatYuan },
    {
      title: t('cSettlements.trigger'),
      render: (_, s) =>
        `${t(`cSettlements.trigger.${s.trigger}` as MessageKey)}${s.actorName ? ` · ${s.actorName}` : ''}`,
    },
    { title: t('cSettlements.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      render: (_, s) => (
        <Button
          size="small"
          type="link"
          onClick={() => setOpenId(s.id)}
          data-testid={`settlement-open-${s.day}`}
        >
          {t('cSettlements.detail')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={t('cSettlements.title')}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setRunning(true)} data-testid="settlement-run">
            {t('cSettlements.run')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('cSettlements.hint')}</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <WindowSetting canWrite={canWrite} />
      </div>
      <QueryError error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        data-testid="settlements-table"
        loading={list.isFetching && !list.data}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {running && <RunModal onClose={() => setRunning(false)} />}
      <SettlementsDetailDrawer id={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}

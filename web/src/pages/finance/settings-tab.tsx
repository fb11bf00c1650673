import { App as AntApp, Button, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { fenToYuan, formatYuan, yuanToFen } from '../../shared/money';
import { useSaveSettings, useWithdrawalSettings, type WithdrawalSettings } from './finance-api';

/** The form speaks yuan and percent; the API speaks fen and basis points. */
interface FormValues {
  minAmount: number;
  feeFixed: number;
  feeRate: number;
  dailyCountLimit: number;
  taxRate: number;
  withdrawWhileOwed: boolean;
}

const toForm = (s: WithdrawalSettings): FormValues => ({
  minAmount: fenToYuan(s.minAmountFen),
  feeFixed: fenToYuan(s.feeFixedFen),
  feeRate: s.feeBps / 100,
  dailyCountLimit: s.dailyCountLimit,
  taxRate: s.taxBps / 100,
  withdrawWhileOwed: s.withdrawWhileOwed,
});

/** Half up to the fen, as the server rounds. */
const rate = (amountFen: number, bps: number) => Math.round((amountFen * bps) / 10_000);

const FIELD_OF = {
  minAmountFen: 'minAmount',
  feeFixedFen: 'feeFixed',
  feeBps: 'feeRate',
  dailyCountLimit: 'dailyCountLimit',
  taxBps: 'taxRate',
} as const;

/** 提现设置: minimum, fee (fixed and / or a rate), daily count and tax withholding; audited on save. */
export function SettingsTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const settings = useWithdrawalSettings();
  const save = useSaveSettings();
  const reportError = useReportError();
  const [form] = Form.useForm<FormValues>();
  const values = Form.useWatch([], form) as FormValues | undefined;
  if (!settings.data) return settings.error ? <QueryError error={settings.error} /> : <Skeleton active />;
  const s = settings.data;
  const example = 100_00;
  const fee = values
    ? yuanToFen(values.feeFixed ?? 0) + rate(example, Math.round((values.feeRate ?? 0) * 100))
    : 0;
  const tax = values ? rate(example, Math.round((values.taxRate ?? 0) * 100)) : 0;
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      {
        minAmountFen: yuanToFen(v.minAmount),
        feeFixedFen: yuanToFen(v.feeFixed),
        feeBps: Math.round(v.feeRate * 100),
        dailyCountLimit: v.dailyCountLimit,
        taxBps: Math.round(v.taxRate * 100),
        withdrawWhileOwed: v.withdrawWhileOwed,
      },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (e) => {
          // The server names API fields (body.feeFixedFen); the form's are in yuan and percent.
          const target = formTarget(form, [
            'minAmount',
            'feeFixed',
            'feeRate',
            'dailyCountLimit',
            'taxRate',
          ] as const);
          reportError(e, {
            fields: Object.keys(FIELD_OF) as (keyof typeof FIELD_OF)[],
            show: (field, text) => target.show(FIELD_OF[field], text),
          });
        },
      },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={toForm(s)}
      disabled={!canWrite}
    >
      <Form.Item name="minAmount" label={t('finance.settings.minAmount')} rules={[{ required: true }]}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="settings-min" />
      </Form.Item>
      <Form.Item name="feeFixed" label={t('finance.settings.feeFixed')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="settings-fee-fixed" />
      </Form.Item>
      <Form.Item name="feeRate" label={t('finance.settings.feeRate')} rules={[{ required: true }]}>
        <InputNumber
          min={0}
          max={100}
          precision={2}
          style={{ width: '100%' }}
          data-testid="settings-fee-rate"
        />
      </Form.Item>
      <Form.Item name="dailyCountLimit" label={t('finance.settings.dailyCount')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} data-testid="settings-daily" />
      </Form.Item>
      <Form.Item name="taxRate" label={t('finance.settings.taxRate')} rules={[{ required: true }]}>
        <InputNumber
          min={0}
          max={100}
          precision={2}
          style={{ width: '100%' }}
          data-testid="settings-tax-rate"
        />
      </Form.Item>
      <Form.Item
        name="withdrawWhileOwed"
        label={t('finance.settings.withdrawWhileOwed')}
        extra={t('finance.settings.withdrawWhileOwedHint')}
        valuePropName="checked"
      >
        <Switch data-testid="settings-withdraw-while-owed" />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="settings-example">
        {t('finance.settings.example', {
          amount: formatYuan(example),
          fee: formatYuan(fee),
          tax: formatYuan(tax),
          net: formatYuan(example - fee - tax),
        })}
      </Typography.Paragraph>
      {s.updatedAt && (
        <Typography.Paragraph type="secondary">
          {t('finance.settings.updated', { at: formatDateTime(s.updatedAt), by: s.updatedBy ?? '—' })}
        </Typography.Paragraph>
      )}
      {canWrite ? (
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => void submit()}
          data-testid="settings-save"
        >
          {t('common.save')}
        </Button>
      ) : (
        <Typography.Paragraph type="secondary">{t('finance.settings.readOnly')}</Typography.Paragraph>
      )}
    </Form>
  );
}

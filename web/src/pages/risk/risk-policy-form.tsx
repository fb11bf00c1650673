import { App as AntApp, Button, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { type PolicyInput, useRiskPolicy, useSaveRiskPolicy } from './risk-api';

const FIELDS = ['enabled', 'maxQuantityPerOrder', 'maxOrdersPerPhonePerCampaign'] as const;

interface FormValues {
  enabled: boolean;
  maxQuantityPerOrder: number | null | undefined;
  maxOrdersPerPhonePerCampaign: number | null | undefined;
}

/** The policy (下单风控): the master switch and the two limits; an empty limit is "no limit". */
export function RiskPolicyForm() {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const { data: policy, error, isLoading } = useRiskPolicy();
  const save = useSaveRiskPolicy();
  const reportError = useReportError();

  useEffect(() => {
    if (policy) form.setFieldsValue(policy);
  }, [policy, form]);

  const onFinish = (v: FormValues) => {
    const body: PolicyInput = {
      enabled: v.enabled,
      maxQuantityPerOrder: v.maxQuantityPerOrder ?? null,
      maxOrdersPerPhonePerCampaign: v.maxOrdersPerPhonePerCampaign ?? null,
    };
    save.mutate(body, {
      onSuccess: () => message.success(t('risk.policy.saved')),
      onError: (err) => reportError(err, formTarget(form, FIELDS)),
    });
  };

  if (isLoading) return <Skeleton active />;
  return (
    <>
      <QueryError error={error} />
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 480 }}>
        <Form.Item name="enabled" label={t('risk.policy.enabled')} valuePropName="checked">
          <Switch data-testid="risk-policy-enabled" />
        </Form.Item>
        <Form.Item name="maxQuantityPerOrder" label={t('risk.policy.maxQuantity')}>
          <InputNumber
            min={1}
            precision={0}
            style={{ width: 200 }}
            placeholder={t('risk.policy.noLimit')}
            data-testid="risk-policy-max-quantity"
          />
        </Form.Item>
        <Form.Item
          name="maxOrdersPerPhonePerCampaign"
          label={t('risk.policy.maxOrders')}
          extra={t('risk.policy.limitHint')}
        >
          <InputNumber
            min={1}
            precision={0}
            style={{ width: 200 }}
            placeholder={t('risk.policy.noLimit')}
            data-testid="risk-policy-max-orders"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="risk-policy-save">
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" data-testid="risk-policy-updated">
        {policy?.updatedAt
          ? t('risk.policy.updated', { at: formatDateTime(policy.updatedAt), by: policy.updatedBy ?? '' })
          : t('risk.policy.never')}
      </Typography.Text>
    </>
  );
}

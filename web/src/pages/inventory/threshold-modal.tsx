import { App as AntApp, Form, InputNumber, Typography } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { type StockLevel, useSetThreshold } from '../../inventory-api';
import { useLocale } from '../../locale-context';

export function ThresholdModal({ level, onClose }: { level: StockLevel; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ lowStockThreshold: number }>();
  const setThreshold = useSetThreshold();
  const reportError = useReportError();
  return (
    <FormModal
      title={`${t('inventory.editThreshold')} · ${level.skuCode ?? level.skuId} · ${level.warehouseName}`}
      submitting={setThreshold.isPending}
      submitTestId="stock-form-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ lowStockThreshold: level.lowStockThreshold }}
        onFinish={(values) =>
          setThreshold.mutate(
            { skuId: level.skuId, warehouseId: level.warehouseId, ...values },
            {
              onSuccess: () => {
                message.success(t('inventory.thresholdSaved'));
                onClose();
              },
              onError: (error) => reportError(error, formTarget(form, ['lowStockThreshold'] as const)),
            },
          )
        }
      >
        <Form.Item
          name="lowStockThreshold"
          label={t('inventory.threshold')}
          rules={[{ required: true, type: 'integer', min: 0, message: t('inventory.thresholdRule') }]}
        >
          <InputNumber
            precision={0}
            min={0}
            style={{ width: '100%' }}
            data-testid="stock-form-lowStockThreshold"
          />
        </Form.Item>
        <Typography.Text type="secondary">{t('inventory.thresholdHelp')}</Typography.Text>
      </Form>
    </FormModal>
  );
}

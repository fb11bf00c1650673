import { Alert, App as AntApp, Form, Input } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { useLocale } from '../../locale-context';
import { useDecideHold, type Verdict } from './risk-api';

/** Approve (reason optional) or reject (reason required) one order on hold. */
export function DecisionModal({
  orderId,
  verdict,
  onClose,
}: {
  orderId: string;
  verdict: Verdict;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reportError = useReportError();
  const decide = useDecideHold();
  const approving = verdict === 'approve';

  const onFinish = ({ reason }: { reason?: string }) => {
    decide.mutate(
      { orderId, verdict, reason: reason?.trim() ?? '' },
      {
        onSuccess: () => {
          message.success(t(approving ? 'risk.hold.approved' : 'risk.hold.rejected'));
          onClose();
        },
        onError: (error) => reportError(error, formTarget(form, ['reason'] as const)),
      },
    );
  };

  return (
    <FormModal
      title={t(approving ? 'risk.hold.approveTitle' : 'risk.hold.rejectTitle')}
      submitting={decide.isPending}
      submitTestId="risk-decision-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Alert
        type={approving ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(approving ? 'risk.hold.approveHint' : 'risk.hold.rejectHint')}
      />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t(approving ? 'risk.hold.reasonOptional' : 'risk.hold.reason')}
          rules={
            approving ? [] : [{ required: true, whitespace: true, message: t('risk.hold.reasonRequired') }]
          }
        >
          <Input.TextArea data-testid="risk-decision-reason" maxLength={200} rows={3} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

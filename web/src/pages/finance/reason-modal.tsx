import { App as AntApp, Form, Input, Typography } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { useLocale } from '../../locale-context';

/** What a mutation's `mutate` takes as its second argument: enough for the modal to close or report. */
export interface ReasonCallbacks {
  onSuccess: () => void;
  onError: (e: unknown) => void;
}

/**
 * A refusal that needs a reason (rejecting a withdrawal, marking a payout line failed): one required
 * reason of at most 200 characters; a server error naming `reason` shows on the field.
 */
export function ReasonModal(props: {
  title: string;
  hint?: string;
  successText: string;
  submitTestId: string;
  reasonTestId: string;
  pending: boolean;
  confirm: (reason: string, callbacks: ReasonCallbacks) => void;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reportError = useReportError();
  const submit = async () => {
    const { reason } = await form.validateFields();
    props.confirm(reason.trim(), {
      onSuccess: () => {
        message.success(props.successText);
        props.onClose();
      },
      onError: (e) => reportError(e, formTarget(form, ['reason'] as const)),
    });
  };
  return (
    <FormModal
      title={props.title}
      submitting={props.pending}
      submitTestId={props.submitTestId}
      onSubmit={() => void submit()}
      onCancel={props.onClose}
    >
      {props.hint && <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('finance.reason')}
          rules={[{ required: true, whitespace: true, message: t('finance.reasonRequired') }]}
        >
          <Input maxLength={200} data-testid={props.reasonTestId} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

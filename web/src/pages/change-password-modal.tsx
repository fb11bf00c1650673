import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Form, Input } from 'antd';
import { api } from '../api';
import { formTarget, useReportError } from '../api-errors';
import { FormModal } from '../components/form-modal';
import { useLocale } from '../locale-context';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** Any logged-in user changes their own password; their other sessions end, this one stays. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const reportError = useReportError();
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/change-password', body),
  });

  const onFinish = ({ currentPassword, newPassword }: ChangePasswordValues) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('account.passwordChanged'));
          onClose();
        },
        onError: (error) => reportError(error, formTarget(form, FIELDS)),
      },
    );
  };

  return (
    <FormModal
      title={t('account.changePassword')}
      submitting={change.isPending}
      submitTestId="change-password-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password data-testid="change-password-current" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          rules={[{ required: true, min: 10, message: t('users.passwordRule') }]}
        >
          <Input.Password data-testid="change-password-new" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('account.confirmPassword') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.passwordsDiffer'))),
            }),
          ]}
        >
          <Input.Password data-testid="change-password-confirm" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

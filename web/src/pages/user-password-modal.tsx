import { App as AntApp, Form, Input } from 'antd';
import { formTarget, useReportError } from '../api-errors';
import type { User } from '../api-types';
import { FormModal } from '../components/form-modal';
import { useLocale } from '../locale-context';
import { useResetPassword } from '../users-api';

interface PasswordValues {
  password: string;
}

const FIELDS = ['password'] as const;

export function UserPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const resetPassword = useResetPassword();
  const reportError = useReportError();

  const onFinish = ({ password }: PasswordValues) => {
    resetPassword.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset'));
          onClose();
        },
        onError: (error) => reportError(error, formTarget(form, FIELDS)),
      },
    );
  };

  return (
    <FormModal
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      submitting={resetPassword.isPending}
      submitTestId="user-password-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[{ required: true, min: 10, message: t('users.passwordRule') }]}
        >
          <Input.Password data-testid="user-password-input" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

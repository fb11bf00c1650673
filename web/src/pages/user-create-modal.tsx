import { App as AntApp, Form, Input } from 'antd';
import { formTarget, useReportError } from '../api-errors';
import { FormModal } from '../components/form-modal';
import { RoleSelect } from '../components/role-select';
import { useLocale } from '../locale-context';
import { type CreateUserInput, useCreateUser } from '../users-api';

const FIELDS = ['username', 'displayName', 'password', 'roles'] as const;

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const createUser = useCreateUser();
  const reportError = useReportError();

  const onFinish = (values: CreateUserInput) => {
    createUser.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: () => {
          message.success(t('users.created'));
          onClose();
        },
        onError: (error) => reportError(error, formTarget(form, FIELDS)),
      },
    );
  };

  return (
    <FormModal
      title={t('users.create')}
      submitting={createUser.isPending}
      submitTestId="user-form-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ roles: [] }}
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.usernameRequired') },
            // The same rule the server applies, checked here so the mistake shows before submitting.
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('users.usernameRule') },
          ]}
        >
          <Input data-testid="user-form-username" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          rules={[{ required: true, min: 10, message: t('users.passwordRule') }]}
        >
          <Input.Password data-testid="user-form-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <RoleSelect data-testid="user-form-roles" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

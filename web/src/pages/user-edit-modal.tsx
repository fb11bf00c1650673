import { App as AntApp, Form, Input } from 'antd';
import { formTarget, useReportError } from '../api-errors';
import type { User } from '../api-types';
import { FormModal } from '../components/form-modal';
import { RoleSelect } from '../components/role-select';
import { useLocale } from '../locale-context';
import { useUpdateUser } from '../users-api';

interface EditValues {
  displayName: string;
  roles: string[];
}

const FIELDS = ['displayName', 'roles'] as const;

export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EditValues>();
  const updateUser = useUpdateUser();
  const reportError = useReportError();

  const onFinish = (values: EditValues) => {
    updateUser.mutate(
      { id: user.id, displayName: values.displayName.trim(), roles: values.roles },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => reportError(error, formTarget(form, FIELDS)),
      },
    );
  };

  return (
    <FormModal
      title={`${t('users.edit')} · ${user.username}`}
      submitting={updateUser.isPending}
      submitTestId="user-edit-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ displayName: user.displayName, roles: user.roles }}
      >
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input data-testid="user-form-displayName" />
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

import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';
import { AuthCard, AuthError, PasswordField, UsernameField } from '../shared/auth-form';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
}

/**
 * 创建首个管理员: the page of the one-time setup link (`/setup#token=...`) that a start without any
 * user prints. The token sits in the fragment, so it never reaches a server log or a Referer.
 */
export function SetupPage() {
  const { lang, t } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '';
  const mutation = useMutation({
    mutationFn: (values: SetupValues) =>
      api.post<{ username: string }>('/api/auth/setup', {
        token,
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
      }),
  });
  const error = mutation.error;
  const errorText = error
    ? error instanceof ApiError
      ? localizedMessage(lang, error)
      : t('app.unexpectedError')
    : null;

  return (
    <AuthCard
      width={420}
      title={t('setup.title')}
      intro={<Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>}
    >
      {!token && <Alert type="warning" showIcon title={t('setup.noToken')} style={{ marginBottom: 16 }} />}
      <AuthError text={errorText} testId="setup-error" />
      {mutation.data ? (
        <Alert
          type="success"
          showIcon
          data-testid="setup-done"
          title={t('setup.done', { username: mutation.data.username })}
          action={
            <Button type="primary" onClick={() => navigate('/login', { replace: true })}>
              {t('setup.toLogin')}
            </Button>
          }
        />
      ) : (
        <Form<SetupValues>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
          disabled={!token}
        >
          <UsernameField testId="setup-username" />
          <Form.Item
            name="displayName"
            label={t('setup.displayName')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input data-testid="setup-display-name" />
          </Form.Item>
          <PasswordField
            testId="setup-password"
            autoComplete="new-password"
            extra={t('setup.passwordHint')}
          />
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="setup-submit"
          >
            {t('setup.submit')}
          </Button>
        </Form>
      )}
    </AuthCard>
  );
}

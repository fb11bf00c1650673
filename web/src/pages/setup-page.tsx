import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api';
import { LangSwitch } from '../components/lang-switch';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';

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
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f0f2f5',
        position: 'relative',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('setup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        {!token && <Alert type="warning" showIcon title={t('setup.noToken')} style={{ marginBottom: 16 }} />}
        {errorText && (
          <Alert
            type="error"
            showIcon
            title={errorText}
            style={{ marginBottom: 16 }}
            data-testid="setup-error"
          />
        )}
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
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="setup-username"
              />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t('setup.displayName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input data-testid="setup-display-name" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              extra={t('setup.passwordHint')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="new-password"
                data-testid="setup-password"
              />
            </Form.Item>
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
      </Card>
    </div>
  );
}

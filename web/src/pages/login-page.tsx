import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api';
import { useAuth } from '../auth-context';
import { LangSwitch } from '../components/lang-switch';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';

interface LoginValues {
  username: string;
  password: string;
}

/** Where the login guard asked to come back to, if it did and it is a path inside the console. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const { from } = state;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from;
  }
  return '/';
}

export function LoginPage() {
  const { user, login } = useAuth();
  const { lang, t } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);

  const mutation = useMutation({
    mutationFn: (values: LoginValues) => login(values.username.trim(), values.password),
    onSuccess: () => navigate(target, { replace: true }),
  });

  // Someone who is already logged in (an open tab, the back button) has nothing to do here.
  if (user && !mutation.isPending) return <Navigate to={target} replace />;

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
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
        {errorText && (
          <Alert
            type="error"
            showIcon
            title={errorText}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

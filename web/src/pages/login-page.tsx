import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
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

  // After too many failures the server says how long to wait (429 + Retry-After): the page counts
  // down and keeps the button off until then, instead of letting each click fail again.
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= waitUntil) setWaitUntil(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [waitUntil]);
  const waitSeconds = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const mutation = useMutation({
    mutationFn: (values: LoginValues) => login(values.username.trim(), values.password),
    onSuccess: () => navigate(target, { replace: true }),
    onError: (e) => {
      if (e instanceof ApiError && e.status === 429 && e.retryAfterSeconds) {
        setNow(Date.now());
        setWaitUntil(Date.now() + e.retryAfterSeconds * 1000);
      }
    },
  });

  // Someone who is already logged in (an open tab, the back button) has nothing to do here.
  if (user && !mutation.isPending) return <Navigate to={target} replace />;

  const error = mutation.error;
  const errorText =
    waitSeconds > 0
      ? t('login.throttled', { seconds: waitSeconds })
      : error
        ? error instanceof ApiError
          ? error.status === 429 && error.retryAfterSeconds
            ? null
            : localizedMessage(lang, error)
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
            data-testid={waitSeconds > 0 ? 'login-wait' : 'login-error'}
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
            disabled={waitSeconds > 0}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

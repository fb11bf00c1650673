import { useMutation } from '@tanstack/react-query';
import { Button, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api';
import { useAuth } from '../auth-context';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';
import { AuthCard, AuthError, PasswordField, UsernameField } from '../shared/auth-form';

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
    <AuthCard
      width={380}
      title={t('app.name')}
      intro={
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
      }
    >
      <AuthError text={errorText} testId={waitSeconds > 0 ? 'login-wait' : 'login-error'} />
      <Form<LoginValues>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values)}
      >
        <UsernameField testId="login-username" />
        <PasswordField testId="login-password" autoComplete="current-password" />
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
    </AuthCard>
  );
}

import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Card, Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LangSwitch } from '../components/lang-switch';
import { useLocale } from '../locale-context';

/**
 * The pieces of the console's forms before a session (the login page and the first administrator's
 * setup page): the centred card with the language switch, and the username and password fields with
 * the login's own words and rules, so the two pages ask for an account the same way.
 */
export function AuthCard({
  width,
  title,
  intro,
  children,
}: {
  width: number;
  title: ReactNode;
  intro: ReactNode;
  children: ReactNode;
}) {
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
      <Card style={{ width }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {title}
        </Typography.Title>
        {intro}
        {children}
      </Card>
    </div>
  );
}

/** A refusal above the form, or nothing. */
export function AuthError({ text, testId }: { text: string | null; testId: string }) {
  if (!text) return null;
  return <Alert type="error" showIcon title={text} style={{ marginBottom: 16 }} data-testid={testId} />;
}

export function UsernameField({ testId }: { testId: string }) {
  const { t } = useLocale();
  return (
    <Form.Item
      name="username"
      label={t('login.username')}
      rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
    >
      <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid={testId} />
    </Form.Item>
  );
}

/** `autoComplete`: `current-password` to log in, `new-password` where the account is made. */
export function PasswordField({
  testId,
  autoComplete,
  extra,
}: {
  testId: string;
  autoComplete: 'current-password' | 'new-password';
  extra?: ReactNode;
}) {
  const { t } = useLocale();
  return (
    <Form.Item
      name="password"
      label={t('login.password')}
      extra={extra}
      rules={[{ required: true, message: t('login.passwordRequired') }]}
    >
      <Input.Password prefix={<LockOutlined />} autoComplete={autoComplete} data-testid={testId} />
    </Form.Item>
  );
}

import { Button, Form } from 'antd-mobile';
import { useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth-context';
import { H5Error } from '../h5/h5-shared';
import { H5Input } from './h5-input';

/**
 * The one phone-sized login form (the leader pages' gate and the leader portal): the platform's
 * login (/api/auth/login) with a username and a password. The pages differ only in their words,
 * test ids and button; `required` is the refusal shown when a field is empty, before any request.
 */
export function H5LoginForm(props: {
  testIdPrefix: string;
  required: { code: string; text: string };
  usernameLabel: string;
  usernamePlaceholder?: string;
  passwordLabel: string;
  submitLabel: string;
  submitColor: 'primary' | 'danger';
  /** The portal's large button, set inside the card's padding. */
  large?: boolean;
}) {
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!username.trim() || !password) {
      const { code, text } = props.required;
      setError(new ApiError(400, { code, message: text, messageZh: text }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const button = (
    <Button
      block
      type="submit"
      color={props.submitColor}
      size={props.large ? 'large' : undefined}
      loading={busy}
      data-testid={`${props.testIdPrefix}-submit`}
    >
      {props.submitLabel}
    </Button>
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Form layout="vertical">
        <Form.Item label={props.usernameLabel}>
          <H5Input
            testId={`${props.testIdPrefix}-username`}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            maxLength={64}
            placeholder={props.usernamePlaceholder}
          />
        </Form.Item>
        <Form.Item label={props.passwordLabel}>
          <H5Input
            testId={`${props.testIdPrefix}-password`}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            maxLength={256}
          />
        </Form.Item>
      </Form>
      {error !== null && <H5Error error={error} />}
      {/* The portal's large button sits inside the card's padding; the gate's spans its card. */}
      {props.large ? <div style={{ padding: '8px 16px 0' }}>{button}</div> : button}
    </form>
  );
}

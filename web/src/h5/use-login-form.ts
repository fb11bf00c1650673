import { useState } from 'react';
import { ApiError } from '../api';
import { useAuth } from '../auth-context';

/**
 * The state and submit of the H5 login forms (the leader pages' gate and the leader portal): the
 * platform login (/api/auth/login); `required` is the message shown when a field is empty.
 */
export function useLoginForm(required: { code: string; text: string }) {
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!username.trim() || !password) {
      setError(new ApiError(400, { code: required.code, message: required.text, messageZh: required.text }));
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

  return { username, setUsername, password, setPassword, error, busy, submit };
}

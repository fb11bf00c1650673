import { useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, Form, NavBar } from 'antd-mobile';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../api';
import { hasPermission, useAuth } from '../auth-context';
import { leaderSelfApi } from '../leader-onboarding-api';
import { useLocale } from '../locale-context';
import { H5Input } from '../shared/h5-input';
import { H5LoginForm } from '../shared/h5-login-form';
import { H5Error, pageStyle } from './h5-shared';
import { Card } from './leader-apply-shared';

/** The leader pages' own login: the platform login (/api/auth/login), phone-sized. */
function LeaderLogin({ title }: { title: string }) {
  const { t } = useLocale();
  return (
    <div style={pageStyle}>
      <NavBar back={null}>{title}</NavBar>
      <Card>
        <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>{t('leaderGate.loginTitle')}</div>
        <div style={{ color: '#666', fontSize: 13 }}>{t('leaderGate.loginHint')}</div>
        <H5LoginForm
          testIdPrefix="leader-login"
          required={{ code: 'login.required', text: t('leaderGate.required') }}
          usernameLabel={t('login.username')}
          passwordLabel={t('login.password')}
          submitLabel={t('login.submit')}
          submitColor="primary"
        />
      </Card>
    </div>
  );
}

/**
 * A leader approved through an application logs in first with the password the reviewer handed
 * over; the server refuses the leader pages until it is replaced, and this form replaces it.
 */
export function ChangeInitialPassword({ title }: { title: string }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (next !== confirm) {
      const text = t('account.passwordsDiffer');
      setError(new ApiError(400, { code: 'password.differ', message: text, messageZh: text }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await leaderSelfApi.changePassword(current, next);
      await queryClient.invalidateQueries({ queryKey: ['leader-self'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={pageStyle} data-testid="leader-change-password">
      <NavBar back={null}>{title}</NavBar>
      <Card>
        <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 8 }}>{t('leaderGate.changeTitle')}</div>
        <div style={{ color: '#666', fontSize: 13 }}>{t('leaderGate.changeHint')}</div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Form layout="vertical">
            <Form.Item label={t('account.currentPassword')}>
              <H5Input
                testId="leader-password-current"
                type="password"
                value={current}
                onChange={setCurrent}
                autoComplete="current-password"
                maxLength={256}
              />
            </Form.Item>
            <Form.Item label={t('users.newPassword')}>
              <H5Input
                testId="leader-password-new"
                type="password"
                value={next}
                onChange={setNext}
                autoComplete="new-password"
                maxLength={256}
              />
            </Form.Item>
            <Form.Item label={t('account.confirmPassword')}>
              <H5Input
                testId="leader-password-confirm"
                type="password"
                value={confirm}
                onChange={setConfirm}
                autoComplete="new-password"
                maxLength={256}
              />
            </Form.Item>
          </Form>
          {error !== null && <H5Error error={error} />}
          <Button block type="submit" color="primary" loading={busy} data-testid="leader-password-submit">
            {t('account.changePassword')}
          </Button>
        </form>
      </Card>
    </div>
  );
}

/** The answer that means "replace the initial password first". */
export function needsNewPassword(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'onboarding.password_change_required';
}

/** The answer that means the session ended: the gate shows the login form again. */
export function isLoggedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Shows its children only to a logged-in leader; everyone else gets the login form or a note. */
export function LeaderGate({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useLocale();
  const { user, logout } = useAuth();
  if (user === undefined) return <div style={{ padding: 24, textAlign: 'center' }}>{t('app.loading')}</div>;
  if (user === null) return <LeaderLogin title={title} />;
  if (!hasPermission(user, 'leader.portal')) {
    return (
      <div style={pageStyle}>
        <ErrorBlock
          status="default"
          title={<span data-testid="leader-not-leader">{t('leaderGate.notLeader')}</span>}
          description=""
        >
          <Button color="primary" onClick={() => void logout()}>
            {t('leaderGate.switch')}
          </Button>
        </ErrorBlock>
      </div>
    );
  }
  return <>{children}</>;
}

/** For a leader page's query error: the session ended, the password must change, or a plain error. */
export function LeaderQueryError({ error, title }: { error: unknown; title: string }) {
  const { t } = useLocale();
  const { retrySession, logout } = useAuth();
  if (needsNewPassword(error)) return <ChangeInitialPassword title={title} />;
  if (isLoggedOut(error)) {
    retrySession();
    return <div style={{ padding: 24, textAlign: 'center' }}>{t('app.loading')}</div>;
  }
  return (
    <div style={pageStyle}>
      <NavBar back={null}>{title}</NavBar>
      <H5Error error={error} />
      {error instanceof ApiError && error.code === 'onboarding.not_a_leader' && (
        <div style={{ padding: 16 }}>
          <Button block onClick={() => void logout()}>
            {t('leaderGate.switch')}
          </Button>
        </div>
      )}
    </div>
  );
}

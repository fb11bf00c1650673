import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ApiError } from '../api';
import { useAuth } from '../auth-context';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';

/** The login guard: renders the console only for a logged-in user and sends everyone else to /login. */
export function RequireAuth() {
  const { user, sessionError, loggedOut, retrySession } = useAuth();
  const { lang, t } = useLocale();
  const location = useLocation();

  if (user) return <Outlet />;
  if (user === null) {
    // After a session expires the user is brought back to where they were once they log in again.
    const state = loggedOut ? undefined : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (sessionError) {
    // The server could not be asked (down, restarting); sending the user to /login would hide that.
    const detail =
      sessionError instanceof ApiError ? localizedMessage(lang, sessionError) : t('app.unexpectedError');
    return (
      <Result
        status="error"
        title={detail}
        extra={
          <Button type="primary" onClick={retrySession}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <Spin size="large" fullscreen description={t('app.loading')} />;
}

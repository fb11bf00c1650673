import { Button, Form } from 'antd-mobile';
import { useLocale } from '../../locale-context';
import { H5Error, pageStyle } from '../h5-shared';
import { useLoginForm } from '../use-login-form';
import { LangSwitch, PortalInput } from './portal-shared';

/**
 * The leader's login (团长登录): the platform's own login (/api/auth/login). A leader's account name
 * is usually their phone number, so the field takes either.
 */
export function PortalLogin() {
  const { t } = useLocale();
  const { username, setUsername, password, setPassword, error, busy, submit } = useLoginForm({
    code: 'portal.login',
    text: t('portal.login.required'),
  });

  return (
    <div style={{ ...pageStyle, background: 'linear-gradient(180deg, #ff7a45 0, #fff3ee 280px)' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 8 }}>
        <LangSwitch />
      </div>
      <div style={{ textAlign: 'center', color: '#fff', padding: '24px 16px 32px' }}>
        <div style={{ fontSize: 26, fontWeight: 700 }}>{t('portal.login.title')}</div>
        <div style={{ marginTop: 8, opacity: 0.9 }}>{t('portal.login.subtitle')}</div>
      </div>
      <div style={{ margin: '0 16px', background: '#fff', borderRadius: 12, padding: '8px 0 16px' }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Form layout="vertical">
            <Form.Item label={t('portal.login.username')}>
              <PortalInput
                testId="portal-login-username"
                value={username}
                onChange={setUsername}
                autoComplete="username"
                maxLength={64}
                placeholder={t('portal.login.usernameHint')}
              />
            </Form.Item>
            <Form.Item label={t('portal.login.password')}>
              <PortalInput
                testId="portal-login-password"
                type="password"
                value={password}
                onChange={setPassword}
                autoComplete="current-password"
                maxLength={256}
              />
            </Form.Item>
          </Form>
          {error !== null && <H5Error error={error} />}
          <div style={{ padding: '8px 16px 0' }}>
            <Button
              block
              type="submit"
              color="danger"
              size="large"
              loading={busy}
              data-testid="portal-login-submit"
            >
              {t('portal.login.submit')}
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}

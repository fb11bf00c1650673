import { useLocale } from '../../locale-context';
import { H5LoginForm } from '../../shared/h5-login-form';
import { pageStyle } from '../h5-shared';
import { LangSwitch } from './portal-shared';

/**
 * The leader's login (团长登录): the platform's own login (/api/auth/login). A leader's account name
 * is usually their phone number, so the field takes either.
 */
export function PortalLogin() {
  const { t } = useLocale();

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
        <H5LoginForm
          testIdPrefix="portal-login"
          required={{ code: 'portal.login', text: t('portal.login.required') }}
          usernameLabel={t('portal.login.username')}
          usernamePlaceholder={t('portal.login.usernameHint')}
          passwordLabel={t('portal.login.password')}
          submitLabel={t('portal.login.submit')}
          submitColor="danger"
          large
        />
      </div>
    </div>
  );
}

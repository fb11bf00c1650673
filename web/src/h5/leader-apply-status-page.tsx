import { useQuery } from '@tanstack/react-query';
import { Button, List, NavBar, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../format';
import { applyApi } from '../leader-onboarding-api';
import { useLocale } from '../locale-context';
import { H5Error, pageStyle } from './h5-shared';
import { Card, loadLocalApplications, statusPath } from './leader-apply-shared';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function StatusView({ token }: { token: string }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const status = useQuery({
    queryKey: ['apply', 'status', token],
    queryFn: () => applyApi.status(token),
    retry: false,
  });
  if (status.isPending) return <div style={{ padding: 24, textAlign: 'center' }}>{t('app.loading')}</div>;
  if (status.isError) return <H5Error error={status.error} />;
  const s = status.data;
  const link = `${window.location.origin}${statusPath(token)}`;
  return (
    <>
      {s.status === 'pending' && (
        <Result
          status="waiting"
          title={t('applyStatus.pending')}
          description={t('applyStatus.pendingHint')}
        />
      )}
      {s.status === 'approved' && (
        <Result
          status="success"
          title={t('applyStatus.approved')}
          description={t('applyStatus.approvedHint', { username: s.username ?? '' })}
        />
      )}
      {s.status === 'rejected' && (
        <Result
          status="error"
          title={t('applyStatus.rejected')}
          description={t('applyStatus.rejectedReason', { reason: s.rejectReason ?? '' })}
        />
      )}
      <div data-testid="apply-status" data-status={s.status} />
      <List>
        <List.Item extra={<span data-testid="apply-status-no">{s.applicationNo}</span>}>
          {t('applyStatus.applicationNo')}
        </List.Item>
        <List.Item extra={s.name}>{t('apply.name')}</List.Item>
        <List.Item extra={s.phoneMasked}>{t('apply.phone')}</List.Item>
        <List.Item extra={s.regionName ?? '—'}>{t('apply.region')}</List.Item>
        <List.Item extra={s.pickupPointName}>{t('apply.ppName')}</List.Item>
        <List.Item extra={formatDateTime(s.submittedAt)}>{t('applyStatus.submittedAt')}</List.Item>
        {s.decidedAt && (
          <List.Item extra={formatDateTime(s.decidedAt)}>{t('applyStatus.decidedAt')}</List.Item>
        )}
        {s.username && (
          <List.Item extra={<span data-testid="apply-status-username">{s.username}</span>}>
            {t('applyStatus.username')}
          </List.Item>
        )}
        {s.leaderCode && <List.Item extra={s.leaderCode}>{t('applyStatus.leaderCode')}</List.Item>}
      </List>
      <Card>
        <div style={{ fontSize: 13, color: '#666' }}>{t('applyStatus.keepLink')}</div>
        <div
          style={{ wordBreak: 'break-all', fontSize: 12, margin: '8px 0' }}
          data-testid="apply-status-link"
        >
          {link}
        </div>
        <Button
          size="small"
          onClick={() =>
            void copy(link).then((ok) =>
              Toast.show({ content: t(ok ? 'applyStatus.copied' : 'applyStatus.copyFailed') }),
            )
          }
        >
          {t('applyStatus.copy')}
        </Button>
      </Card>
      <div style={{ padding: 16 }}>
        {s.status === 'approved' && (
          <Button
            block
            color="primary"
            onClick={() => navigate('/h5/leader/agreement')}
            data-testid="apply-go-sign"
          >
            {t('applyStatus.goSign')}
          </Button>
        )}
        {s.status === 'rejected' && (
          <Button block color="primary" onClick={() => navigate('/h5/apply')}>
            {t('applyStatus.applyAgain')}
          </Button>
        )}
      </div>
    </>
  );
}

/**
 * `/h5/apply/status#TOKEN`: the applicant's view of their application. The token sits in the URL
 * fragment, which browsers never send to a server, so it stays out of access logs and Referer
 * headers; the page posts it to the API. Without a token, the applications this device made.
 */
export function LeaderApplyStatusPage() {
  const { t } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const token = location.hash.replace(/^#/, '');
  const [local] = useState(loadLocalApplications);
  return (
    <div style={pageStyle} data-testid="apply-status-page">
      <NavBar onBack={() => navigate('/h5/apply')}>{t('applyStatus.title')}</NavBar>
      {token ? (
        <StatusView key={token} token={token} />
      ) : (
        <List header={t('applyStatus.onThisDevice')}>
          {local.length === 0 && <List.Item>{t('applyStatus.none')}</List.Item>}
          {local.map((a) => (
            <List.Item
              key={a.token}
              clickable
              onClick={() => navigate(statusPath(a.token))}
              description={formatDateTime(a.at)}
            >
              {a.applicationNo}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

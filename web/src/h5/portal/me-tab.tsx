import { useQuery } from '@tanstack/react-query';
import { Button, Dialog, Form, List, ProgressBar, Tag, Toast } from 'antd-mobile';
import QRCode from 'qrcode';
import { useState } from 'react';
import { ApiError } from '../../api';
import { useAuth } from '../../auth-context';
import { useLocale } from '../../locale-context';
import { H5Input } from '../../shared/h5-input';
import { H5Error } from '../h5-shared';
import {
  absoluteUrl,
  type KeepProgress,
  type LevelRef,
  type PortalMe,
  portalApi,
  type RuleProgress,
} from './portal-api';
import { copyText, Section } from './portal-shared';

function InviteSection({ me }: { me: PortalMe }) {
  const { t } = useLocale();
  const link = absoluteUrl(me.invitePath);
  const qr = useQuery({
    queryKey: ['portal', 'invite-qr', link],
    queryFn: () => QRCode.toDataURL(link, { width: 240, margin: 2, errorCorrectionLevel: 'M' }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  async function copy() {
    const ok = await copyText(link);
    Toast.show({ content: ok ? t('portal.me.inviteCopied') : t('portal.campaigns.copyFailed') });
  }
  return (
    <Section title={t('portal.me.invite')}>
      <div style={{ color: '#666', fontSize: 12 }}>{t('portal.me.inviteHint')}</div>
      {qr.data && (
        <div style={{ textAlign: 'center', margin: '8px 0' }}>
          <img src={qr.data} alt="QR" width={180} height={180} data-testid="portal-invite-qr" />
        </div>
      )}
      <div
        data-testid="portal-invite-link"
        style={{
          fontSize: 12,
          color: '#1677ff',
          wordBreak: 'break-all',
          background: '#f5f7fa',
          padding: 6,
          borderRadius: 6,
        }}
      >
        {link}
      </div>
      <Button
        block
        size="small"
        style={{ marginTop: 8 }}
        data-testid="portal-invite-copy"
        onClick={() => void copy()}
      >
        {t('portal.me.copyInvite')}
      </Button>
    </Section>
  );
}

/** The lines of a measured rule: groups as headings, conditions with the figure so far and a bar. */
function RuleLines({ rule, testId }: { rule: RuleProgress; testId: string }) {
  const { lang } = useLocale();
  return (
    <div data-testid={testId}>
      {rule.lines.map((l, i) => (
        <div
          // Lines have no id; their order is the rule's and never changes while shown.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          style={{ marginLeft: l.depth * 12, marginBottom: 6, fontSize: 13 }}
          data-testid={l.kind === 'condition' ? `${testId}-${l.metric ?? 'condition'}` : undefined}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ color: l.kind === 'condition' ? '#333' : '#999' }}>
              {l.text[lang]} {l.held && <span style={{ color: '#00b578' }}>✓</span>}
            </span>
            {l.kind === 'condition' && l.actualText !== undefined && (
              <span style={{ color: l.held ? '#00b578' : '#ff3141', whiteSpace: 'nowrap' }}>
                {l.actualText}
              </span>
            )}
          </div>
          {l.kind === 'condition' && l.target !== undefined && l.actual !== undefined && l.target > 0 && (
            <ProgressBar
              percent={Math.min(100, (l.actual / l.target) * 100)}
              style={{ '--fill-color': l.held ? '#00b578' : '#ff7a45' }}
            />
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * 保级: plainly whether the figures so far keep the level and, if not, how much more each needs. The
 * downgrade rule is shown below as what it is, the condition for dropping (降级条件), never with a
 * tick that could read as "met".
 */
function KeepLevel({ keep }: { keep: KeepProgress }) {
  const { t, lang } = useLocale();
  return (
    <div style={{ marginTop: 10 }} data-testid="portal-level-keep">
      <div style={{ color: '#666', marginBottom: 4 }}>{t('portal.me.keepLevel')}</div>
      {keep.onTrack ? (
        <div style={{ color: '#00b578', fontWeight: 600 }} data-testid="portal-level-keep-ok">
          ✓ {t('portal.me.keepOnTrack')}
        </div>
      ) : (
        <div data-testid="portal-level-keep-short">
          <div style={{ color: '#ff3141', fontWeight: 600, marginBottom: 4 }}>
            ⚠ {t('portal.me.keepAtRisk')}
          </div>
          {keep.missing.map((m) => (
            <div
              key={`${m.metric}-${m.label.en}`}
              style={{ fontSize: 13, marginBottom: 4 }}
              data-testid={`portal-level-keep-${m.metric}`}
            >
              {t(m.direction === 'atLeast' ? 'portal.me.keepNeedMore' : 'portal.me.keepNeedLess', {
                what: m.label[lang],
                short: m.shortText,
                have: m.haveText,
                need: m.needText,
              })}
              {m.direction === 'atLeast' && m.need > 0 && (
                <ProgressBar
                  percent={Math.min(100, (m.have / m.need) * 100)}
                  style={{ '--fill-color': '#ff7a45' }}
                />
              )}
            </div>
          ))}
        </div>
      )}
      <div style={{ color: '#999', fontSize: 12, marginTop: 6 }} data-testid="portal-level-drop-rule">
        {t('portal.me.dropRule', { rule: keep.dropRule.text[lang] })}
      </div>
    </div>
  );
}

function LevelSection() {
  const { t, lang } = useLocale();
  const query = useQuery({ queryKey: ['portal', 'level'], queryFn: portalApi.level });
  const name = (l: LevelRef | null) => (l ? (lang === 'zh' ? l.nameZh : l.nameEn) : '—');
  return (
    <Section title={t('portal.me.level')}>
      {query.isPending ? null : query.isError ? (
        <H5Error error={query.error} />
      ) : (
        <div data-testid="portal-level">
          <div style={{ fontSize: 18, fontWeight: 700 }} data-testid="portal-level-current">
            {name(query.data.current)}
          </div>
          {query.data.next === null ? (
            <div style={{ color: '#999', marginTop: 4 }}>{t('portal.me.levelTop')}</div>
          ) : (
            <>
              <div style={{ color: '#666', margin: '6px 0' }} data-testid="portal-level-next">
                {t('portal.me.nextLevel', { name: name(query.data.next) })} ·{' '}
                {t('portal.me.period', { start: query.data.period.start, end: query.data.period.end })}
              </div>
              {query.data.upgrade ? (
                <RuleLines rule={query.data.upgrade} testId="portal-level-up" />
              ) : (
                <div style={{ color: '#999' }}>{t('portal.me.byOperator')}</div>
              )}
            </>
          )}
          {query.data.keep && <KeepLevel keep={query.data.keep} />}
        </div>
      )}
    </Section>
  );
}

/** Change password; `onDone` runs after the server accepted the new one. */
export function PasswordSection({ onDone }: { onDone?: () => void }) {
  const { t } = useLocale();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const local = (m: string) => new ApiError(400, { code: 'portal.password', message: m, messageZh: m });
  async function submit() {
    setError(null);
    if ([...next].length < 10) return setError(local(t('portal.me.passwordShort')));
    if (next !== again) return setError(local(t('portal.me.passwordsDiffer')));
    setBusy(true);
    try {
      await portalApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      Toast.show({ icon: 'success', content: t('portal.me.passwordChanged') });
      onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title={t('portal.me.changePassword')}>
      <Form layout="vertical">
        <Form.Item label={t('portal.me.currentPassword')}>
          <H5Input
            testId="portal-pw-current"
            type="password"
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
          />
        </Form.Item>
        <Form.Item label={t('portal.me.newPassword')}>
          <H5Input
            testId="portal-pw-new"
            type="password"
            value={next}
            onChange={setNext}
            autoComplete="new-password"
          />
        </Form.Item>
        <Form.Item label={t('portal.me.confirmPassword')}>
          <H5Input
            testId="portal-pw-again"
            type="password"
            value={again}
            onChange={setAgain}
            autoComplete="new-password"
          />
        </Form.Item>
      </Form>
      {error !== null && <H5Error error={error} />}
      <Button
        block
        size="small"
        color="primary"
        loading={busy}
        data-testid="portal-pw-submit"
        onClick={() => void submit()}
      >
        {t('portal.me.changePassword')}
      </Button>
    </Section>
  );
}

/** 我的: profile, pickup points, the invite link and QR, level progress, password, log out. */
export function MeTab({ me }: { me: PortalMe }) {
  const { t } = useLocale();
  const { logout } = useAuth();
  return (
    <div>
      <div
        style={{
          background: 'linear-gradient(135deg, #ff7a45, #e8432f)',
          color: '#fff',
          padding: '20px 16px',
        }}
      >
        <div style={{ fontSize: 20, fontWeight: 700 }} data-testid="portal-me-name">
          {me.name}
        </div>
        <div style={{ marginTop: 6, opacity: 0.9 }}>
          {t('portal.me.code')}: <b data-testid="portal-me-code">{me.code}</b> · {me.regionName} ·{' '}
          {me.phoneMasked}
        </div>
        {me.status !== 'active' && (
          <div style={{ marginTop: 6, background: 'rgba(0,0,0,.2)', padding: 6, borderRadius: 6 }}>
            {t('portal.me.suspended')}
          </div>
        )}
      </div>
      <LevelSection />
      <Section title={t('portal.me.pickupPoints')}>
        <List>
          {me.pickupPoints.map((p) => (
            <List.Item key={p.id} description={`${p.address}${p.openingHours ? ` · ${p.openingHours}` : ''}`}>
              {p.name} {p.status !== 'active' && <Tag>{t('portal.me.closed')}</Tag>}
            </List.Item>
          ))}
        </List>
      </Section>
      <InviteSection me={me} />
      <PasswordSection />
      <div style={{ padding: 16 }}>
        <Button
          block
          color="danger"
          fill="outline"
          data-testid="portal-logout"
          onClick={async () => {
            if (await Dialog.confirm({ content: t('portal.me.logoutConfirm') })) await logout();
          }}
        >
          {t('portal.me.logout')}
        </Button>
      </div>
    </div>
  );
}

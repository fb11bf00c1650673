import { Button, DotLoading, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { leaderPortalMessages } from '../../messages/leader-portal';
import { H5Error } from '../h5-shared';

/** Copies text to the clipboard; falls back to a hidden text area where the Clipboard API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the old way, which some in-app browsers still need.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function statusLabelKey(status: string): MessageKey {
  const key = `portal.status.${status}`;
  return Object.hasOwn(leaderPortalMessages, key)
    ? (key as keyof typeof leaderPortalMessages)
    : 'portal.status.pending_payment';
}

const STATUS_COLOR: Record<string, string> = {
  pending_payment: 'warning',
  on_hold: 'warning',
  delivered: 'danger',
  picked_up: 'success',
  completed: 'success',
  cancelled: 'default',
  refunded: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useLocale();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'primary'} fill="outline">
      {t(statusLabelKey(status))}
    </Tag>
  );
}

/** The zh / en switch in the top bar. */
export function LangSwitch() {
  const { lang, setLang, t } = useLocale();
  return (
    <Button
      size="mini"
      fill="none"
      data-testid="portal-lang"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('portal.switchLang')}
    </Button>
  );
}

export function Loading() {
  return (
    <div style={{ textAlign: 'center', padding: 48 }}>
      <DotLoading />
    </div>
  );
}

/** A failed query with a retry button. */
export function Failed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useLocale();
  return (
    <div style={{ padding: 16, textAlign: 'center' }}>
      <H5Error error={error} />
      <Button size="small" onClick={onRetry} style={{ marginTop: 8 }}>
        {t('portal.retry')}
      </Button>
    </div>
  );
}

export function Section({
  title,
  children,
  extra,
}: {
  title: ReactNode;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div style={{ background: '#fff', margin: '8px 0', padding: '12px 16px' }}>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}
      >
        <span style={{ fontWeight: 600, fontSize: 15 }}>{title}</span>
        {extra}
      </div>
      {children}
    </div>
  );
}

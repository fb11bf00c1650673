import { ErrorBlock } from 'antd-mobile';
import type { CSSProperties, ReactNode } from 'react';
import { ApiError } from '../api';
import { localizedMessage, type MessageKey } from '../i18n';
import { useLocale } from '../locale-context';
import { storefrontMessages } from '../messages/storefront';

/** The status of an order in the customer's words. */
export function statusKey(status: string): MessageKey {
  const key = `h5.status.${status}`;
  return Object.hasOwn(storefrontMessages, key)
    ? (key as keyof typeof storefrontMessages)
    : 'h5.status.pending_payment';
}

/** A server refusal (or a network failure) in the reader's language. */
export function useErrorText(): (error: unknown) => string {
  const { lang, t } = useLocale();
  return (error) => {
    if (!(error instanceof ApiError)) return t('app.unexpectedError');
    // A throttled try (429 with Retry-After) says when to come back in words a customer reads,
    // "30 分钟后", rather than the server's count of seconds.
    const wait = error.status === 429 ? error.retryAfterSeconds : undefined;
    if (wait !== undefined && wait >= 60)
      return t('app.tooManyTriesMinutes', { minutes: Math.ceil(wait / 60) });
    if (wait !== undefined) return t('app.tooManyTriesSeconds', { seconds: wait });
    return localizedMessage(lang, error);
  };
}

export const pageStyle: CSSProperties = {
  maxWidth: 480,
  margin: '0 auto',
  minHeight: '100vh',
  background: '#f5f5f5',
  paddingBottom: 80,
};

export function H5Error({ error }: { error: unknown }) {
  const text = useErrorText();
  return (
    <div data-testid="h5-error" style={{ color: '#ff3141', padding: '8px 12px' }}>
      {text(error)}
    </div>
  );
}

export function H5ErrorPage({ error, extra }: { error: unknown; extra?: ReactNode }) {
  const text = useErrorText();
  return (
    <div style={pageStyle}>
      <ErrorBlock status="default" title={<span data-testid="h5-error">{text(error)}</span>} description="">
        {extra}
      </ErrorBlock>
    </div>
  );
}

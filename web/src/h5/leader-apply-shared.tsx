import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';

/** The message of a server refusal, shown under the field it names (or at the form's foot). */
export function FieldError({ error, field, testId }: { error: unknown; field: string; testId?: string }) {
  const { lang } = useLocale();
  if (!(error instanceof ApiError) || error.field !== field) return null;
  return (
    <div
      data-testid={testId ?? `field-error-${field}`}
      style={{ color: '#ff3141', fontSize: 13, marginTop: 4 }}
    >
      {localizedMessage(lang, error)}
    </div>
  );
}

export function Card({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ background: '#fff', margin: 12, borderRadius: 12, padding: 16 }}>
      {children}
    </div>
  );
}

/**
 * Applications this device submitted, with their status tokens, so an applicant who closed the page
 * still finds their status. Kept only on the device that applied.
 */
export interface LocalApplication {
  applicationNo: string;
  token: string;
  at: string;
}

const KEY = 'tuanflow.h5.leader-applications';

export function loadLocalApplications(): LocalApplication[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is LocalApplication =>
        typeof v === 'object' &&
        v !== null &&
        typeof v.token === 'string' &&
        typeof v.applicationNo === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberApplication(a: LocalApplication): void {
  try {
    const list = [a, ...loadLocalApplications().filter((x) => x.token !== a.token)].slice(0, 10);
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // A browser without storage still has the link on screen.
  }
}

export function statusPath(token: string): string {
  return `/h5/apply/status#${token}`;
}

import { Alert } from 'antd';
import { ApiError } from '../api';
import { localizedMessage } from '../i18n';
import { useLocale } from '../locale-context';

/** A failed load, said in the reader's language, above the (empty or stale) table it concerns. */
export function QueryError({ error }: { error: Error | null }) {
  const { lang, t } = useLocale();
  if (!error) return null;
  const text = error instanceof ApiError ? localizedMessage(lang, error) : t('app.unexpectedError');
  return <Alert type="error" showIcon title={text} style={{ marginBottom: 16 }} />;
}

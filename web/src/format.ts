import dayjs from 'dayjs';

/** One numeric, local-time format for every timestamp, readable in both languages and sortable by eye. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}

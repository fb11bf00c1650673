import dayjs, { type Dayjs } from 'dayjs';

/** One numeric, local-time format for every timestamp, readable in both languages and sortable by eye. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/**
 * Today's business day (Asia/Shanghai, where the company's days, settlements and statements are
 * counted) as a date-only dayjs, whatever the browser's own time zone: near midnight UTC the two
 * name different days.
 */
export function businessToday(): Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
}

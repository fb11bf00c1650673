import { Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useLocale } from '../../locale-context';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Counts down to `target` on the server's clock: `serverNow` is the server's time when the page
 * loaded, so a browser whose clock is off still shows when the server will stop taking orders.
 */
export function Countdown({
  target,
  serverNow,
  title,
  testId,
}: {
  target: string;
  serverNow: string;
  title: string;
  testId: string;
}) {
  const { t } = useLocale();
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [offset]);
  const left = Math.max(0, Math.floor((Date.parse(target) - now) / 1000));
  const days = Math.floor(left / 86_400);
  const time = `${pad(Math.floor((left % 86_400) / 3600))}:${pad(Math.floor((left % 3600) / 60))}:${pad(left % 60)}`;
  const text = days > 0 ? t('campaigns.countdownDays', { days, time }) : time;
  return <Statistic title={title} value={text} data-testid={testId} />;
}

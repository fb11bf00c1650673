/**
 * How many applications one phone and one client address may file (团长申请频率). Only accepted
 * applications count: a form refused for a typo costs the applicant nothing, and a shared Wi-Fi (a
 * community centre, an office) where many real applicants sit behind one address gets a much higher
 * allowance than one phone, which a person only needs again after a rejection.
 */
export interface ApplicationQuota {
  /** Accepted applications allowed inside the window. */
  max: number;
  windowMs: number;
}

export const APPLICATION_QUOTAS = {
  /** One phone: a first application and two more after rejections, per day. */
  phone: { max: 3, windowMs: 24 * 3_600_000 },
  /** One address: a room full of applicants within the hour. */
  address: { max: 30, windowMs: 3_600_000 },
} as const satisfies Record<string, ApplicationQuota>;

/**
 * Milliseconds until one more application is allowed, given the times of the accepted ones inside
 * the window (any order); 0 when it is allowed now. The wait ends when enough of the oldest have left
 * the window to make room.
 */
export function applicationQuotaWait(
  acceptedAt: readonly Date[],
  quota: ApplicationQuota,
  now: Date,
): number {
  const from = now.getTime() - quota.windowMs;
  const inWindow = acceptedAt
    .map((d) => d.getTime())
    .filter((t) => t > from)
    .sort((a, b) => a - b);
  if (inWindow.length < quota.max) return 0;
  // The one that must leave the window for the count to drop below max.
  const leaving = inWindow[inWindow.length - quota.max] as number;
  return Math.max(1, leaving + quota.windowMs - now.getTime());
}

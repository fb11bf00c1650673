/**
 * Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s ... capped at one hour, so a
 * subscriber that is down for a while is retried often at first and then without flooding the logs.
 */
export function retryDelayMs(attempt: number): number {
  const base = 1000 * 2 ** Math.max(0, attempt - 1);
  return Math.min(base, 3_600_000);
}

/** After this many failed attempts a delivery is marked dead and waits for an operator. */
export const MAX_ATTEMPTS = 12;

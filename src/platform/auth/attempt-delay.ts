/**
 * How long a throttled key waits. The first `freeFailures` failures cost nothing, so a person who
 * mistypes a few times never notices; each failure after them doubles the wait, starting at
 * `baseDelayMs`, up to `maxDelayMs`. A guesser's rate falls off exponentially while a person who
 * remembers the right password is never kept out for long.
 */
export interface ThrottlePolicy {
  /** Failures that cost no wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait, however many failures. */
  maxDelayMs: number;
  /** A key whose last failure is older than this starts counting from zero again. */
  forgetAfterMs: number;
}

/** The wait in milliseconds imposed by the `failures`-th failure in a row (1-based). */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  const past = failures - policy.freeFailures;
  if (past <= 0) return 0;
  // 2 ** 60 already exceeds any sensible cap; stopping there keeps the arithmetic finite.
  const doubled = policy.baseDelayMs * 2 ** Math.min(past - 1, 60);
  return Math.min(doubled, policy.maxDelayMs);
}

/** Whole seconds for a Retry-After header and a message: never 0 while a wait remains. */
export function retryAfterSeconds(waitMs: number): number {
  return waitMs <= 0 ? 0 : Math.ceil(waitMs / 1000);
}

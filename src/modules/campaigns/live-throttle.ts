/**
 * The throttle of the live stream, as plain decisions on an injected time: at most one value per
 * key per `intervalMs`. A value offered too soon waits; a newer one offered while it waits replaces
 * it (coalescing), so the last value always goes out, at the end of the interval.
 */
export class LiveThrottle<K, V> {
  private readonly lastSentAt = new Map<K, number>();
  private readonly pending = new Map<K, V>();

  constructor(private readonly intervalMs = 250) {}

  /** `send`: emit `value` now (it is recorded as sent); `wait`: it is held, ask `takeDue` later. */
  offer(key: K, value: V, now: number): 'send' | 'wait' {
    const last = this.lastSentAt.get(key);
    if (!this.pending.has(key) && (last === undefined || now - last >= this.intervalMs)) {
      this.lastSentAt.set(key, now);
      return 'send';
    }
    this.pending.set(key, value);
    return 'wait';
  }

  /** The held values whose interval has passed by `now`, recorded as sent. */
  takeDue(now: number): Array<[K, V]> {
    const due: Array<[K, V]> = [];
    for (const [key, value] of this.pending) {
      const last = this.lastSentAt.get(key) ?? Number.NEGATIVE_INFINITY;
      if (now - last >= this.intervalMs) {
        due.push([key, value]);
        this.lastSentAt.set(key, now);
        this.pending.delete(key);
      }
    }
    return due;
  }

  /** Milliseconds until the next held value is due, or null when nothing is held. */
  nextDueIn(now: number): number | null {
    let next: number | null = null;
    for (const key of this.pending.keys()) {
      const last = this.lastSentAt.get(key) ?? Number.NEGATIVE_INFINITY;
      const wait = Math.max(0, last + this.intervalMs - now);
      next = next === null ? wait : Math.min(next, wait);
    }
    return next;
  }

  /** Forgets a key (its item left the campaign). */
  forget(key: K): void {
    this.lastSentAt.delete(key);
    this.pending.delete(key);
  }
}

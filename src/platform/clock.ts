/** Time is read through a clock value so tests can set it instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that can be sent to another moment and brought back: the demo replays the weeks before
 * today through the real use-cases, each step at the moment it stands for (src/demo/history.seed.ts).
 * Everything that reads the clock (use-cases, subscribers, the outbox) must hold this same object.
 */
export interface SteerableClock extends Clock {
  /** Reads `to` from now on; `null` goes back to the clock's own time. */
  travel(to: Date | null): void;
}

export function isSteerable(clock: Clock): clock is SteerableClock {
  return typeof (clock as Partial<SteerableClock>).travel === 'function';
}

/** The system's time, until it is sent elsewhere: what `npm start` runs on. */
export class SystemSteerableClock implements SteerableClock {
  private at: number | null = null;
  now(): Date {
    return this.at === null ? new Date() : new Date(this.at);
  }
  travel(to: Date | null): void {
    this.at = to === null ? null : to.getTime();
  }
}

/** A clock that only moves when told to; for tests of expiry, lockout and backoff. */
export class ManualClock implements SteerableClock {
  private ms: number;
  /** The time before the first travel, which `travel(null)` returns to. */
  private home: number | null = null;
  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }
  travel(to: Date | null): void {
    if (to === null) {
      if (this.home !== null) this.ms = this.home;
      this.home = null;
      return;
    }
    if (this.home === null) this.home = this.ms;
    this.ms = to.getTime();
  }
}

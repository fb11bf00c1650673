import { describe, expect, it } from 'vitest';
import { DbHealth, isConnectionError, LogThrottle, reconnectDelayMs } from './db-health.js';

describe('reconnectDelayMs', () => {
  const noJitter = { random: () => 0 };

  it('retries at once the first time, then doubles from the base up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((a) => reconnectDelayMs(a, noJitter));
    expect(delays).toEqual([0, 200, 400, 800, 1600, 3000, 3000, 3000]);
  });

  it('takes its base and cap from the caller', () => {
    expect([2, 3, 4, 5].map((a) => reconnectDelayMs(a, { baseMs: 50, capMs: 150, ...noJitter }))).toEqual([
      50, 100, 150, 150,
    ]);
  });

  it('shortens a wait by at most a quarter, never lengthens it, and never overflows', () => {
    expect(reconnectDelayMs(6, { random: () => 0.999_999 })).toBe(2250);
    expect(reconnectDelayMs(6, { random: () => 0.5 })).toBe(2625);
    expect(reconnectDelayMs(10_000, noJitter)).toBe(3000);
  });
});

describe('isConnectionError', () => {
  const withCode = (code: string, extra: object = {}) => Object.assign(new Error('x'), { code, ...extra });

  it('knows the SQLSTATEs of a lost or refused connection, also wrapped as a cause', () => {
    expect(isConnectionError(withCode('57P01'))).toBe(true);
    expect(isConnectionError(withCode('57P03'))).toBe(true);
    expect(isConnectionError(withCode('08006'))).toBe(true);
    expect(isConnectionError(new Error('Failed query', { cause: withCode('57P02') }))).toBe(true);
  });

  it('knows the socket errors and node-postgres messages of a server that is away', () => {
    expect(isConnectionError(withCode('ECONNREFUSED'))).toBe(true);
    expect(isConnectionError(withCode('ENOENT', { syscall: 'connect' }))).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isConnectionError(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
    expect(isConnectionError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isConnectionError(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('does not excuse a wrong statement, a constraint, or a missing file', () => {
    expect(isConnectionError(withCode('23505'))).toBe(false);
    expect(isConnectionError(withCode('42P01'))).toBe(false);
    expect(isConnectionError(withCode('ENOENT', { syscall: 'open' }))).toBe(false);
    expect(isConnectionError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe('DbHealth', () => {
  it('is ready until a source reports down, and again once every source that did is back', () => {
    let t = 0;
    const health = new DbHealth(() => new Date(t));
    expect(health.ready).toBe(true);
    t = 1000;
    expect(health.reportDown('outbox-listener', new Error('ECONNREFUSED'))).toBe(true);
    // The same outage reported again is not news (the caller logs the first only).
    expect(health.reportDown('outbox-listener', new Error('ECONNREFUSED'))).toBe(false);
    t = 2000;
    health.reportDown('other', 'gone');
    expect(health.ready).toBe(false);
    expect(health.downSources().map((s) => [s.source, s.since.getTime(), s.cause])).toEqual([
      ['outbox-listener', 1000, 'ECONNREFUSED'],
      ['other', 2000, 'gone'],
    ]);
    expect(health.reportUp('outbox-listener')?.since.getTime()).toBe(1000);
    expect(health.ready).toBe(false);
    expect(health.reportUp('other')).toBeDefined();
    expect(health.ready).toBe(true);
    // Up without having been down: nothing to tell.
    expect(health.reportUp('other')).toBeUndefined();
  });
});

describe('LogThrottle', () => {
  it('lets one message through per period and counts the ones held back', () => {
    let t = 0;
    const throttle = new LogThrottle(10_000, () => t);
    expect(throttle.pass()).toEqual({ suppressed: 0 });
    t = 3000;
    expect(throttle.pass()).toBeNull();
    t = 9999;
    expect(throttle.pass()).toBeNull();
    t = 10_000;
    expect(throttle.pass()).toEqual({ suppressed: 2 });
    t = 10_001;
    expect(throttle.pass()).toBeNull();
  });
});

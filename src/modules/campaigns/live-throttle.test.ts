import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveThrottle } from './live-throttle.js';

describe('LiveThrottle', () => {
  it('sends the first value at once and holds one offered within the interval', () => {
    const t = new LiveThrottle<string, number>(250);
    expect(t.offer('a', 1, 1000)).toBe('send');
    expect(t.offer('a', 2, 1100)).toBe('wait');
    expect(t.nextDueIn(1100)).toBe(150);
    expect(t.takeDue(1200)).toEqual([]);
    expect(t.takeDue(1250)).toEqual([['a', 2]]);
    expect(t.nextDueIn(1250)).toBeNull();
  });

  it('coalesces values within the interval: only the last one goes out', () => {
    const t = new LiveThrottle<string, number>(250);
    t.offer('a', 1, 0);
    for (let v = 2; v <= 10; v += 1) expect(t.offer('a', v, v * 10)).toBe('wait');
    expect(t.takeDue(250)).toEqual([['a', 10]]);
    expect(t.takeDue(1000)).toEqual([]);
  });

  it('keeps keys apart', () => {
    const t = new LiveThrottle<string, number>(250);
    expect(t.offer('a', 1, 0)).toBe('send');
    expect(t.offer('b', 1, 10)).toBe('send');
    expect(t.offer('a', 2, 20)).toBe('wait');
    expect(t.offer('b', 2, 100)).toBe('wait');
    expect(t.nextDueIn(100)).toBe(150);
    expect(t.takeDue(250)).toEqual([['a', 2]]);
    expect(t.nextDueIn(250)).toBe(10);
    expect(t.takeDue(260)).toEqual([['b', 2]]);
  });

  it('sends at once again after a quiet interval, and never while a value is held', () => {
    const t = new LiveThrottle<string, number>(250);
    t.offer('a', 1, 0);
    expect(t.offer('a', 2, 300)).toBe('send');
    expect(t.offer('a', 3, 400)).toBe('wait');
    // Past the interval but the held value has not been taken yet: the newer one joins it.
    expect(t.offer('a', 4, 600)).toBe('wait');
    expect(t.takeDue(600)).toEqual([['a', 4]]);
  });

  it('forgets a key', () => {
    const t = new LiveThrottle<string, number>(250);
    t.offer('a', 1, 0);
    t.offer('a', 2, 10);
    t.forget('a');
    expect(t.nextDueIn(10)).toBeNull();
    expect(t.offer('a', 3, 20)).toBe('send');
  });

  describe('driven by timers', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('emits at most 4 values per second per key and always the last one', () => {
      const t = new LiveThrottle<string, number>(250);
      const sent: Array<[number, number]> = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        if (timer) return;
        const wait = t.nextDueIn(Date.now());
        if (wait === null) return;
        timer = setTimeout(() => {
          timer = undefined;
          for (const [, v] of t.takeDue(Date.now())) sent.push([Date.now(), v]);
          arm();
        }, wait);
      };
      const push = (v: number) => {
        if (t.offer('a', v, Date.now()) === 'send') sent.push([Date.now(), v]);
        else arm();
      };
      // 100 changes over one second, one every 10 ms.
      for (let v = 1; v <= 100; v += 1) {
        push(v);
        vi.advanceTimersByTime(10);
      }
      vi.advanceTimersByTime(1000);
      expect(sent.length).toBeLessThanOrEqual(5);
      expect(sent.at(-1)?.[1]).toBe(100);
      for (let i = 1; i < sent.length; i += 1) {
        expect((sent[i]?.[0] ?? 0) - (sent[i - 1]?.[0] ?? 0)).toBeGreaterThanOrEqual(250);
      }
    });
  });
});

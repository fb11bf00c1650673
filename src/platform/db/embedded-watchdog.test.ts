import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { postmasterRunning, watchEmbeddedPostgres } from './embedded-watchdog.js';

describe('watchEmbeddedPostgres', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function fixture(running: boolean[]) {
    const said: string[] = [];
    const state = { running: running.shift() ?? true, restarts: 0, failNext: 0 };
    const dog = watchEmbeddedPostgres({
      isRunning: () => state.running,
      restart: async () => {
        state.restarts += 1;
        if (state.failNext > 0) {
          state.failNext -= 1;
          throw new Error('the port is taken');
        }
        state.running = true;
      },
      log: {
        warn: (...args: unknown[]) => void said.push(String(args.at(-1))),
        error: (...args: unknown[]) => void said.push(String(args.at(-1))),
      } as never,
      intervalMs: 1000,
    });
    return { said, state, dog };
  }

  it('leaves a running cluster alone', async () => {
    const { state, said, dog } = fixture([true]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.restarts).toBe(0);
    expect(said).toEqual([]);
    await dog.stop();
  });

  it('starts a cluster that died, once, and says so', async () => {
    const { state, said, dog } = fixture([true]);
    await vi.advanceTimersByTimeAsync(1500);
    state.running = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.restarts).toBe(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(state.restarts).toBe(1);
    expect(said).toEqual([
      'embedded PostgreSQL is not running; starting it again',
      'embedded PostgreSQL started again',
    ]);
    await dog.stop();
  });

  it('tries again with growing waits while starting fails', async () => {
    const { state, said, dog } = fixture([false]);
    state.failNext = 2;
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.restarts).toBe(1);
    // 1 s after the first failure, 2 s after the second (less up to a quarter of jitter).
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.restarts).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(state.restarts).toBe(3);
    expect(state.running).toBe(true);
    expect(said).toEqual([
      'embedded PostgreSQL is not running; starting it again',
      'embedded PostgreSQL did not start; trying again',
      'embedded PostgreSQL did not start; trying again',
      'embedded PostgreSQL started again',
    ]);
    await dog.stop();
  });

  it('stops looking once stopped (before PostgreSQL is stopped on purpose)', async () => {
    const { state, dog } = fixture([true]);
    await dog.stop();
    state.running = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(state.restarts).toBe(0);
  });
});

describe('postmasterRunning', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tf-watchdog-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is false without a pid file, for a pid that is gone, and for a live process that is not PostgreSQL', () => {
    expect(postmasterRunning(dir)).toBe(false);
    writeFileSync(path.join(dir, 'postmaster.pid'), '999999999\n/data\n');
    expect(postmasterRunning(dir)).toBe(false);
    writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n/data\n`);
    expect(postmasterRunning(dir)).toBe(false);
  });
});

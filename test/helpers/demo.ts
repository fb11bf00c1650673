import { seedDemo } from '../../src/demo/seed.js';
import { SystemSteerableClock } from '../../src/platform/clock.js';
import type { Deps } from '../../src/platform/deps.js';
import { EventBus } from '../../src/platform/outbox/index.js';
import { registerSubscribers } from '../../src/subscribers.js';
import type { TestDb } from './test-db.js';

/**
 * The demo company as `npm start` loads it, on the real clock, for browser tests (their server reads
 * the system clock): the replay needs a steerable clock that its outbox and subscribers hold too, so
 * it gets a bus of its own on the test database. Returns the deps it seeded with.
 */
export async function seedDemoOnRealClock(tdb: TestDb): Promise<Deps> {
  const clock = new SystemSteerableClock();
  const bus = new EventBus(tdb.deps.db, tdb.deps.pool, clock, tdb.deps.log);
  const deps: Deps = { ...tdb.deps, clock, bus };
  registerSubscribers(deps);
  if (!(await seedDemo(deps))) throw new Error('the test database already had users');
  return deps;
}

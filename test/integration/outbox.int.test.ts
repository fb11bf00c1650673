import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type DomainEvent,
  EventBus,
  type Handler,
  MAX_ATTEMPTS,
  retryDelayMs,
} from '../../src/platform/outbox/index.js';
import { createTestApp, sessionFor, type TestApp } from '../helpers/test-app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { call, expectError, requestIdOf } from './support.js';

interface DeliveryRow {
  subscriber: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  delivered_at: Date | null;
}

let tdb: TestDb;
/** What each subscriber was handed, in order. */
const seen = new Map<string, DomainEvent[]>();
function record(name: string, e: DomainEvent): void {
  seen.set(name, [...(seen.get(name) ?? []), e]);
}
const seenBy = (name: string, eventId?: string) =>
  (seen.get(name) ?? []).filter((e) => eventId === undefined || e.id === eventId);

beforeAll(async () => {
  tdb = await createTestDb();
  // A table of the test's own, so subscribers have database effects to count. The owner makes it
  // (the app's role cannot create tables); the owner's default privileges let the app write it.
  const owner = new pg.Client({ connectionString: tdb.adminUrl });
  await owner.connect();
  await owner.query('CREATE TABLE scratch_effects (event_id text NOT NULL, subscriber text NOT NULL)');
  await owner.end();
});
afterAll(() => tdb.close());

function publish(type: string, payload: unknown = {}): Promise<string> {
  return tdb.deps.db.transaction((tx) =>
    tdb.deps.bus.publish(tx, { type, aggregateType: 'test', aggregateId: 'agg_1', payload }, 'req-outbox'),
  );
}

async function deliveries(eventId: string): Promise<DeliveryRow[]> {
  const r = await tdb.deps.pool.query<DeliveryRow>(
    'SELECT subscriber, status, attempts, next_attempt_at, last_error, delivered_at FROM event_deliveries WHERE event_id = $1 ORDER BY subscriber',
    [eventId],
  );
  return r.rows;
}

async function effects(eventId: string, subscriber: string): Promise<number> {
  const r = await tdb.deps.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM scratch_effects WHERE event_id = $1 AND subscriber = $2',
    [eventId, subscriber],
  );
  return r.rows[0]?.n ?? -1;
}

describe('publishing', () => {
  it('leaves no event and no delivery when the transaction rolls back', async () => {
    tdb.deps.bus.subscribe('test.rollback', 'rb', async (e) => record('rb', e));
    let id = '';
    await expect(
      tdb.deps.db.transaction(async (tx) => {
        id = await tdb.deps.bus.publish(tx, {
          type: 'test.rollback',
          aggregateType: 't',
          aggregateId: 'a',
          payload: {},
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(id).toMatch(/^evt_/);
    const ev = await tdb.deps.pool.query('SELECT 1 FROM outbox_events WHERE id = $1', [id]);
    expect(ev.rowCount).toBe(0);
    expect(await deliveries(id)).toEqual([]);
    await tdb.deps.bus.drain();
    expect(seenBy('rb')).toEqual([]);
    // The same publish, committed, does leave both behind.
    const kept = await publish('test.rollback');
    expect((await deliveries(kept)).map((d) => d.status)).toEqual(['pending']);
  });
});

describe('delivery', () => {
  it('delivers a committed event once to each subscriber of its type, and to no other', async () => {
    const bus = tdb.deps.bus;
    bus.subscribe('test.fanout', 'fan-a', async (e) => record('fan-a', e));
    bus.subscribe('test.fanout', 'fan-b', async (e) => record('fan-b', e));
    bus.subscribe('test.unrelated', 'fan-c', async (e) => record('fan-c', e));
    const id = await publish('test.fanout', { sku: 'SKU-1', qty: 3 });
    expect(seenBy('fan-a', id)).toEqual([]);
    expect(await bus.drain()).toBeGreaterThanOrEqual(2);
    for (const name of ['fan-a', 'fan-b']) {
      expect(seenBy(name, id)).toEqual([
        expect.objectContaining({
          id,
          type: 'test.fanout',
          aggregateType: 'test',
          aggregateId: 'agg_1',
          payload: { sku: 'SKU-1', qty: 3 },
          requestId: 'req-outbox',
        }),
      ]);
    }
    expect(seenBy('fan-c')).toEqual([]);
    const rows = await deliveries(id);
    expect(rows.map((d) => [d.subscriber, d.status, d.attempts, d.last_error])).toEqual([
      ['fan-a', 'delivered', 1, null],
      ['fan-b', 'delivered', 1, null],
    ]);
    expect(rows.every((d) => d.delivered_at?.getTime() === tdb.deps.clock.now().getTime())).toBe(true);
    await bus.drain();
    expect(seenBy('fan-a', id)).toHaveLength(1);
  });

  it('applies a subscriber’s database writes exactly once, even with two processes draining at once', async () => {
    const insert =
      (name: string): Handler =>
      async (e, tx) => {
        await tx.execute(sql`INSERT INTO scratch_effects (event_id, subscriber) VALUES (${e.id}, ${name})`);
      };
    tdb.deps.bus.subscribe('test.effect', 'effect', insert('effect'));
    // A second bus on the same database stands for a second server process.
    const other = new EventBus(tdb.deps.db, tdb.deps.pool, tdb.deps.clock, tdb.deps.log);
    other.subscribe('test.effect', 'effect', insert('effect'));
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await publish('test.effect', { i }));
    await Promise.all([tdb.deps.bus.drain(), other.drain(), tdb.deps.bus.drain(), other.drain()]);
    await tdb.deps.bus.drain();
    const r = await tdb.deps.pool.query<{ event_id: string; n: number }>(
      "SELECT event_id, count(*)::int AS n FROM scratch_effects WHERE subscriber = 'effect' GROUP BY event_id",
    );
    expect(r.rows.map((x) => x.event_id).sort()).toEqual([...ids].sort());
    expect(r.rows.every((x) => x.n === 1)).toBe(true);
    const statuses = await tdb.deps.pool.query<{ status: string; attempts: number; n: number }>(
      "SELECT status, attempts, count(*)::int AS n FROM event_deliveries WHERE subscriber = 'effect' GROUP BY 1, 2",
    );
    expect(statuses.rows).toEqual([{ status: 'delivered', attempts: 1, n: 30 }]);
  });
});

describe('retries', () => {
  it('retries a failing subscriber after the backoff, undoing its writes, while the other is delivered once', async () => {
    const bus = tdb.deps.bus;
    const clock = tdb.deps.clock;
    let flakyCalls = 0;
    bus.subscribe('test.flaky', 'flaky', async (e, tx) => {
      flakyCalls += 1;
      await tx.execute(sql`INSERT INTO scratch_effects (event_id, subscriber) VALUES (${e.id}, 'flaky')`);
      if (flakyCalls === 1) throw new Error('downstream unavailable');
    });
    bus.subscribe('test.flaky', 'steady', async (e) => record('steady', e));
    const id = await publish('test.flaky');
    const publishedAt = clock.now().getTime();
    await bus.drain();
    expect(flakyCalls).toBe(1);
    expect(await effects(id, 'flaky')).toBe(0);
    const [flaky, steady] = await deliveries(id);
    expect(flaky).toMatchObject({ status: 'pending', attempts: 1, last_error: 'downstream unavailable' });
    expect(flaky?.next_attempt_at.getTime()).toBe(publishedAt + retryDelayMs(1));
    expect(steady).toMatchObject({ status: 'delivered', attempts: 1 });

    clock.advance(retryDelayMs(1) - 1);
    await bus.drain();
    expect(flakyCalls).toBe(1);
    clock.advance(1);
    await bus.drain();
    expect(flakyCalls).toBe(2);
    expect(await effects(id, 'flaky')).toBe(1);
    expect((await deliveries(id)).map((d) => [d.subscriber, d.status, d.attempts, d.last_error])).toEqual([
      ['flaky', 'delivered', 2, null],
      ['steady', 'delivered', 1, null],
    ]);
    expect(seenBy('steady', id)).toHaveLength(1);
  });

  it('hands a batch subscriber many events in one call, and pins a failure on the event that caused it', async () => {
    const bus = tdb.deps.bus;
    const calls: string[][] = [];
    bus.subscribeBatch('test.batch', 'batch', async (events, tx) => {
      calls.push(events.map((e) => e.id));
      for (const e of events) {
        await tx.execute(sql`INSERT INTO scratch_effects (event_id, subscriber) VALUES (${e.id}, 'batch')`);
        if ((e.payload as { bad?: boolean }).bad) throw new Error('bad event');
      }
    });
    const ids = [
      await publish('test.batch', { n: 1 }),
      await publish('test.batch', { n: 2, bad: true }),
      await publish('test.batch', { n: 3 }),
    ];
    await bus.drain();
    // One call with all three, then (it failed) one call per event.
    expect(calls[0]).toEqual(ids);
    expect(calls.slice(1)).toEqual(ids.map((id) => [id]));
    expect(await Promise.all(ids.map((id) => effects(id, 'batch')))).toEqual([1, 0, 1]);
    const states = await Promise.all(ids.map(async (id) => (await deliveries(id))[0]));
    expect(states.map((d) => [d?.status, d?.attempts, d?.last_error])).toEqual([
      ['delivered', 1, null],
      ['pending', 1, 'bad event'],
      ['delivered', 1, null],
    ]);
  });

  it('marks a delivery dead with its last error after MAX_ATTEMPTS failures, and stops trying', async () => {
    const bus = tdb.deps.bus;
    let calls = 0;
    bus.subscribe('test.doomed', 'doomed', async () => {
      calls += 1;
      throw new Error(`refused #${calls}`);
    });
    const id = await publish('test.doomed');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await bus.drain();
      expect(calls).toBe(attempt);
      const [d] = await deliveries(id);
      expect(d?.status).toBe(attempt < MAX_ATTEMPTS ? 'pending' : 'dead');
      tdb.deps.clock.advance(retryDelayMs(attempt));
    }
    expect(await deliveries(id)).toEqual([
      expect.objectContaining({
        status: 'dead',
        attempts: MAX_ATTEMPTS,
        last_error: `refused #${MAX_ATTEMPTS}`,
      }),
    ]);
    tdb.deps.clock.advance(7 * 24 * 3_600_000);
    await bus.drain();
    expect(calls).toBe(MAX_ATTEMPTS);
  });
});

describe('listening', () => {
  it('delivers on commit through LISTEN/NOTIFY once started, without drain() being called', async () => {
    const got: string[] = [];
    tdb.deps.bus.subscribe('test.live', 'live', async (e) => {
      got.push(e.id);
    });
    // Polling once a minute: only the notification can deliver within the wait below.
    await tdb.deps.bus.start(60_000);
    try {
      const first = await publish('test.live');
      await vi.waitFor(() => expect(got).toEqual([first]), { timeout: 5000, interval: 20 });
      // By now start()'s own initial drain has run; the second can only arrive by notification.
      const second = await publish('test.live');
      await vi.waitFor(() => expect(got).toEqual([first, second]), { timeout: 5000, interval: 20 });
      await vi.waitFor(async () => expect((await deliveries(second))[0]?.status).toBe('delivered'), {
        timeout: 5000,
        interval: 20,
      });
    } finally {
      await tdb.deps.bus.stop();
    }
  });
});

describe('GET /api/events', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.tdb.deps.bus.subscribe('user.created', 'welcome', async () => {});
    t.tdb.deps.bus.subscribe('user.updated', 'crm-sync', async () => {
      throw new Error('crm is down');
    });
  });
  afterAll(() => t.close());

  it('lists events with their deliveries, filters by type and status, and is forbidden to a leader', async () => {
    const admin = await sessionFor(t, ['admin']);
    const created = await call(t, admin, 'POST', '/api/users', {
      username: 'evt_user',
      displayName: 'Events',
      password: 'long-enough-1',
      roles: ['operator'],
    });
    const userId = created.json<{ id: string }>().id;
    await call(t, admin, 'PATCH', `/api/users/${userId}`, { status: 'disabled' });
    await t.tdb.deps.bus.drain();

    type Page = {
      items: Array<{
        type: string;
        aggregateId: string;
        requestId: string | null;
        deliveries: Array<{ subscriber: string; status: string; lastError: string | null }>;
      }>;
      total: number;
    };
    const list = async (query: string) => (await call(t, admin, 'GET', `/api/events?${query}`)).json<Page>();
    const all = await list('pageSize=200');
    const mine = all.items.filter((e) => e.aggregateId === userId);
    expect(mine.map((e) => e.type)).toEqual(['user.updated', 'user.created']);
    expect(mine[1]?.requestId).toBe(requestIdOf(created));
    expect(mine[1]?.deliveries).toEqual([
      expect.objectContaining({ subscriber: 'welcome', status: 'delivered' }),
    ]);
    expect(mine[0]?.deliveries).toEqual([
      expect.objectContaining({ subscriber: 'crm-sync', status: 'pending', lastError: 'crm is down' }),
    ]);

    const updated = await list('type=user.updated');
    expect(updated.total).toBe(1);
    expect(updated.items.map((e) => e.aggregateId)).toEqual([userId]);
    const pending = await list('status=pending');
    expect(pending.items.map((e) => e.type)).toEqual(['user.updated']);
    const delivered = await list('status=delivered&pageSize=200');
    expect(delivered.total).toBe(all.total - 1);
    expect(delivered.items.every((e) => e.deliveries.some((d) => d.status === 'delivered'))).toBe(true);
    expect((await list('status=dead')).total).toBe(0);

    const leader = await sessionFor(t, ['leader']);
    expectError(await call(t, leader, 'GET', '/api/events'), 403, 'auth.forbidden');
    const operator = await sessionFor(t, ['operator']);
    expect((await call(t, operator, 'GET', '/api/events')).statusCode).toBe(200);
  });
});

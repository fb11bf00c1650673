import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCustomerByPhone,
  upsertCustomerByPhoneTx,
  upsertCustomersByPhoneTx,
} from '../../src/modules/customers/index.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { DomainError } from '../../src/platform/errors.js';
import { isId } from '../../src/platform/ids.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

async function customerCount(): Promise<number> {
  const r = await tdb.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  return r.rows[0]?.n ?? -1;
}

describe('upsertCustomerByPhoneTx', () => {
  it('creates a customer once and finds it again by any spelling of the phone', async () => {
    const { deps } = tdb;
    const first = await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone: '138 0000 1111', name: '王阿姨', pickupPointId: 'pp_a' }),
    );
    expect(first.created).toBe(true);
    expect(isId('customer', first.customerId)).toBe(true);
    const again = await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone: '+86 13800001111' }),
    );
    expect(again).toEqual({ customerId: first.customerId, created: false });
    const found = await findCustomerByPhone(deps, deps.db, '138-0000-1111');
    expect(found).toMatchObject({
      customerId: first.customerId,
      name: '王阿姨',
      defaultPickupPointId: 'pp_a',
      phoneMasked: '138****1111',
    });
  });

  it('keeps the stored name and pickup point when the new input has none, replaces them when given', async () => {
    const { deps } = tdb;
    const phone = '13900002222';
    await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone, name: '李', pickupPointId: 'pp_1' }),
    );
    await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone, name: '  ', pickupPointId: null }),
    );
    expect(await findCustomerByPhone(deps, deps.db, phone)).toMatchObject({
      name: '李',
      defaultPickupPointId: 'pp_1',
    });
    await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone, name: '李四', pickupPointId: 'pp_2' }),
    );
    expect(await findCustomerByPhone(deps, deps.db, phone)).toMatchObject({
      name: '李四',
      defaultPickupPointId: 'pp_2',
    });
  });

  it('refuses a malformed phone with customers.invalid_phone naming the field, writing nothing', async () => {
    const { deps } = tdb;
    const before = await customerCount();
    const err = await deps.db
      .transaction((tx) => upsertCustomerByPhoneTx(deps, tx, { phone: '12345' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('customers.invalid_phone');
    expect((err as DomainError).field).toBe('phone');
    expect(await customerCount()).toBe(before);
  });

  it('returns null for unknown and malformed phones', async () => {
    expect(await findCustomerByPhone(tdb.deps, tdb.deps.db, '13700000000')).toBeNull();
    expect(await findCustomerByPhone(tdb.deps, tdb.deps.db, 'not a phone')).toBeNull();
  });

  it('emits customer.created without the phone in the payload', async () => {
    const { deps } = tdb;
    const { customerId } = await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone: '13600003333' }),
    );
    const r = await deps.pool.query<{ payload: unknown }>(
      `SELECT payload FROM outbox_events WHERE type = 'customer.created' AND aggregate_id = $1`,
      [customerId],
    );
    expect(r.rows).toHaveLength(1);
    expect(JSON.stringify(r.rows[0]?.payload)).not.toContain('13600003333');
  });
});

describe('upsertCustomersByPhoneTx', () => {
  it('upserts a batch in input order, merging repeated phones, creating each phone once', async () => {
    const { deps } = tdb;
    await deps.db.transaction((tx) =>
      upsertCustomerByPhoneTx(deps, tx, { phone: '15000000001', name: '老客' }),
    );
    const before = await customerCount();
    const results = await deps.db.transaction((tx) =>
      upsertCustomersByPhoneTx(deps, tx, [
        { phone: '15000000002', name: 'A' },
        { phone: '15000000001' },
        { phone: '150 0000 0002', name: 'B' },
        { phone: '15000000003', pickupPointId: 'pp_x' },
      ]),
    );
    expect(results).toHaveLength(4);
    expect(results[0]?.customerId).toBe(results[2]?.customerId);
    expect(results.map((r) => r.created)).toEqual([true, false, true, true]);
    expect(await customerCount()).toBe(before + 2);
    expect(await findCustomerByPhone(deps, deps.db, '15000000002')).toMatchObject({ name: 'B' });
    expect(await findCustomerByPhone(deps, deps.db, '15000000001')).toMatchObject({ name: '老客' });
  });

  it('refuses a batch with one malformed phone before writing anything, naming its index', async () => {
    const { deps } = tdb;
    const before = await customerCount();
    const err = await deps.db
      .transaction((tx) =>
        upsertCustomersByPhoneTx(deps, tx, [{ phone: '15100000001' }, { phone: '151000000' }]),
      )
      .catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('customers.invalid_phone');
    expect((err as DomainError).field).toBe('inputs[1].phone');
    expect(await customerCount()).toBe(before);
  });

  it('returns [] for an empty batch', async () => {
    expect(await tdb.deps.db.transaction((tx) => upsertCustomersByPhoneTx(tdb.deps, tx, []))).toEqual([]);
  });
});

describe('concurrency', () => {
  it('20 connections upserting one phone at once make one customer, and exactly one says created', async () => {
    // Each upsert runs on its own pool of one connection, so the 20 really race in PostgreSQL.
    const dbs = Array.from({ length: 20 }, () => openDatabase(tdb.url, { max: 1 }));
    try {
      const results = await Promise.all(
        dbs.map((d, i) =>
          d.db.transaction((tx) =>
            upsertCustomerByPhoneTx(tdb.deps, tx, { phone: '18800008888', name: `n${i}` }),
          ),
        ),
      );
      expect(new Set(results.map((r) => r.customerId)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
    const r = await tdb.deps.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM customers WHERE phone_hash = $1',
      [tdb.deps.crypto.hash('18800008888')],
    );
    expect(r.rows[0]?.n).toBe(1);
  });

  it('two overlapping batches in opposite orders both commit (no deadlock) with one row per phone', async () => {
    const a = ['17700000001', '17700000002', '17700000003', '17700000004'];
    const dbs = Array.from({ length: 6 }, () => openDatabase(tdb.url, { max: 1 }));
    try {
      await Promise.all(
        dbs.map((d, i) =>
          d.db.transaction((tx) =>
            upsertCustomersByPhoneTx(
              tdb.deps,
              tx,
              (i % 2 ? [...a].reverse() : a).map((phone) => ({ phone })),
            ),
          ),
        ),
      );
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
    }
    for (const phone of a) {
      const r = await tdb.deps.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM customers WHERE phone_hash = $1',
        [tdb.deps.crypto.hash(phone)],
      );
      expect(r.rows[0]?.n).toBe(1);
    }
  });
});

describe('storage', () => {
  it('never stores a phone number in clear', async () => {
    const { deps } = tdb;
    await deps.db.transaction((tx) => upsertCustomerByPhoneTx(deps, tx, { phone: '13512345678' }));
    const raw = await deps.pool.query('SELECT * FROM customers');
    const dump = JSON.stringify(raw.rows);
    expect(dump).not.toContain('13512345678');
    expect(dump).not.toContain('12345678');
    for (const row of raw.rows as Array<{ phone_enc: string }>) expect(row.phone_enc).toMatch(/^v1:/);
  });
});

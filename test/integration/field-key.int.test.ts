import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { findCustomerByPhone, upsertCustomerByPhoneTx } from '../../src/modules/customers/index.js';
import { addBlock } from '../../src/modules/risk/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { bootPlatform } from '../../src/platform/boot.js';
import { ConfigError, loadConfig, SecretKey } from '../../src/platform/config.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { newId } from '../../src/platform/ids.js';
import { ENCRYPTED_TABLES, PHONE_HASH_COLUMNS } from '../../src/platform/keys/encrypted-columns.js';
import { ensureFieldKey, readFieldKeyRow } from '../../src/platform/keys/key-check.js';
import { rotateFieldKey } from '../../src/platform/keys/rotate-field-key.js';
import { registerSubscribers } from '../../src/subscribers.js';
import { createTestDb, TEST_FIELD_KEY, type TestDb, testFieldCrypto } from '../helpers/test-db.js';

let tdb: TestDb;
const dirs: string[] = [];
const log = pino({ level: 'silent' });
const b64 = (k: SecretKey) => k.bytes().toString('base64');
const wrongKey = new SecretKey(randomBytes(64));

beforeAll(async () => {
  tdb = await createTestDb();
  registerSubscribers(tdb.deps);
  expect(await seedDemo(tdb.deps)).toBe(true);
});
afterAll(async () => {
  await tdb.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tmpDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'tf-keys-'));
  dirs.push(d);
  return d;
}

/** The test database as an external server: the application's role, and the owner that migrates. */
function dbEnv(): Record<string, string> {
  return { DATABASE_URL: tdb.url, DATABASE_OWNER_URL: tdb.adminUrl ?? tdb.url, SEED_DEMO: 'false' };
}

/** Starts the platform the way main.ts does, on the test database, and closes it again. */
async function boot(env: Record<string, string>): Promise<void> {
  const config = loadConfig({ ...dbEnv(), DATA_DIR: tmpDir(), ...env });
  const platform = await bootPlatform(config, log);
  await platform.database.close();
}

/** Every encrypted value of the database, by table, column and row, as its plain text. */
async function plainValues(crypto: FieldCrypto): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of ENCRYPTED_TABLES)
    for (const c of t.columns) {
      const r = await tdb.deps.pool.query<{ pk: string; v: string }>(
        `SELECT "${t.key}" AS pk, "${c.enc}" AS v FROM "${t.table}"${t.where ? ` WHERE ${t.where}` : ''}`,
      );
      for (const row of r.rows) out.set(`${t.table}.${c.enc}.${row.pk}`, crypto.decrypt(row.v));
    }
  return out;
}

async function phoneHashes(): Promise<string[]> {
  const all: string[] = [];
  for (const h of PHONE_HASH_COLUMNS) {
    const r = await tdb.deps.pool.query<{ h: string }>(
      `SELECT "${h.column}" AS h FROM "${h.table}"${h.where ? ` WHERE ${h.where}` : ''} ORDER BY 1`,
    );
    all.push(...r.rows.map((x) => x.h));
  }
  return all;
}

describe('the field key check', () => {
  it('lists every encrypted column of the schema, and only existing ones', async () => {
    const r = await tdb.deps.pool.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name LIKE '%\\_enc' ORDER BY 1, 2`,
    );
    const listed = ENCRYPTED_TABLES.flatMap((t) => t.columns.map((c) => `${t.table}.${c.enc}`)).sort();
    expect(r.rows.map((x) => `${x.t}.${x.c}`)).toEqual(listed);
  });

  it('refuses, before storing anything, a key that cannot read the data of a database that predates the check', async () => {
    expect(await readFieldKeyRow(tdb.deps.pool)).toBeUndefined();
    const err = await boot({ ENCRYPTION_KEY: b64(wrongKey) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(
      /^Invalid configuration: ENCRYPTION_KEY cannot read the personal data/,
    );
    expect(await readFieldKeyRow(tdb.deps.pool)).toBeUndefined();
  });

  it('stores the check value of a key that reads the data, at its first start', async () => {
    await boot({ ENCRYPTION_KEY: b64(TEST_FIELD_KEY) });
    expect(await readFieldKeyRow(tdb.deps.pool)).toMatchObject({
      key_id: testFieldCrypto.check.keyId,
      check_value: testFieldCrypto.check.value,
      next_key_id: null,
    });
    // And starts again with it.
    await boot({ ENCRYPTION_KEY: b64(TEST_FIELD_KEY) });
  });

  it('refuses a well-formed wrong ENCRYPTION_KEY, naming the variable and both key ids', async () => {
    const err = await boot({ ENCRYPTION_KEY: b64(wrongKey) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('ENCRYPTION_KEY');
    expect((err as Error).message).toContain(testFieldCrypto.check.keyId);
    expect((err as Error).message).toContain(new FieldCrypto(wrongKey).check.keyId);
    expect((err as Error).message).not.toContain(b64(wrongKey));
  });

  it('names the key file when the key comes from DATA_DIR/keys/field.key', async () => {
    const dataDir = tmpDir();
    mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
    const file = path.join(dataDir, 'keys', 'field.key');
    writeFileSync(file, `${b64(wrongKey)}\n`, { mode: 0o600 });
    const config = loadConfig({ ...dbEnv(), DATA_DIR: dataDir });
    const err = await bootPlatform(config, log).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe(file);
  });
});

describe('key rotation', () => {
  const newKey = new SecretKey(randomBytes(64));
  const newCrypto = new FieldCrypto(newKey);
  const opts = { source: 'ENCRYPTION_KEY', nextSource: 'NEW_ENCRYPTION_KEY', now: new Date(), batchSize: 3 };

  it('re-encrypts every value and re-hashes every lookup, resuming after an interruption', async () => {
    // A blocked number kept with its entry, and two blocked before the blocklist kept numbers: one
    // of a customer's (re-hashed through the customer), one stored nowhere else (reported).
    await addBlock(tdb.deps, SYSTEM_ACTOR, { kind: 'phone', value: '13312345678', reason: '测试' });
    const customerPhone = [...(await plainValues(testFieldCrypto)).entries()].find(([k]) =>
      k.startsWith('customers.'),
    )?.[1];
    for (const [p, display] of [
      [customerPhone ?? '', 'legacy-customer'],
      ['13387654321', '133****4321'],
    ])
      await tdb.deps.pool.query(
        `INSERT INTO risk_blocklist (id, kind, value, display, reason, created_at) VALUES ($1, 'phone', $2, $3, 'legacy', now())`,
        [newId('riskBlock'), testFieldCrypto.hash(p ?? ''), display],
      );
    const before = await plainValues(testFieldCrypto);
    for (const t of [
      'customers',
      'leaders',
      'leader_applications',
      'ledger_payout_accounts',
      'ledger_withdrawals',
      'risk_blocklist',
    ])
      expect([...before.keys()].some((k) => k.startsWith(`${t}.`))).toBe(true);
    const hashesBefore = await phoneHashes();
    expect(hashesBefore.length).toBeGreaterThan(0);
    const phone = [...before.entries()].find(([k]) => k.startsWith('customers.'))?.[1] ?? '';
    const customer = await findCustomerByPhone(tdb.deps, tdb.deps.db, phone);
    expect(customer?.customerId).toMatch(/^cus_/);

    // The first run stops after the customers (as a killed process would, between two batches).
    const stop = new Error('interrupted');
    await expect(
      rotateFieldKey(tdb.deps.pool, testFieldCrypto, newKey, {
        ...opts,
        progress: (msg) => {
          if (msg.startsWith('customers:')) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    // Half-way, no server starts, with either key.
    await expect(
      ensureFieldKey(tdb.deps.pool, testFieldCrypto, 'ENCRYPTION_KEY', new Date()),
    ).rejects.toThrow(/rotation to key id .* has not finished/);
    await expect(ensureFieldKey(tdb.deps.pool, newCrypto, 'ENCRYPTION_KEY', new Date())).rejects.toThrow(
      /rotation/,
    );
    // A different new key cannot take over a started rotation.
    await expect(
      rotateFieldKey(tdb.deps.pool, testFieldCrypto, new SecretKey(randomBytes(64)), opts),
    ).rejects.toThrow(/NEW_ENCRYPTION_KEY is not the key the unfinished rotation started with/);

    const report = await rotateFieldKey(tdb.deps.pool, testFieldCrypto, newKey, opts);
    expect(report.alreadyDone).toBe(false);
    expect(report.rewritten.customers).toBe(0); // done by the first run
    expect(report.rewritten.leaders).toBeGreaterThan(0);
    // Only the legacy entry of a number stored nowhere else is lost, and said so.
    expect(report.orphanBlocks).toEqual(['133****4321']);
    const blocked = await tdb.deps.pool.query<{ value: string }>(
      `SELECT value FROM risk_blocklist WHERE display IN ('133****5678', 'legacy-customer') ORDER BY display`,
    );
    expect(blocked.rows.map((r) => r.value)).toEqual([
      newCrypto.hash('13312345678'),
      newCrypto.hash(customerPhone ?? ''),
    ]);

    // Every value reads the same with the new key alone; the old key reads none of them.
    expect(await plainValues(newCrypto)).toEqual(before);
    for (const t of ENCRYPTED_TABLES)
      for (const c of t.columns) {
        const r = await tdb.deps.pool.query<{ v: string }>(
          `SELECT "${c.enc}" AS v FROM "${t.table}" WHERE "${c.enc}" IS NOT NULL`,
        );
        for (const { v } of r.rows) expect(() => testFieldCrypto.decrypt(v)).toThrow();
      }
    // Every hash beside its value is the new key's.
    for (const t of ENCRYPTED_TABLES)
      for (const c of t.columns.filter((x) => x.hash)) {
        const r = await tdb.deps.pool.query<{ v: string; h: string }>(
          `SELECT "${c.enc}" AS v, "${c.hash}" AS h FROM "${t.table}" WHERE "${c.enc}" IS NOT NULL`,
        );
        for (const { v, h } of r.rows) expect(h).toBe(newCrypto.hash(newCrypto.decrypt(v)));
      }
    // The phone hashes stored alone moved with their numbers, none lost or doubled.
    const hashesAfter = await phoneHashes();
    expect(hashesAfter).toHaveLength(hashesBefore.length);
    const phones = [...before.entries()]
      .filter(([k]) => k.includes('.phone_enc.') || k.startsWith('risk_blocklist.'))
      .map(([, p]) => p);
    const oldToNew = new Map(phones.map((p) => [testFieldCrypto.hash(p), newCrypto.hash(p)]));
    expect(hashesAfter.sort()).toEqual(hashesBefore.map((h) => oldToNew.get(h) ?? h).sort());
    expect(hashesBefore.some((h) => oldToNew.has(h))).toBe(true);

    // With only the new key: the lookup by phone finds the same customer, an order's upsert makes no duplicate.
    const deps = { ...tdb.deps, crypto: newCrypto };
    expect((await findCustomerByPhone(deps, deps.db, phone))?.customerId).toBe(customer?.customerId);
    const upserted = await deps.db.transaction((tx) => upsertCustomerByPhoneTx(deps, tx, { phone }));
    expect(upserted).toEqual({ customerId: customer?.customerId, created: false });

    // The database now expects the new key, and refuses the old one.
    expect(await readFieldKeyRow(tdb.deps.pool)).toMatchObject({
      key_id: newCrypto.check.keyId,
      next_key_id: null,
    });
    await boot({ ENCRYPTION_KEY: b64(newKey) });
    await expect(boot({ ENCRYPTION_KEY: b64(TEST_FIELD_KEY) })).rejects.toThrow(
      /ENCRYPTION_KEY is not the key/,
    );
    // The switch is audited, with key ids and counts only.
    const audit = await tdb.deps.pool.query<{
      actor_name: string;
      before: unknown;
      after: { keyId: string };
    }>(`SELECT actor_name, before, after FROM audit_log WHERE action = 'field_key.rotate'`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_name: 'npm run keys -- rotate',
      before: { keyId: testFieldCrypto.check.keyId },
      after: { keyId: newCrypto.check.keyId },
    });
    // Running the command again after it finished changes nothing.
    expect((await rotateFieldKey(tdb.deps.pool, testFieldCrypto, newKey, opts)).alreadyDone).toBe(true);
  });
});

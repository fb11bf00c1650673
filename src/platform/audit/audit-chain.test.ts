import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretKey } from '../config.js';
import { type AuditContent, auditHash, auditHashOf, checkChain, GENESIS_HASH } from './audit-chain.js';
import { AuditKey } from './audit-key.js';

const KEY = new AuditKey(new SecretKey(randomBytes(32)));
const KEYING = { key: KEY, keyedFromSeq: 1 };

const base: AuditContent = {
  seq: 1,
  id: 'aud_01JD3AAAAAAAAAAAAAAAAAAAAA',
  at: new Date('2026-01-01T08:00:00.000Z'),
  actorId: 'usr_01JD3BBBBBBBBBBBBBBBBBBBBB',
  actorName: 'admin',
  action: 'users.create',
  entityType: 'user',
  entityId: 'usr_01JD3CCCCCCCCCCCCCCCCCCCCC',
  before: null,
  after: { username: 'li', roles: ['operator'] },
  requestId: 'req_01JD3DDDDDDDDDDDDDDDDDDDDD',
  ip: '10.0.0.7',
};

const PREV = 'a'.repeat(64);

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});

describe('auditHash', () => {
  it('is, for a record before the switch-over (no key), a SHA-256 of the previous hash, a newline and the canonical content', () => {
    const canonical =
      '{"action":"users.create","actorId":"usr_01JD3BBBBBBBBBBBBBBBBBBBBB","actorName":"admin",' +
      '"after":{"roles":["operator"],"username":"li"},"at":"2026-01-01T08:00:00.000Z","before":null,' +
      '"entityId":"usr_01JD3CCCCCCCCCCCCCCCCCCCCC","entityType":"user","id":"aud_01JD3AAAAAAAAAAAAAAAAAAAAA",' +
      '"ip":"10.0.0.7","requestId":"req_01JD3DDDDDDDDDDDDDDDDDDDDD","seq":1}';
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(auditHash(null, GENESIS_HASH, base)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
    // Keyed, the same message gives the HMAC under the chain key instead.
    expect(auditHash(KEY, GENESIS_HASH, base)).toBe(KEY.chainHmac(`${GENESIS_HASH}\n${canonical}`));
    expect(auditHash(KEY, GENESIS_HASH, base)).not.toBe(expected);
  });

  it('differs under another key, so the chain cannot be recomputed without the key', () => {
    const other = new AuditKey(new SecretKey(randomBytes(32)));
    expect(auditHash(other, PREV, base)).not.toBe(auditHash(KEY, PREV, base));
    expect(auditHashOf(KEY, PREV, '{"a":1', 1)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic', () => {
    expect(auditHash(KEY, PREV, base)).toBe(auditHash(KEY, PREV, { ...base }));
  });

  it('depends on the instant, not on the Date object', () => {
    const same = { ...base, at: new Date(base.at.getTime()) };
    expect(auditHash(KEY, PREV, same)).toBe(auditHash(KEY, PREV, base));
  });

  it('does not depend on key order in the content or in before/after', () => {
    const reordered: AuditContent = {
      ip: base.ip,
      requestId: base.requestId,
      after: { roles: ['operator'], username: 'li' },
      before: base.before,
      entityId: base.entityId,
      entityType: base.entityType,
      action: base.action,
      actorName: base.actorName,
      actorId: base.actorId,
      at: base.at,
      id: base.id,
      seq: base.seq,
    };
    expect(auditHash(KEY, PREV, reordered)).toBe(auditHash(KEY, PREV, base));
  });

  it('changes with the previous hash', () => {
    expect(auditHash(KEY, GENESIS_HASH, base)).not.toBe(auditHash(KEY, PREV, base));
    expect(auditHash(KEY, `${PREV.slice(0, -1)}b`, base)).not.toBe(auditHash(KEY, PREV, base));
  });

  it.each<[keyof AuditContent, unknown]>([
    ['seq', 2],
    ['id', 'aud_01JD3AAAAAAAAAAAAAAAAAAAAB'],
    ['at', new Date('2026-01-01T08:00:00.001Z')],
    ['actorId', null],
    ['actorId', 'usr_01JD3BBBBBBBBBBBBBBBBBBBBC'],
    ['actorName', 'Admin'],
    ['actorName', null],
    ['action', 'users.update'],
    ['entityType', 'session'],
    ['entityId', null],
    ['before', { username: 'li' }],
    ['after', null],
    ['after', { username: 'li', roles: ['admin'] }],
    ['after', { username: 'li', roles: ['operator'], extra: 1 }],
    ['after', { username: 'li', roles: [] }],
    ['requestId', null],
    ['ip', '10.0.0.8'],
    ['ip', null],
  ])('changes when %s becomes %j', (field, value) => {
    const changed = { ...base, [field]: value };
    expect(auditHash(KEY, PREV, changed)).not.toBe(auditHash(KEY, PREV, base));
  });

  it('tells a missing before/after apart from an empty object', () => {
    expect(auditHash(KEY, PREV, { ...base, before: {} })).not.toBe(
      auditHash(KEY, PREV, { ...base, before: null }),
    );
  });
});

describe('checkChain', () => {
  it('passes an empty run and hands back the hash it started from', () => {
    expect(checkChain(KEYING, PREV, [])).toEqual({ ok: true, brokenAtSeq: null, lastHash: PREV });
    expect(checkChain(KEYING, GENESIS_HASH, [])).toEqual({
      ok: true,
      brokenAtSeq: null,
      lastHash: GENESIS_HASH,
    });
  });

  it('reports the first record when it does not link to the hash the run starts from', () => {
    const content = { ...base, seq: 7 };
    const first = { ...content, prevHash: PREV, hash: auditHash(KEY, PREV, content) };
    expect(checkChain(KEYING, GENESIS_HASH, [first])).toEqual({
      ok: false,
      brokenAtSeq: 7,
      lastHash: GENESIS_HASH,
    });
  });
});

type StoredRecord = AuditContent & { prevHash: string; hash: string };

/** A chain of `n` records built the way recordAudit writes them, starting from the genesis hash. */
function buildChain(n: number): StoredRecord[] {
  const out: StoredRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content: AuditContent = {
      ...base,
      seq,
      id: `aud_01JD3${String(seq).padStart(21, '0')}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorId: seq % 2 === 1 ? base.actorId : null,
      entityId: `usr_${seq}`,
      before: { n: seq - 1 },
      after: { n: seq, tags: ['a', 'b'] },
    };
    const hash = auditHash(KEY, prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

describe('auditHash on stored rows', () => {
  it('ignores fields outside the content, such as a row’s own prevHash and hash', () => {
    const row: StoredRecord = { ...base, prevHash: PREV, hash: 'f'.repeat(64) };
    expect(auditHash(KEY, PREV, row)).toBe(auditHash(KEY, PREV, base));
    const other: StoredRecord = { ...row, prevHash: GENESIS_HASH, hash: 'e'.repeat(64) };
    expect(auditHash(KEY, PREV, other)).toBe(auditHash(KEY, PREV, base));
  });
});

describe('checkChain on a built chain', () => {
  const LENGTH = 5;

  it('passes an intact chain and hands back its last hash', () => {
    const chain = buildChain(LENGTH);
    expect(checkChain(KEYING, GENESIS_HASH, chain)).toEqual({
      ok: true,
      brokenAtSeq: null,
      lastHash: at(chain, LENGTH - 1).hash,
    });
  });

  it('passes the same chain checked in pages, each starting from the last hash of the one before', () => {
    const chain = buildChain(6);
    const first = checkChain(KEYING, GENESIS_HASH, chain.slice(0, 2));
    const second = checkChain(KEYING, first.lastHash, chain.slice(2, 5));
    const third = checkChain(KEYING, second.lastHash, chain.slice(5));
    expect([first.ok, second.ok, third.ok]).toEqual([true, true, true]);
    expect(third.lastHash).toBe(at(chain, 5).hash);
  });

  it('passes a chain that went through a JSON round trip, as jsonb returns it', () => {
    const chain = buildChain(LENGTH).map((r) => ({
      ...r,
      before: JSON.parse(JSON.stringify(reverseKeys(r.before))),
      after: JSON.parse(JSON.stringify(reverseKeys(r.after))),
    }));
    expect(checkChain(KEYING, GENESIS_HASH, chain).ok).toBe(true);
  });

  it.each<[string, (r: StoredRecord) => StoredRecord]>([
    ['after', (r) => ({ ...r, after: { n: 999, tags: ['a', 'b'] } })],
    ['before', (r) => ({ ...r, before: null })],
    ['actorName', (r) => ({ ...r, actorName: 'mallory' })],
    ['actorId', (r) => ({ ...r, actorId: 'usr_mallory' })],
    ['action', (r) => ({ ...r, action: 'users.delete' })],
    ['at', (r) => ({ ...r, at: new Date(r.at.getTime() + 1) })],
    ['ip', (r) => ({ ...r, ip: null })],
    ['seq', (r) => ({ ...r, seq: r.seq + 100 })],
    ['prevHash', (r) => ({ ...r, prevHash: 'f'.repeat(64) })],
    ['hash', (r) => ({ ...r, hash: 'f'.repeat(64) })],
  ])('reports the exact seq when a record’s %s is altered, wherever it is', (_name, tamper) => {
    for (let k = 0; k < LENGTH; k++) {
      const chain = buildChain(LENGTH);
      const tampered = tamper(at(chain, k));
      chain[k] = tampered;
      expect(checkChain(KEYING, GENESIS_HASH, chain), `record ${k + 1}`).toEqual({
        ok: false,
        brokenAtSeq: tampered.seq,
        lastHash: k === 0 ? GENESIS_HASH : at(chain, k - 1).hash,
      });
    }
  });

  it('reports the record after a removed one', () => {
    for (let k = 0; k < LENGTH - 1; k++) {
      const chain = buildChain(LENGTH);
      chain.splice(k, 1);
      expect(checkChain(KEYING, GENESIS_HASH, chain).brokenAtSeq, `removed ${k + 1}`).toBe(k + 2);
    }
  });

  it('reports the record after one rewritten with a recomputed hash', () => {
    const chain = buildChain(LENGTH);
    const original = at(chain, 1);
    const forged: AuditContent = { ...original, after: { forged: true } };
    chain[1] = { ...forged, prevHash: original.prevHash, hash: auditHash(KEY, original.prevHash, forged) };
    expect(checkChain(KEYING, GENESIS_HASH, chain).brokenAtSeq).toBe(3);
  });

  it.each<[string, AuditKey | null]>([
    ['plain SHA-256', null],
    ['a wrong key', new AuditKey(new SecretKey(randomBytes(32)))],
  ])('reports the edited record when every later hash is recomputed with %s', (_how, forger) => {
    const chain = buildChain(LENGTH);
    let prev = at(chain, 0).hash;
    for (let k = 1; k < LENGTH; k++) {
      const r = at(chain, k);
      const content: AuditContent = k === 1 ? { ...r, after: { forged: true } } : r;
      const hash = auditHash(forger, prev, content);
      chain[k] = { ...content, prevHash: prev, hash };
      prev = hash;
    }
    expect(checkChain(KEYING, GENESIS_HASH, chain)).toMatchObject({ ok: false, brokenAtSeq: 2 });
  });

  it('checks records before the switch-over as plain SHA-256 and the rest keyed', () => {
    const legacy = { key: KEY, keyedFromSeq: 4 };
    const chain: StoredRecord[] = [];
    let prev = GENESIS_HASH;
    for (const r of buildChain(LENGTH)) {
      const hash = auditHash(r.seq < 4 ? null : KEY, prev, r);
      chain.push({ ...r, prevHash: prev, hash });
      prev = hash;
    }
    expect(checkChain(legacy, GENESIS_HASH, chain)).toMatchObject({ ok: true, brokenAtSeq: null });
    // Keyed from the start, the plain records do not verify; keyed from later, the keyed ones do not.
    expect(checkChain(KEYING, GENESIS_HASH, chain).brokenAtSeq).toBe(1);
    expect(checkChain({ key: KEY, keyedFromSeq: 5 }, GENESIS_HASH, chain).brokenAtSeq).toBe(4);
  });

  it('reports swapped records', () => {
    const chain = buildChain(LENGTH);
    [chain[2], chain[3]] = [at(chain, 3), at(chain, 2)];
    expect(checkChain(KEYING, GENESIS_HASH, chain).brokenAtSeq).toBe(4);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

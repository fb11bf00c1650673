import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretKey } from '../config.js';
import {
  type AuditCheckpoint,
  checkpointLine,
  effectiveKeyedFrom,
  findTruncation,
  parseCheckpoints,
} from './audit-checkpoint.js';
import { AuditKey } from './audit-key.js';

const KEY = new AuditKey(new SecretKey(randomBytes(32)));
const OTHER = new AuditKey(new SecretKey(randomBytes(32)));
const H = (c: string) => c.repeat(64);
const base = { seq: 10, hash: H('a'), at: '2026-03-01T08:00:00.000Z', keyedFromSeq: 4 };

describe('checkpoint lines', () => {
  it('round-trip: a line written with the key reads back as a valid checkpoint naming the key', () => {
    const text = `${checkpointLine(KEY, base)}\n${checkpointLine(KEY, { ...base, seq: 12, hash: H('b') })}\n`;
    expect(parseCheckpoints(KEY, text)).toEqual({
      valid: [
        { ...base, keyId: KEY.id },
        { ...base, seq: 12, hash: H('b'), keyId: KEY.id },
      ],
      otherKey: 0,
      invalid: 0,
    });
    expect(checkpointLine(KEY, base)).not.toContain('\n');
  });

  it.each<[string, (o: Record<string, unknown>) => void]>([
    ['seq', (o) => (o.seq = 9)],
    ['hash', (o) => (o.hash = H('c'))],
    ['at', (o) => (o.at = '2026-03-02T08:00:00.000Z')],
    ['keyedFromSeq', (o) => (o.keyedFromSeq = 11)],
    ['sig', (o) => (o.sig = H('0'))],
  ])('refuses a line whose %s was changed', (_field, edit) => {
    const o = JSON.parse(checkpointLine(KEY, base)) as Record<string, unknown>;
    edit(o);
    expect(parseCheckpoints(KEY, JSON.stringify(o))).toEqual({ valid: [], otherKey: 0, invalid: 1 });
  });

  it('counts lines of another key apart, and garbage and cut-off lines as invalid', () => {
    const full = checkpointLine(KEY, base);
    const text = [checkpointLine(OTHER, base), 'not json', '{"v":1}', full.slice(0, 40), '', full].join('\n');
    expect(parseCheckpoints(KEY, text)).toMatchObject({ otherKey: 1, invalid: 3 });
    expect(parseCheckpoints(KEY, text).valid).toHaveLength(1);
  });

  it('cannot be forged without the key: a line signed with another key but naming ours is invalid', () => {
    const o = JSON.parse(checkpointLine(OTHER, { ...base, seq: 3 })) as Record<string, unknown>;
    o.keyId = KEY.id;
    expect(parseCheckpoints(KEY, JSON.stringify(o))).toEqual({ valid: [], otherKey: 0, invalid: 1 });
  });
});

describe('findTruncation', () => {
  const cp = (seq: number, hash: string): AuditCheckpoint => ({ ...base, seq, hash, keyId: KEY.id });
  const checkpoints = [cp(10, H('a')), cp(5, H('b'))];

  it('finds nothing when the table reaches past every checkpoint with the same hashes', () => {
    const hashAt = new Map([
      [5, H('b')],
      [10, H('a')],
    ]);
    expect(findTruncation(checkpoints, 12, hashAt)).toBeNull();
    expect(findTruncation(checkpoints, 10, hashAt)).toBeNull();
    expect(findTruncation([], 3, new Map())).toBeNull();
  });

  it('reports a head behind the furthest checkpoint', () => {
    expect(findTruncation(checkpoints, 9, new Map([[5, H('b')]]))).toEqual({
      reason: 'head_behind',
      checkpointSeq: 10,
      checkpointAt: base.at,
      headSeq: 9,
    });
    expect(findTruncation(checkpoints, null, new Map())).toMatchObject({
      reason: 'head_behind',
      headSeq: null,
    });
  });

  it('reports the earliest checkpoint whose record now has another hash', () => {
    const hashAt = new Map([
      [5, H('e')],
      [10, H('f')],
    ]);
    expect(findTruncation(checkpoints, 10, hashAt)).toMatchObject({
      reason: 'hash_differs',
      checkpointSeq: 5,
    });
  });
});

describe('effectiveKeyedFrom', () => {
  it('is the lowest of the table’s and the checkpoints’ switch-over, 1 when nothing says otherwise', () => {
    const c = (keyedFromSeq: number): AuditCheckpoint => ({ ...base, keyedFromSeq, keyId: KEY.id });
    expect(effectiveKeyedFrom(null, [])).toBe(1);
    expect(effectiveKeyedFrom(7, [])).toBe(7);
    expect(effectiveKeyedFrom(50, [c(7), c(7)])).toBe(7);
    expect(effectiveKeyedFrom(7, [c(50)])).toBe(7);
  });
});

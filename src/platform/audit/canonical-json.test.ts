import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** Rebuilds `value` with the keys of every object, at every depth, in reverse insertion order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse())
    out[key] = reversedKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** Same, with a seeded shuffle instead of a reversal. */
function shuffledKeys(value: unknown, rand: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffledKeys(v, rand));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [keys[i], keys[j]] = [keys[j] ?? '', keys[i] ?? ''];
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = shuffledKeys((value as Record<string, unknown>)[key], rand);
  return out;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const nested = {
  zeta: 1,
  alpha: { delta: [3, { y: 'y', x: 'x', w: { c: 3, b: 2, a: 1 } }], beta: null, gamma: true },
  mid: [{ k2: 'two', k1: 'one' }, [{ q: 1, p: 2 }]],
  deep: { l1: { l2: { l3: { l4: { z: 'z', a: 'a' } } } } },
};

describe('canonicalJson', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['undefined at the top', undefined, 'null'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['an integer', 42, '42'],
    ['a negative decimal', -1.5, '-1.5'],
    ['zero', 0, '0'],
    ['a string', 'hello', '"hello"'],
    ['a string that needs escaping', 'a"b\\c\nd', '"a\\"b\\\\c\\nd"'],
    ['Chinese text, unescaped', '团长', '"团长"'],
    ['an empty object', {}, '{}'],
    ['an empty array', [], '[]'],
    ['keys in sorted order', { b: 1, a: 2, c: 3 }, '{"a":2,"b":1,"c":3}'],
    ['keys sorted by code unit, upper case first', { b: 1, B: 2, a: 3, _: 4 }, '{"B":2,"_":4,"a":3,"b":1}'],
    ['number-like keys as strings', { 10: 'x', 9: 'y', a: 'z' }, '{"10":"x","9":"y","a":"z"}'],
    ['a key that needs escaping', { 'a"b': 1 }, '{"a\\"b":1}'],
    ['arrays keep their order', [3, 1, 2], '[3,1,2]'],
    [
      'arrays of objects keep their order, keys sorted inside',
      [{ b: 1, a: 1 }, { a: 2 }],
      '[{"a":1,"b":1},{"a":2}]',
    ],
    ['undefined properties dropped', { a: 1, b: undefined, c: 3 }, '{"a":1,"c":3}'],
    ['an object of only undefined', { a: undefined }, '{}'],
    ['undefined in an array becomes null, like JSON', [1, undefined, 3], '[1,null,3]'],
    ['null properties kept', { a: null }, '{"a":null}'],
    ['a Date as an ISO string', new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), '"2026-01-02T03:04:05.006Z"'],
    [
      'Dates nested in objects and arrays',
      { at: new Date(Date.UTC(2026, 0, 1)), list: [new Date(Date.UTC(2027, 5, 6))] },
      '{"at":"2026-01-01T00:00:00.000Z","list":["2027-06-06T00:00:00.000Z"]}',
    ],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys at every depth', () => {
    expect(canonicalJson(nested)).toBe(
      '{"alpha":{"beta":null,"delta":[3,{"w":{"a":1,"b":2,"c":3},"x":"x","y":"y"}],"gamma":true},' +
        '"deep":{"l1":{"l2":{"l3":{"l4":{"a":"a","z":"z"}}}}},' +
        '"mid":[{"k1":"one","k2":"two"},[{"p":2,"q":1}]],"zeta":1}',
    );
  });

  it('does not depend on key order at any depth', () => {
    const expected = canonicalJson(nested);
    expect(canonicalJson(reversedKeys(nested))).toBe(expected);
    const rand = lcg(20260101);
    for (let i = 0; i < 50; i++) expect(canonicalJson(shuffledKeys(nested, rand))).toBe(expected);
  });

  it('is valid JSON that parses back to the same data', () => {
    const parsed: unknown = JSON.parse(canonicalJson(nested));
    expect(parsed).toEqual(nested);
  });

  it('matches what a JSON round trip (as jsonb stores it) would hash to', () => {
    const value = { when: new Date(Date.UTC(2026, 4, 5)), gone: undefined, list: [{ b: 2, a: 1 }] };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('distinguishes values that differ only deep inside', () => {
    const a = { x: { y: [1, { z: 'a' }] } };
    const b = { x: { y: [1, { z: 'b' }] } };
    expect(canonicalJson(a)).not.toBe(canonicalJson(b));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('does not modify its input', () => {
    const value = { b: [2, 1], a: { d: 1, c: undefined } };
    canonicalJson(value);
    expect(Object.keys(value)).toEqual(['b', 'a']);
    expect(value.b).toEqual([2, 1]);
    expect(Object.keys(value.a)).toEqual(['d', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { generateLeaderCode, LEADER_CODE_ALPHABET, normalizeLeaderCode } from './leader-code.js';

describe('generateLeaderCode', () => {
  it('makes six characters of the alphabet, never 0, O, 1 or I', () => {
    for (let i = 0; i < 2000; i += 1) {
      const code = generateLeaderCode();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    }
  });

  it('uses every character of the alphabet (with a deterministic source)', () => {
    let n = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 6; i += 1) for (const ch of generateLeaderCode(() => n++ % 32)) seen.add(ch);
    expect([...seen].sort().join('')).toBe([...LEADER_CODE_ALPHABET].sort().join(''));
  });

  it('has 32 characters and no look-alikes', () => {
    expect(LEADER_CODE_ALPHABET).toHaveLength(32);
    for (const ch of '0O1I') expect(LEADER_CODE_ALPHABET).not.toContain(ch);
  });
});

describe('normalizeLeaderCode', () => {
  it.each([
    ['ABC234', 'ABC234'],
    ['abc234', 'ABC234'],
    [' ab c2 34 ', 'ABC234'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeLeaderCode(raw)).toBe(expected);
  });

  it.each(['', 'ABC23', 'ABC2345', 'ABC0DE', 'ABCIDE', 'ABC-23', '中文代码码码'])('rejects %j', (raw) => {
    expect(normalizeLeaderCode(raw)).toBeNull();
  });
});

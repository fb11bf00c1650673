import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idCheckChar, maskIdNumber, normalizeIdNumber } from './id-number.js';

const TODAY = new Date('2026-03-01T08:00:00Z');

describe('idCheckChar (GB 11643 / ISO 7064 MOD 11-2)', () => {
  it('computes the published example, whose check character is X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('computes digit check characters', () => {
    expect(idCheckChar('33010619900101001')).toBe('8');
    expect(idCheckChar('31011519850515123')).toBe('4');
    expect(idCheckChar('11010119900307001')).toBe('1');
  });

  it('refuses anything but 17 digits', () => {
    expect(idCheckChar('1101051949123100')).toBeNull();
    expect(idCheckChar('1101051949123100A')).toBeNull();
  });

  it('gives every check character 0-9 and X for some sequence number', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq += 1) {
      seen.add(idCheckChar(`33010619900101${String(seq).padStart(3, '0')}`) ?? '?');
    }
    expect([...seen].sort().join('')).toBe('0123456789X');
  });
});

describe('checkIdNumber', () => {
  it('accepts a valid number ending in X, typed in lower case with spaces', () => {
    expect(checkIdNumber('110105 19491231 002x', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      age: 76,
    });
  });

  it('accepts a valid number ending in a digit', () => {
    expect(checkIdNumber('330106199001010018', TODAY)).toMatchObject({ ok: true, birthDate: '1990-01-01' });
  });

  it('refuses a wrong check digit', () => {
    expect(checkIdNumber('330106199001010019', TODAY)).toEqual({ ok: false, problem: 'checksum' });
    expect(checkIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses the wrong shape: length, letters, a leading zero, X in the middle', () => {
    for (const bad of [
      '',
      '33010619900101001',
      '3301061990010100188',
      '03010619900101001X',
      '3301061990X101001X',
    ]) {
      expect(checkIdNumber(bad, TODAY)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('refuses impossible, too early and future birth dates before looking at the checksum', () => {
    const withCheck = (first17: string) => `${first17}${idCheckChar(first17)}`;
    expect(checkIdNumber(withCheck('33010619900230001'), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(checkIdNumber(withCheck('33010619901301001'), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(checkIdNumber(withCheck('33010618991231001'), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    expect(checkIdNumber(withCheck('33010620260302001'), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
    // 29 February exists in leap years only.
    expect(checkIdNumber(withCheck('33010620000229001'), TODAY)).toMatchObject({ ok: true });
    expect(checkIdNumber(withCheck('33010619000229001'), TODAY)).toEqual({
      ok: false,
      problem: 'birth_date',
    });
  });

  it('refuses a minor, and accepts someone whose 18th birthday is today in China', () => {
    const withCheck = (first17: string) => `${first17}${idCheckChar(first17)}`;
    expect(checkIdNumber(withCheck('33010620080302001'), TODAY)).toEqual({ ok: false, problem: 'underage' });
    // 2026-03-01T08:00Z is 16:00 on 1 March in China.
    expect(checkIdNumber(withCheck('33010620080301001'), TODAY)).toMatchObject({ ok: true, age: 18 });
    // 2026-02-28T20:00Z is already 1 March in China.
    expect(checkIdNumber(withCheck('33010620080301001'), new Date('2026-02-28T20:00:00Z'))).toMatchObject({
      ok: true,
    });
    expect(checkIdNumber(withCheck('33010620080301001'), new Date('2026-02-28T15:00:00Z'))).toEqual({
      ok: false,
      problem: 'underage',
    });
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn({ year: 1990, month: 3, day: 2 }, TODAY)).toBe(35);
    expect(ageOn({ year: 1990, month: 3, day: 1 }, TODAY)).toBe(36);
  });
});

describe('maskIdNumber', () => {
  it('shows the first three and the last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('330106199001010018')).toBe('330***********0018');
  });

  it('masks a short value completely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('normalizeIdNumber', () => {
  it('drops spaces and dashes and upper-cases x', () => {
    expect(normalizeIdNumber(' 110105-19491231-002x ')).toBe('11010519491231002X');
  });
});

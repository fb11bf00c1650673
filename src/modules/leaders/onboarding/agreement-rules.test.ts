import { describe, expect, it } from 'vitest';
import {
  type AgreementVersionTerms,
  maySellUnderAgreement,
  pendingAgreement,
  requiredVersionAt,
  signDeadline,
} from './agreement-rules.js';

const at = (iso: string) => new Date(iso);
const v1: AgreementVersionTerms = { version: 1, effectiveAt: at('2026-01-01T00:00:00Z'), graceDays: 0 };
// Version 2 takes effect on 1 March with 14 days' grace: version 1's signature counts until 15 March.
const v2: AgreementVersionTerms = { version: 2, effectiveAt: at('2026-03-01T00:00:00Z'), graceDays: 14 };

describe('signDeadline', () => {
  it('is the effective date plus the grace days', () => {
    expect(signDeadline(v2).toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(signDeadline(v1).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('requiredVersionAt', () => {
  it('is null when nothing is published or nothing is due yet', () => {
    expect(requiredVersionAt([], at('2026-05-01T00:00:00Z'))).toBeNull();
    expect(requiredVersionAt([v1], at('2025-12-31T23:59:59Z'))).toBeNull();
  });
  it('is the highest version whose deadline has come', () => {
    expect(requiredVersionAt([v1, v2], at('2026-02-01T00:00:00Z'))).toBe(1);
    expect(requiredVersionAt([v2, v1], at('2026-03-14T23:59:59Z'))).toBe(1);
    expect(requiredVersionAt([v1, v2], at('2026-03-15T00:00:00Z'))).toBe(2);
  });
});

describe('maySellUnderAgreement', () => {
  it('lets anyone sell while no agreement binds', () => {
    expect(maySellUnderAgreement([], [], at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(maySellUnderAgreement([v1], [], at('2025-06-01T00:00:00Z'))).toBe(true);
  });
  it('refuses a leader who signed nothing once the first version binds', () => {
    expect(maySellUnderAgreement([v1], [], at('2026-01-01T00:00:00Z'))).toBe(false);
  });
  it('keeps a leader who signed the previous version selling through the grace period', () => {
    expect(maySellUnderAgreement([v1, v2], [1], at('2026-03-01T00:00:00Z'))).toBe(true);
    expect(maySellUnderAgreement([v1, v2], [1], at('2026-03-14T23:59:59Z'))).toBe(true);
  });
  it('refuses them after the grace period until they sign the new version', () => {
    expect(maySellUnderAgreement([v1, v2], [1], at('2026-03-15T00:00:00Z'))).toBe(false);
    expect(maySellUnderAgreement([v1, v2], [1, 2], at('2026-03-15T00:00:00Z'))).toBe(true);
  });
  it('counts a signature of a later version than the one required', () => {
    expect(maySellUnderAgreement([v1, v2], [2], at('2026-02-01T00:00:00Z'))).toBe(true);
  });
  it('does not let a new leader sell on the grace of a version they never signed a predecessor of', () => {
    expect(maySellUnderAgreement([v1, v2], [], at('2026-03-02T00:00:00Z'))).toBe(false);
  });
});

describe('pendingAgreement', () => {
  it('names the newest unsigned version with its effective date and sign-by date', () => {
    expect(pendingAgreement([v1, v2], [1])).toEqual({
      version: 2,
      effectiveAt: v2.effectiveAt,
      signBy: at('2026-03-15T00:00:00Z'),
    });
  });
  it('is null when the newest version is signed or none is published', () => {
    expect(pendingAgreement([v1, v2], [1, 2])).toBeNull();
    expect(pendingAgreement([], [])).toBeNull();
  });
});

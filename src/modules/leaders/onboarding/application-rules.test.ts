import { describe, expect, it } from 'vitest';
import { checkApplicationFields } from './application-rules.js';

const TODAY = new Date('2026-03-01T08:00:00Z');
const good = {
  phone: '138 1234 5678',
  idNumber: '11010519491231002x',
  pickupPoint: { latitude: 30.2741234567, longitude: 120.1551 },
};

describe('checkApplicationFields', () => {
  it('normalises phone and ID number and rounds coordinates to the stored precision', () => {
    expect(checkApplicationFields(good, TODAY)).toEqual({
      ok: true,
      value: {
        phone: '13812345678',
        idNumber: '11010519491231002X',
        latitude: 30.274123,
        longitude: 120.1551,
      },
    });
  });

  it('names the phone field for a bad phone', () => {
    expect(checkApplicationFields({ ...good, phone: '12345' }, TODAY)).toEqual({
      ok: false,
      problem: { code: 'onboarding.invalid_phone', field: 'body.phone' },
    });
  });

  it('maps each ID problem to its own code on body.idNumber', () => {
    const cases: Array<[string, string]> = [
      ['1101051949123100', 'onboarding.id_number_format'],
      ['110105194902300028', 'onboarding.id_number_birth_date'],
      ['110105194912310021', 'onboarding.id_number_checksum'],
      ['330106201001010018', 'onboarding.applicant_underage'],
    ];
    for (const [idNumber, code] of cases) {
      const r = checkApplicationFields({ ...good, idNumber }, TODAY);
      expect(r.ok ? null : r.problem.field, idNumber).toBe('body.idNumber');
      expect(r.ok ? null : r.problem.code, idNumber).toBe(code);
    }
  });

  it('refuses coordinates off the globe, naming latitude or longitude', () => {
    for (const [pp, field] of [
      [{ latitude: 90.0001, longitude: 120 }, 'body.pickupPoint.latitude'],
      [{ latitude: -91, longitude: 120 }, 'body.pickupPoint.latitude'],
      [{ latitude: Number.NaN, longitude: 120 }, 'body.pickupPoint.latitude'],
      [{ latitude: 30, longitude: 180.5 }, 'body.pickupPoint.longitude'],
      [{ latitude: 30, longitude: -181 }, 'body.pickupPoint.longitude'],
    ] as const) {
      const r = checkApplicationFields({ ...good, pickupPoint: pp }, TODAY);
      expect(r.ok ? null : r.problem.field).toBe(field);
    }
    expect(
      checkApplicationFields({ ...good, pickupPoint: { latitude: -90, longitude: 180 } }, TODAY).ok,
    ).toBe(true);
  });
});

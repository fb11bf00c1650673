import { normalizePhone } from '../../customers/index.js';
import { checkIdNumber } from './id-number.js';
import type { OnboardingErrorCode } from './onboarding.errors.js';

/**
 * The checks of an application that need no database, as a pure function: each problem names the
 * field a person must fix. The service runs them first, so a bad application is refused before any
 * row is read or written.
 */
export interface ApplicationFields {
  phone: string;
  idNumber: string;
  pickupPoint: { latitude: number; longitude: number };
}

export interface ApplicationProblem {
  code: OnboardingErrorCode;
  field: string;
  detail?: string;
}

export interface CheckedApplication {
  phone: string;
  idNumber: string;
  latitude: number;
  longitude: number;
}

const ID_PROBLEM_CODES = {
  format: 'onboarding.id_number_format',
  birth_date: 'onboarding.id_number_birth_date',
  checksum: 'onboarding.id_number_checksum',
  underage: 'onboarding.applicant_underage',
} as const;

/** The stored precision (numeric(9,6), about 0.1 m). */
function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function checkApplicationFields(
  input: ApplicationFields,
  today: Date,
): { ok: true; value: CheckedApplication } | { ok: false; problem: ApplicationProblem } {
  const phone = normalizePhone(input.phone);
  if (!phone) return { ok: false, problem: { code: 'onboarding.invalid_phone', field: 'body.phone' } };
  const id = checkIdNumber(input.idNumber, today);
  if (!id.ok) return { ok: false, problem: { code: ID_PROBLEM_CODES[id.problem], field: 'body.idNumber' } };
  const { latitude, longitude } = input.pickupPoint;
  if (!Number.isFinite(latitude) || Math.abs(latitude) > 90)
    return {
      ok: false,
      problem: {
        code: 'onboarding.latitude_out_of_range',
        field: 'body.pickupPoint.latitude',
        detail: String(latitude),
      },
    };
  if (!Number.isFinite(longitude) || Math.abs(longitude) > 180)
    return {
      ok: false,
      problem: {
        code: 'onboarding.longitude_out_of_range',
        field: 'body.pickupPoint.longitude',
        detail: String(longitude),
      },
    };
  return {
    ok: true,
    value: { phone, idNumber: id.idNumber, latitude: round6(latitude), longitude: round6(longitude) },
  };
}

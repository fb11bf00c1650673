import { maskPhone, normalizePhone } from '../customers/index.js';
import { MIN_BLOCKED_ADDRESS_CHARS, normalizeAddress } from './evaluate-risk.js';
import type { BlockKind } from './risk.tables.js';

/** The limits an operator may set; one million units or orders is far past any real order. */
export const MAX_LIMIT = 1_000_000;

export interface PolicyInput {
  enabled: boolean;
  maxQuantityPerOrder: number | null;
  maxOrdersPerPhonePerCampaign: number | null;
}

export type Checked<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      code: 'risk.limit_invalid' | 'risk.phone_invalid' | 'risk.address_too_short';
      field: string;
      detail: string;
    };

/** A limit is off (null) or a whole number from 1 to MAX_LIMIT; zero or less would hold every order. */
export function checkPolicy(input: PolicyInput): Checked<PolicyInput> {
  for (const field of ['maxQuantityPerOrder', 'maxOrdersPerPhonePerCampaign'] as const) {
    const v = input[field];
    if (v === null) continue;
    if (!Number.isInteger(v) || v < 1 || v > MAX_LIMIT) {
      return {
        ok: false,
        code: 'risk.limit_invalid',
        field: `body.${field}`,
        detail: `${field} must be empty or a whole number from 1 to ${MAX_LIMIT}, got ${v}`,
      };
    }
  }
  return { ok: true, value: input };
}

/**
 * What is stored for a blocklist entry: for a phone the bare number (the service hashes it) and the
 * masked display; for an address the normalized fragment and the text as typed (trimmed).
 */
export function checkBlockValue(kind: BlockKind, raw: string): Checked<{ normal: string; display: string }> {
  if (kind === 'phone') {
    const phone = normalizePhone(raw);
    if (!phone) {
      return { ok: false, code: 'risk.phone_invalid', field: 'body.value', detail: 'not a mainland mobile' };
    }
    return { ok: true, value: { normal: phone, display: maskPhone(phone) } };
  }
  const normal = normalizeAddress(raw);
  if ([...normal].length < MIN_BLOCKED_ADDRESS_CHARS) {
    return {
      ok: false,
      code: 'risk.address_too_short',
      field: 'body.value',
      detail: `"${normal}" has ${[...normal].length} characters, at least ${MIN_BLOCKED_ADDRESS_CHARS} needed`,
    };
  }
  return { ok: true, value: { normal, display: raw.trim().replace(/\s+/g, ' ') } };
}

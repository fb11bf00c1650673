import type { FieldCrypto } from '../../platform/crypto.js';
import { maskPhone } from '../customers/index.js';
import type { leaders, pickupPoints } from './leaders.tables.js';

export type LeaderRow = typeof leaders.$inferSelect;
export type PickupPointRow = typeof pickupPoints.$inferSelect;

/** The masked phone of a row; a token the key cannot open shows as stars rather than failing the page. */
export function maskedPhoneOf(crypto: FieldCrypto, phoneEnc: string): string {
  try {
    return maskPhone(crypto.decrypt(phoneEnc));
  } catch {
    return '***********';
  }
}

export function leaderView(crypto: FieldCrypto, l: LeaderRow, regionName: string | null) {
  return {
    id: l.id,
    code: l.code,
    name: l.name,
    phoneMasked: maskedPhoneOf(crypto, l.phoneEnc),
    regionId: l.regionId,
    regionName,
    status: l.status,
    userId: l.userId,
    referrerId: l.referrerId,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export function pickupPointView(p: PickupPointRow, regionName: string | null) {
  return {
    id: p.id,
    leaderId: p.leaderId,
    name: p.name,
    address: p.address,
    regionId: p.regionId,
    regionName,
    latitude: p.latitude,
    longitude: p.longitude,
    openingHours: p.openingHours,
    capacity: p.capacity,
    status: p.status,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * What the audit log keeps of a leader. The audit log is plain JSON kept for years, so the phone is
 * recorded masked; `phoneChanged` in an update's after-image says when the number itself changed.
 */
export function leaderAuditView(crypto: FieldCrypto, l: LeaderRow) {
  return {
    code: l.code,
    name: l.name,
    phone: maskedPhoneOf(crypto, l.phoneEnc),
    regionId: l.regionId,
    status: l.status,
    userId: l.userId,
  };
}

export function pickupPointAuditView(p: PickupPointRow) {
  const { createdAt: _c, updatedAt: _u, regionName: _r, ...rest } = pickupPointView(p, null);
  return rest;
}

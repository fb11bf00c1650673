import type { FieldCrypto } from '../../../platform/crypto.js';
import { maskPhone } from '../../customers/index.js';
import { maskIdNumber } from './id-number.js';
import type { leaderApplications } from './onboarding.tables.js';

export type ApplicationRow = typeof leaderApplications.$inferSelect;

/** A masked value of a row; a token the key cannot open shows as stars rather than failing the page. */
function masked(crypto: FieldCrypto, enc: string, mask: (plain: string) => string, length: number): string {
  try {
    return mask(crypto.decrypt(enc));
  } catch {
    return '*'.repeat(length);
  }
}

export const maskedPhone = (crypto: FieldCrypto, r: ApplicationRow) =>
  masked(crypto, r.phoneEnc, maskPhone, 11);
export const maskedIdNumber = (crypto: FieldCrypto, r: ApplicationRow) =>
  masked(crypto, r.idNumberEnc, maskIdNumber, 18);

export interface ReferrerInfo {
  id: string;
  code: string;
  name: string;
}

/** A row as the review queue lists it: phone and ID number masked (ID: first 3 + last 4). */
export function applicationListView(
  crypto: FieldCrypto,
  r: ApplicationRow,
  extra: { regionName: string | null; referrer: ReferrerInfo | null },
) {
  return {
    id: r.id,
    applicationNo: r.applicationNo,
    name: r.name,
    phoneMasked: maskedPhone(crypto, r),
    idNumberMasked: maskedIdNumber(crypto, r),
    regionId: r.regionId,
    regionName: extra.regionName,
    pickupPointName: r.pickupPointName,
    referrer: extra.referrer,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    rejectReason: r.rejectReason,
    firstReview:
      r.firstReviewVerdict && r.firstReviewedAt
        ? {
            verdict: r.firstReviewVerdict,
            note: r.firstReviewNote,
            at: r.firstReviewedAt.toISOString(),
            byName: r.firstReviewedByName,
          }
        : null,
  };
}

/** One application in full for the reviewer, still masked; the reveal route shows the numbers. */
export function applicationDetailView(
  crypto: FieldCrypto,
  r: ApplicationRow,
  extra: {
    regionName: string | null;
    referrer: ReferrerInfo | null;
    leaderCode: string | null;
    username: string | null;
  },
) {
  return {
    ...applicationListView(crypto, r, extra),
    pickupPointAddress: r.pickupPointAddress,
    latitude: r.latitude,
    longitude: r.longitude,
    openingHours: r.openingHours,
    referrerCode: r.referrerCode,
    leaderId: r.leaderId,
    leaderCode: extra.leaderCode,
    pickupPointId: r.pickupPointId,
    userId: r.userId,
    username: extra.username,
    submittedIp: r.submittedIp,
    submittedUserAgent: r.submittedUserAgent,
  };
}

/** What the audit log keeps of an application: personal numbers masked, as everywhere in the log. */
export function applicationAuditView(crypto: FieldCrypto, r: ApplicationRow) {
  return {
    applicationNo: r.applicationNo,
    name: r.name,
    phone: maskedPhone(crypto, r),
    idNumber: maskedIdNumber(crypto, r),
    regionId: r.regionId,
    pickupPointName: r.pickupPointName,
    referrerId: r.referrerId,
    status: r.status,
    rejectReason: r.rejectReason,
    firstReviewVerdict: r.firstReviewVerdict,
    firstReviewNote: r.firstReviewNote,
    leaderId: r.leaderId,
    userId: r.userId,
  };
}

/**
 * When a leader may sell as far as the agreement goes (签约状态), as a pure function of the published
 * versions, the versions the leader signed and the time. A version binds from its effective date
 * plus its grace days (its deadline); until then a signature of an earlier version still counts, so
 * publishing a new version never stops every leader at once.
 */

export interface AgreementVersionTerms {
  version: number;
  effectiveAt: Date;
  graceDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment after which only a signature of this version (or a later one) lets a leader sell. */
export function signDeadline(v: Pick<AgreementVersionTerms, 'effectiveAt' | 'graceDays'>): Date {
  return new Date(v.effectiveAt.getTime() + v.graceDays * DAY_MS);
}

/**
 * The version a leader must have signed (at least) at time t: the highest version whose deadline has
 * come. Null when none has: no agreement binds yet (none published, or the first not yet due).
 */
export function requiredVersionAt(versions: readonly AgreementVersionTerms[], t: Date): number | null {
  let required: number | null = null;
  for (const v of versions) {
    if (signDeadline(v).getTime() <= t.getTime() && (required === null || v.version > required))
      required = v.version;
  }
  return required;
}

/**
 * Whether a leader who signed these versions may sell at t: they signed the required version or a
 * later one. Signing a later version counts because a leader can only ever sign the newest one,
 * which replaces the earlier texts.
 */
export function maySellUnderAgreement(
  versions: readonly AgreementVersionTerms[],
  signedVersions: readonly number[],
  t: Date,
): boolean {
  const required = requiredVersionAt(versions, t);
  if (required === null) return true;
  return signedVersions.some((v) => v >= required);
}

/**
 * What the leader portal reminds a leader of: the newest version when they have not signed it, with
 * when it takes effect and by when they must sign. Null when there is nothing to sign.
 */
export function pendingAgreement(
  versions: readonly AgreementVersionTerms[],
  signedVersions: readonly number[],
): { version: number; effectiveAt: Date; signBy: Date } | null {
  let newest: AgreementVersionTerms | null = null;
  for (const v of versions) if (newest === null || v.version > newest.version) newest = v;
  if (newest === null || signedVersions.includes(newest.version)) return null;
  return { version: newest.version, effectiveAt: newest.effectiveAt, signBy: signDeadline(newest) };
}

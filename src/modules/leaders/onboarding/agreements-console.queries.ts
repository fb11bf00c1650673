import { and, asc, count, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../../platform/audit/index.js';
import type { Executor } from '../../../platform/db/database.js';
import { leaders } from '../leaders.tables.js';
import { regionNames } from '../leaders-console.queries.js';
import { renderSignedAgreementHtml } from './agreement-print.js';
import { onboardingError } from './onboarding.errors.js';
import { agreementSignatures, agreementTemplates } from './onboarding.tables.js';

export interface SignatureStatusQuery {
  /** The version to report on; the current one by default. */
  version?: number | undefined;
  /** Only those who signed it, or only those who have not. */
  signed?: 'signed' | 'unsigned' | undefined;
  /** Leader name or code contains. */
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * Who signed which version and when (签署情况): one row per leader with their signature of the
 * chosen version, if any. "Unsigned" lists exactly the leaders who cannot sell until they sign.
 */
export async function listSignatureStatus(db: Executor, q: SignatureStatusQuery) {
  const [template] = q.version
    ? await db.select().from(agreementTemplates).where(eq(agreementTemplates.version, q.version))
    : await db.select().from(agreementTemplates).orderBy(sql`${agreementTemplates.version} desc`).limit(1);
  if (!template) {
    if (q.version)
      throw onboardingError('onboarding.no_current_agreement', {
        field: 'query.version',
        detail: `no version ${q.version}`,
      });
    return { version: null, items: [], total: 0, signedCount: 0, leaderCount: 0 };
  }
  const joined = and(
    eq(agreementSignatures.leaderId, leaders.id),
    eq(agreementSignatures.templateId, template.id),
  );
  const where: SQL[] = [];
  if (q.signed === 'signed') where.push(isNotNull(agreementSignatures.id));
  if (q.signed === 'unsigned') where.push(isNull(agreementSignatures.id));
  const text = q.q?.trim();
  if (text) {
    const like = `%${escapeLike(text)}%`;
    const m = or(ilike(leaders.name, like), ilike(leaders.code, like));
    if (m) where.push(m);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total], [summary]] = await Promise.all([
    db
      .select({
        leaderId: leaders.id,
        code: leaders.code,
        name: leaders.name,
        status: leaders.status,
        regionId: leaders.regionId,
        signatureId: agreementSignatures.id,
        signedAt: agreementSignatures.signedAt,
        ip: agreementSignatures.ip,
        typedName: agreementSignatures.typedName,
      })
      .from(leaders)
      .leftJoin(agreementSignatures, joined)
      .where(cond)
      .orderBy(asc(leaders.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(leaders).leftJoin(agreementSignatures, joined).where(cond),
    db
      .select({
        leaders: sql<number>`count(*)::int`,
        signed: sql<number>`count(${agreementSignatures.id})::int`,
      })
      .from(leaders)
      .leftJoin(agreementSignatures, joined),
  ]);
  const names = await regionNames(
    db,
    rows.map((r) => r.regionId),
  );
  return {
    version: template.version,
    leaderCount: summary?.leaders ?? 0,
    signedCount: summary?.signed ?? 0,
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      leaderId: r.leaderId,
      code: r.code,
      name: r.name,
      status: r.status,
      regionName: names.get(r.regionId) ?? null,
      signature: r.signatureId
        ? {
            id: r.signatureId,
            signedAt: r.signedAt?.toISOString() ?? '',
            ip: r.ip,
            typedName: r.typedName ?? '',
          }
        : null,
    })),
  };
}

/** The printable HTML of one signed record. */
export async function signedAgreementHtml(db: Executor, id: string): Promise<string> {
  const [row] = await db
    .select({ s: agreementSignatures, t: agreementTemplates, name: leaders.name, code: leaders.code })
    .from(agreementSignatures)
    .innerJoin(agreementTemplates, eq(agreementTemplates.id, agreementSignatures.templateId))
    .innerJoin(leaders, eq(leaders.id, agreementSignatures.leaderId))
    .where(eq(agreementSignatures.id, id));
  if (!row) throw onboardingError('onboarding.signature_not_found', { field: 'params.id', detail: id });
  return renderSignedAgreementHtml({
    id: row.s.id,
    title: row.t.title,
    version: row.s.version,
    body: row.t.body,
    leaderName: row.name,
    leaderCode: row.code,
    typedName: row.s.typedName,
    textSha256: row.s.textSha256,
    signatureSha256: row.s.signatureSha256,
    signaturePng: row.s.signaturePng,
    signedAt: row.s.signedAt,
    ip: row.s.ip,
    userAgent: row.s.userAgent,
  });
}

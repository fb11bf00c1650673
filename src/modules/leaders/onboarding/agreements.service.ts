import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Executor, Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { signDeadline } from './agreement-rules.js';
import { agreementStandingOf } from './agreement-status.js';
import { agreementTextSha256, namesMatch } from './agreement-text.js';
import { onboardingError } from './onboarding.errors.js';
import { agreementSignatures, agreementTemplates } from './onboarding.tables.js';
import {
  activeLeaderOfUser,
  leaderOfUser,
  type OnboardingDeps,
  type OnboardingTxDeps,
  passwordChangeRequired,
  sha256Hex,
  uniqueViolationOf,
} from './onboarding-shared.js';
import { checkSignaturePng } from './signature-png.js';

type TemplateRow = typeof agreementTemplates.$inferSelect;
type SignatureRow = typeof agreementSignatures.$inferSelect;

/** Publishers of new versions take turns, so two at once cannot both become "version 3". */
const PUBLISH_LOCK = 7_464_021_041;

export function templateView(t: TemplateRow, extra: { current: boolean; signedCount?: number }) {
  return {
    id: t.id,
    version: t.version,
    title: t.title,
    body: t.body,
    bodySha256: t.bodySha256,
    publishedAt: t.publishedAt.toISOString(),
    publishedByName: t.publishedByName,
    effectiveAt: t.effectiveAt.toISOString(),
    graceDays: t.graceDays,
    signBy: signDeadline(t).toISOString(),
    current: extra.current,
    signedCount: extra.signedCount ?? 0,
  };
}

export function signatureView(s: SignatureRow) {
  return {
    id: s.id,
    templateId: s.templateId,
    version: s.version,
    leaderId: s.leaderId,
    typedName: s.typedName,
    textSha256: s.textSha256,
    signatureSha256: s.signatureSha256,
    signedAt: s.signedAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
  };
}

/** The agreement every leader must have signed: the highest published version, or null. */
export async function currentAgreement(db: Executor): Promise<TemplateRow | null> {
  const [row] = await db.select().from(agreementTemplates).orderBy(desc(agreementTemplates.version)).limit(1);
  return row ?? null;
}

export interface PublishInput {
  title: string;
  body: string;
  /** ISO date-time; now when left out. */
  effectiveAt?: string | undefined;
  graceDays?: number | undefined;
}

/**
 * A date the console picked as "today" arrives as the start of the day, which is already past when
 * it is published; anything earlier than this much before now is a backdating mistake and refused.
 */
const EFFECTIVE_PAST_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * Publishes a new version of the agreement (发布新版本) in the caller's transaction. It becomes the
 * version leaders are asked to sign at once, and binds from its effective date plus its grace days:
 * until then a leader who signed the previous version still sells. Versions are numbered 1, 2, 3 ...
 * and never change afterwards.
 */
export async function publishAgreementTx(
  deps: OnboardingTxDeps,
  tx: Tx,
  actor: Actor,
  input: PublishInput,
): Promise<TemplateRow> {
  const now = deps.clock.now();
  let effectiveAt = now;
  if (input.effectiveAt !== undefined) {
    const asked = new Date(input.effectiveAt);
    if (Number.isNaN(asked.getTime()) || asked.getTime() < now.getTime() - EFFECTIVE_PAST_TOLERANCE_MS)
      throw onboardingError('onboarding.agreement_effective_past', { field: 'body.effectiveAt' });
    // Earlier today means "now": a version cannot have bound before it existed.
    if (asked.getTime() > now.getTime()) effectiveAt = asked;
  }
  const graceDays = input.graceDays ?? 0;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`);
  const [last] = await tx
    .select({ version: sql<number>`coalesce(max(${agreementTemplates.version}), 0)::int` })
    .from(agreementTemplates);
  const version = (last?.version ?? 0) + 1;
  const [row] = await tx
    .insert(agreementTemplates)
    .values({
      id: newId('agreementTemplate'),
      version,
      title: input.title.trim(),
      body: input.body,
      bodySha256: agreementTextSha256(input.body),
      publishedAt: now,
      publishedBy: actor.actorId,
      publishedByName: actor.actorName,
      effectiveAt,
      graceDays,
    })
    .returning();
  if (!row) throw new Error('agreement insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'agreement.publish',
    entityType: 'agreement_template',
    entityId: row.id,
    after: {
      version,
      title: row.title,
      bodySha256: row.bodySha256,
      effectiveAt: row.effectiveAt.toISOString(),
      graceDays: row.graceDays,
    },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader_agreement.published',
      aggregateType: 'agreement_template',
      aggregateId: row.id,
      payload: {
        version,
        bodySha256: row.bodySha256,
        effectiveAt: row.effectiveAt.toISOString(),
        graceDays: row.graceDays,
      },
    },
    actor.requestId,
  );
  return row;
}

export async function publishAgreement(deps: OnboardingDeps, actor: Actor, input: PublishInput) {
  return deps.db.transaction(async (tx) =>
    templateView(await publishAgreementTx(deps, tx, actor, input), { current: true }),
  );
}

export async function listAgreementTemplates(db: Executor) {
  const signed = db
    .select({ templateId: agreementSignatures.templateId, n: count().as('n') })
    .from(agreementSignatures)
    .groupBy(agreementSignatures.templateId)
    .as('signed');
  const rows = await db
    .select({ t: agreementTemplates, n: signed.n })
    .from(agreementTemplates)
    .leftJoin(signed, eq(signed.templateId, agreementTemplates.id))
    .orderBy(desc(agreementTemplates.version));
  const top = rows[0]?.t.version;
  return {
    items: rows.map((r) => templateView(r.t, { current: r.t.version === top, signedCount: r.n ?? 0 })),
  };
}

/** What the leader's signing page shows: the current text, and whether (and when) they signed it. */
export async function myAgreement(deps: Pick<OnboardingDeps, 'db' | 'clock'>, userId: string) {
  const leader = await leaderOfUser(deps.db, userId);
  const standing = await agreementStandingOf(deps.db, leader.id, deps.clock.now());
  const current = await currentAgreement(deps.db);
  const history = await deps.db
    .select()
    .from(agreementSignatures)
    .where(eq(agreementSignatures.leaderId, leader.id))
    .orderBy(desc(agreementSignatures.version));
  const signedCurrent = current ? (history.find((s) => s.templateId === current.id) ?? null) : null;
  return {
    leader: { id: leader.id, code: leader.code, name: leader.name },
    passwordChangeRequired: await passwordChangeRequired(deps.db, userId),
    current: current ? templateView(current, { current: true }) : null,
    // Nothing to sign counts as signed: a company that publishes no agreement is not blocked.
    signed: current === null || signedCurrent !== null,
    maySell: standing.maySell,
    signature: signedCurrent ? signatureView(signedCurrent) : null,
    history: history.map(signatureView),
  };
}

/**
 * Stores one signature of a version, with the hash of the version's text recomputed here (not taken
 * from the page), its audit record and `leader_agreement.signed`. Checks are the caller's.
 */
export async function recordSignatureTx(
  deps: OnboardingTxDeps,
  tx: Tx,
  actor: Actor,
  input: {
    template: TemplateRow;
    leaderId: string;
    userId: string | null;
    typedName: string;
    png: Buffer;
    userAgent: string | null;
  },
): Promise<SignatureRow> {
  const [row] = await tx
    .insert(agreementSignatures)
    .values({
      id: newId('agreementSignature'),
      templateId: input.template.id,
      version: input.template.version,
      leaderId: input.leaderId,
      userId: input.userId,
      typedName: input.typedName,
      consent: true,
      textSha256: agreementTextSha256(input.template.body),
      signaturePng: input.png,
      signatureSha256: sha256Hex(input.png),
      signedAt: deps.clock.now(),
      ip: actor.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    })
    .returning();
  if (!row) throw new Error('signature insert returned no row');
  await recordAudit(tx, deps.clock, actor, {
    action: 'agreement.sign',
    entityType: 'agreement_signature',
    entityId: row.id,
    after: {
      leaderId: row.leaderId,
      version: row.version,
      textSha256: row.textSha256,
      signatureSha256: row.signatureSha256,
      ip: row.ip,
    },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'leader_agreement.signed',
      aggregateType: 'leader',
      aggregateId: row.leaderId,
      payload: { signatureId: row.id, templateId: row.templateId, version: row.version },
    },
    actor.requestId,
  );
  return row;
}

export interface SignInput {
  version: number;
  textSha256: string;
  typedName: string;
  consent: boolean;
  signaturePng: string;
}

/**
 * A leader signs the current agreement (签署协议). The page sends back the version and the text
 * hash it showed, so a version published while they were reading is refused rather than signed
 * unseen. The signature image is checked to be a real PNG with ink on it before it is stored.
 */
export async function signAgreement(
  deps: OnboardingDeps,
  actor: Actor,
  userId: string,
  input: SignInput,
  meta: { userAgent: string | null },
) {
  if (input.consent !== true) throw onboardingError('onboarding.consent_required', { field: 'body.consent' });
  const png = checkSignaturePng(input.signaturePng);
  if (!png.ok) {
    const code =
      png.problem === 'blank'
        ? 'onboarding.signature_blank'
        : png.problem === 'too_large'
          ? 'onboarding.signature_too_large'
          : 'onboarding.signature_invalid';
    throw onboardingError(code, { field: 'body.signaturePng', detail: png.detail });
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const leader = await activeLeaderOfUser(tx, userId);
      const current = await currentAgreement(tx);
      if (!current) throw onboardingError('onboarding.no_current_agreement');
      if (input.version !== current.version)
        throw onboardingError('onboarding.agreement_outdated', {
          field: 'body.version',
          detail: `current version is ${current.version}`,
        });
      if (input.textSha256 !== current.bodySha256)
        throw onboardingError('onboarding.agreement_outdated', {
          field: 'body.textSha256',
          detail: 'the text shown is not the current version’s text',
        });
      if (!namesMatch(input.typedName, leader.name))
        throw onboardingError('onboarding.typed_name_mismatch', { field: 'body.typedName' });
      const [already] = await tx
        .select({ id: agreementSignatures.id })
        .from(agreementSignatures)
        .where(
          and(eq(agreementSignatures.leaderId, leader.id), eq(agreementSignatures.templateId, current.id)),
        );
      if (already) throw onboardingError('onboarding.agreement_already_signed', { field: 'body.version' });
      const row = await recordSignatureTx(deps, tx, actor, {
        template: current,
        leaderId: leader.id,
        userId,
        typedName: input.typedName.trim(),
        png: png.png,
        userAgent: meta.userAgent,
      });
      return signatureView(row);
    });
  } catch (err) {
    if (uniqueViolationOf(err) === 'agreement_signatures_leader_template_idx')
      throw onboardingError('onboarding.agreement_already_signed', { field: 'body.version' });
    throw err;
  }
}

/** A leader's signature records, newest version first (for the leader detail page). */
export async function agreementRecordsOfLeader(db: Executor, leaderId: string) {
  const current = await currentAgreement(db);
  const rows = await db
    .select({ s: agreementSignatures, title: agreementTemplates.title })
    .from(agreementSignatures)
    .innerJoin(agreementTemplates, eq(agreementTemplates.id, agreementSignatures.templateId))
    .where(eq(agreementSignatures.leaderId, leaderId))
    .orderBy(desc(agreementSignatures.version), asc(agreementSignatures.signedAt));
  return {
    currentVersion: current?.version ?? null,
    signedCurrent: current === null || rows.some((r) => r.s.templateId === current.id),
    items: rows.map((r) => ({ ...signatureView(r.s), title: r.title })),
  };
}

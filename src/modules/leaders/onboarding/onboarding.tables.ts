import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { leaders, pickupPoints, regions } from '../leaders.tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const FIRST_REVIEW_VERDICTS = ['approve', 'reject'] as const;
export type FirstReviewVerdict = (typeof FIRST_REVIEW_VERDICTS)[number];

/**
 * Applications to become a leader (团长申请), made on the public H5 page. Phone and ID number are
 * stored only encrypted (FieldCrypto), with keyed hashes for duplicate detection: the partial unique
 * indexes allow one pending-or-approved application per phone and per ID number, so two racing
 * submissions cannot both pass. The applicant follows their application through a status link whose
 * token is stored only as its SHA-256. Approval fills in the leader, pickup point and login it made.
 */
export const leaderApplications = pgTable(
  'leader_applications',
  {
    id: text('id').primaryKey(),
    /** Short number the applicant can quote to the company (e.g. SQ260301-7K3M). */
    applicationNo: text('application_no').notNull(),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneHash: text('phone_hash').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    pickupPointName: text('pickup_point_name').notNull(),
    pickupPointAddress: text('pickup_point_address').notNull(),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }).notNull(),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }).notNull(),
    openingHours: text('opening_hours').notNull(),
    /** The code as typed or carried by the invite link, and the leader it named at submission. */
    referrerCode: text('referrer_code'),
    referrerId: text('referrer_id').references(() => leaders.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('pending'),
    statusTokenHash: text('status_token_hash').notNull(),
    rejectReason: text('reject_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    leaderId: text('leader_id').references(() => leaders.id),
    pickupPointId: text('pickup_point_id').references(() => pickupPoints.id),
    /** The login made on approval; users belong to the platform, so a plain id (as leaders.user_id). */
    userId: text('user_id'),
    /**
     * SHA-256 of the initial password's hash. While the user's password hash still matches it, the
     * leader has not changed the password the reviewer handed over, and the leader pages ask them to.
     * Only a fingerprint: the hash itself stays in `users`.
     */
    initialPasswordFingerprint: text('initial_password_fingerprint'),
    /**
     * A region manager's first review (初审), when the company turns it on: their recommendation and
     * note. It only informs the operator, whose decision (`status`) stays final.
     */
    firstReviewVerdict: text('first_review_verdict', { enum: FIRST_REVIEW_VERDICTS }),
    firstReviewNote: text('first_review_note'),
    firstReviewedAt: timestamp('first_reviewed_at', { withTimezone: true }),
    firstReviewedBy: text('first_reviewed_by'),
    firstReviewedByName: text('first_reviewed_by_name'),
    submittedIp: text('submitted_ip'),
    submittedUserAgent: text('submitted_user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('leader_applications_no_idx').on(t.applicationNo),
    uniqueIndex('leader_applications_token_idx').on(t.statusTokenHash),
    uniqueIndex('leader_applications_open_phone_idx')
      .on(t.phoneHash)
      .where(sql`${t.status} in ('pending', 'approved')`),
    uniqueIndex('leader_applications_open_id_number_idx')
      .on(t.idNumberHash)
      .where(sql`${t.status} in ('pending', 'approved')`),
    uniqueIndex('leader_applications_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
    index('leader_applications_status_idx').on(t.status, t.createdAt),
    index('leader_applications_region_idx').on(t.regionId),
    index('leader_applications_referrer_idx').on(t.referrerId),
    check('leader_applications_status_check', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check(
      'leader_applications_first_review_check',
      sql`(${t.firstReviewVerdict} is null) = (${t.firstReviewedAt} is null)
        and (${t.firstReviewVerdict} is null or ${t.firstReviewVerdict} in ('approve', 'reject'))`,
    ),
    check('leader_applications_latitude_check', sql`${t.latitude} between -90 and 90`),
    check('leader_applications_longitude_check', sql`${t.longitude} between -180 and 180`),
    check(
      'leader_applications_decision_check',
      sql`(${t.status} = 'pending') = (${t.decidedAt} is null)
        and (${t.status} <> 'rejected' or ${t.rejectReason} is not null)
        and (${t.status} <> 'approved' or (${t.leaderId} is not null and ${t.userId} is not null))`,
    ),
  ],
);

/**
 * Agreement versions (协议模板). A version is immutable once published (a trigger refuses UPDATE and
 * DELETE): signatures point at it and carry the hash of its text. The current agreement is the
 * highest version; every leader must sign it by its effective date plus its grace days, and until
 * then a signature of an earlier version still lets them sell (see agreement-rules.ts).
 */
export const agreementTemplates = pgTable(
  'agreement_templates',
  {
    id: text('id').primaryKey(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodySha256: text('body_sha256').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by'),
    publishedByName: text('published_by_name'),
    /** When the version takes effect (生效日期); never before it was published. */
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    /** Days after `effective_at` during which a signature of an earlier version still counts (宽限期). */
    graceDays: integer('grace_days').notNull().default(0),
  },
  (t) => [
    uniqueIndex('agreement_templates_version_idx').on(t.version),
    check('agreement_templates_version_check', sql`${t.version} > 0`),
    check('agreement_templates_grace_check', sql`${t.graceDays} between 0 and 365`),
  ],
);

/**
 * A leader's signature of one agreement version (电子签约记录): the drawn signature (PNG), the name they
 * typed, the SHA-256 of the exact text they signed, when, from where and with what browser.
 * Append-only (a trigger refuses UPDATE and DELETE): this is evidence.
 */
export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id')
      .notNull()
      .references(() => agreementTemplates.id),
    version: integer('version').notNull(),
    leaderId: text('leader_id')
      .notNull()
      .references(() => leaders.id),
    /** The login that signed; null only for records the demo seed made for leaders without a login. */
    userId: text('user_id'),
    typedName: text('typed_name').notNull(),
    consent: boolean('consent').notNull(),
    textSha256: text('text_sha256').notNull(),
    signaturePng: bytea('signature_png').notNull(),
    signatureSha256: text('signature_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    uniqueIndex('agreement_signatures_leader_template_idx').on(t.leaderId, t.templateId),
    index('agreement_signatures_template_idx').on(t.templateId, t.signedAt),
    check('agreement_signatures_consent_check', sql`${t.consent}`),
  ],
);

export const MATERIAL_KINDS = ['article', 'video', 'document'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_STATUSES = ['active', 'archived'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/**
 * Training materials (培训资料): an article (sanitized rich-text HTML) or a link to a video or a
 * document. `required` ones count towards a leader's training being complete. Archived materials
 * are hidden from leaders but keep their completions.
 */
export const trainingMaterials = pgTable(
  'training_materials',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind', { enum: MATERIAL_KINDS }).notNull(),
    bodyHtml: text('body_html'),
    url: text('url'),
    required: boolean('required').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    status: text('status', { enum: MATERIAL_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('training_materials_order_idx').on(t.status, t.sortOrder),
    check('training_materials_kind_check', sql`${t.kind} in ('article', 'video', 'document')`),
    check('training_materials_status_check', sql`${t.status} in ('active', 'archived')`),
    check(
      'training_materials_content_check',
      sql`(${t.kind} = 'article' and ${t.bodyHtml} is not null) or (${t.kind} <> 'article' and ${t.url} is not null)`,
    ),
  ],
);

/** A leader finished a material (学习完成); once per leader and material. */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    materialId: text('material_id')
      .notNull()
      .references(() => trainingMaterials.id),
    leaderId: text('leader_id')
      .notNull()
      .references(() => leaders.id),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.materialId, t.leaderId] }),
    index('training_completions_leader_idx').on(t.leaderId),
  ],
);

/**
 * The company's onboarding settings (招募设置), one row. `regionFirstReview` lets region managers do
 * the first review (初审) of applications in their regions; the operator still decides.
 */
export const leaderOnboardingSettings = pgTable(
  'leader_onboarding_settings',
  {
    id: integer('id').primaryKey(),
    regionFirstReview: boolean('region_first_review').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [check('leader_onboarding_settings_one_row', sql`${t.id} = 1`)],
);

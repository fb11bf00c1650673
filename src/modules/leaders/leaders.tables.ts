import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Regions (区域): province / city / district, or a company's own areas. The leaders issue adds
 * region managers on top of this table.
 */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: text('parent_id'),
    level: text('level', { enum: ['province', 'city', 'district', 'area'] }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentId)],
);

export const LEADER_STATUSES = ['active', 'suspended'] as const;
export type LeaderStatus = (typeof LEADER_STATUSES)[number];

export const PICKUP_POINT_STATUSES = ['active', 'closed'] as const;
export type PickupPointStatus = (typeof PICKUP_POINT_STATUSES)[number];

/**
 * A group leader (团长). This is the minimal table the order intake needs; the leaders issue adds
 * level, referrer, application and agreement columns or tables beside it (new nullable columns, so
 * existing rows stay valid). The phone is encrypted with the platform's FieldCrypto, and its keyed
 * hash is unique so one person cannot be two leaders. `code` travels in share links and is what a
 * customer's order names.
 */
export const leaders = pgTable(
  'leaders',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    phoneHash: text('phone_hash').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    status: text('status', { enum: LEADER_STATUSES }).notNull().default('active'),
    /** The login (role leader) this leader uses, when they have one; users belong to the platform. */
    userId: text('user_id'),
    /**
     * The current referrer (推荐人), bound at creation, moved only by an admin. The closure table
     * `leader_closure` and the history `leader_referrer_periods` (network/network.tables.ts) are kept
     * in step with it in the same transaction.
     */
    referrerId: text('referrer_id').references((): AnyPgColumn => leaders.id),
    /**
     * The current level (团长等级, levels/levels.tables.ts); its history is `leader_level_history`.
     * The foreign key to leader_levels is declared in the levels migration (no import cycle here).
     */
    levelId: text('level_id'),
    /** After an override with a hold: no automatic re-assessment before this moment. */
    levelHeldUntil: timestamp('level_held_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('leaders_code_idx').on(t.code),
    uniqueIndex('leaders_phone_hash_idx').on(t.phoneHash),
    uniqueIndex('leaders_user_idx').on(t.userId).where(sql`${t.userId} is not null`),
    index('leaders_region_idx').on(t.regionId),
    index('leaders_referrer_idx').on(t.referrerId),
    index('leaders_level_idx').on(t.levelId),
    check('leaders_status_check', sql`${t.status} in ('active', 'suspended')`),
    // The share-code alphabet leaves out 0, O, 1 and I, which people misread when typing a code.
    check('leaders_code_check', sql`${t.code} ~ '^[A-HJ-NP-Z2-9]{6}$'`),
  ],
);

/**
 * A pickup point (自提点) a leader hosts, where customers collect their orders. Coordinates are
 * optional (an operator may not know them yet) but, when given, must be on the globe.
 */
export const pickupPoints = pgTable(
  'pickup_points',
  {
    id: text('id').primaryKey(),
    leaderId: text('leader_id')
      .notNull()
      .references(() => leaders.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    openingHours: text('opening_hours').notNull().default(''),
    capacity: integer('capacity'),
    status: text('status', { enum: PICKUP_POINT_STATUSES }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('pickup_points_leader_idx').on(t.leaderId),
    index('pickup_points_region_idx').on(t.regionId),
    check('pickup_points_status_check', sql`${t.status} in ('active', 'closed')`),
    check('pickup_points_latitude_check', sql`${t.latitude} between -90 and 90`),
    check('pickup_points_longitude_check', sql`${t.longitude} between -180 and 180`),
    check('pickup_points_capacity_check', sql`${t.capacity} >= 0`),
  ],
);

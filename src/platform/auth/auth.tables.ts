import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-case; the unique index makes "Alice" and "alice" one account. */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    /**
     * Set on an account whose password someone else chose and handed over (a leader import's
     * one-time password); cleared when the user changes it. Until then the leader pages answer only
     * the change of password.
     */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('users_status_check', sql`${t.status} in ('active', 'disabled')`),
    check('users_roles_nonempty', sql`cardinality(${t.roles}) > 0`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the cookie token: a leaked table does not hand out live sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed attempts at something guessable (a password, a pickup code), counted per key and shared by
 * every server process. `scope` names what is counted (`login.pair`, `login.address` ...), `key`
 * whom: an address, a username, a keyed hash of a phone. A row whose last failure is older than its
 * policy's memory counts from zero again; old rows are purged by the daily sessions purge.
 */
export const attemptThrottles = pgTable(
  'attempt_throttles',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    /** No attempt is looked at before this moment; null while the failures are still free. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('attempt_throttles_last_failure_idx').on(t.lastFailureAt),
    check('attempt_throttles_failures_check', sql`${t.failures} >= 0`),
  ],
);

/**
 * The one-time setup link of a company without any user (SEED_DEMO=false): at most one row, replaced
 * at each start while no user exists. Only the SHA-256 of the link's token is stored; the link works
 * once, before `expires_at`, and only while there is still no user.
 */
export const setupTokens = pgTable('setup_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

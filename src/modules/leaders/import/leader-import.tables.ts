import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The stored upload of an import job. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Leader import jobs (团长导入任务): the same record as `catalog_imports`, so the shared import
 * runner (src/platform/imports) keeps both: progress, counts and the capped row-by-row report.
 */
export const leaderImports = pgTable(
  'leader_imports',
  {
    id: text('id').primaryKey(),
    mode: text('mode', { enum: ['validate', 'import_valid_rows', 'import_all'] }).notNull(),
    status: text('status', {
      enum: ['running', 'validated', 'completed', 'rejected', 'failed'],
    }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
    message: text('message'),
    actorId: text('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The uploaded file, kept while the job runs so that another process can resume it; cleared at the end. */
    file: bytea('file'),
    /** Who started the job: the audit records of a resumed run name them too. */
    actor: jsonb('actor'),
    /** Spreadsheet rows already written, each chunk recording its own in its transaction. */
    doneRows: integer('done_rows').array().notNull().default(sql`'{}'::integer[]`),
    /** The fencing token of the run that holds the job (see src/platform/imports/import-job.ts). */
    runner: text('runner'),
    /** When the importing operator downloaded the sheet of one-time passwords (then erased). */
    credentialsDownloadedAt: timestamp('credentials_downloaded_at', { withTimezone: true }),
  },
  (t) => [
    index('leader_imports_created_idx').on(t.createdAt),
    check(
      'leader_imports_status_check',
      sql`${t.status} in ('running', 'validated', 'completed', 'rejected', 'failed')`,
    ),
  ],
);

/**
 * The logins a leader import made, with their one-time passwords encrypted by the field key, until
 * the importing operator downloads the sheet once: the download deletes the rows, so a password
 * exists only in that sheet afterwards. Written in the chunk's transaction with the leader and the
 * user, so a resumed job (which leaves out the rows already written) never makes a login twice.
 */
export const leaderImportCredentials = pgTable(
  'leader_import_credentials',
  {
    id: text('id').primaryKey(),
    importId: text('import_id')
      .notNull()
      .references(() => leaderImports.id),
    /** The spreadsheet row the leader came from. */
    row: integer('row').notNull(),
    leaderId: text('leader_id').notNull(),
    userId: text('user_id').notNull(),
    username: text('username').notNull(),
    passwordEnc: text('password_enc').notNull(),
  },
  (t) => [uniqueIndex('leader_import_credentials_row_idx').on(t.importId, t.row)],
);

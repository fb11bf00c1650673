import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from './database.js';

/**
 * Pieces of one SQL statement that several modules contribute to: each writes its rows in CTEs
 * (`name AS (INSERT ...)`) and may add columns to the statement's final SELECT. The order intake
 * folds a batch's writes (its orders' events, the stock movements, the audit records, the stored
 * answers) into one round trip this way: on a loaded two-core machine each round trip waits for a
 * busy event loop, so the number of statements, not their size, sets how long the hot rows stay locked.
 *
 * Data-modifying CTEs all run to completion whether or not the SELECT reads them, and they all see
 * the snapshot the statement started with: a part must not depend on another part's rows (a foreign
 * key to a row written in the same statement is fine; it is checked at the end of the statement).
 */
export interface StatementParts {
  ctes: SQL[];
  /** `expression AS name` entries of the final SELECT. */
  outputs: SQL[];
}

export const NO_PARTS: StatementParts = { ctes: [], outputs: [] };

/** A CTE definition `name AS (body)`. */
export function cte(name: string, body: SQL): SQL {
  return sql`${sql.identifier(name)} AS (${body})`;
}

export function combineParts(...parts: readonly StatementParts[]): StatementParts {
  return { ctes: parts.flatMap((p) => p.ctes), outputs: parts.flatMap((p) => p.outputs) };
}

/** The parts as one statement: `WITH ... SELECT ...`. */
export function partsStatement(parts: StatementParts): SQL | null {
  if (parts.ctes.length === 0 && parts.outputs.length === 0) return null;
  const outputs = parts.outputs.length ? sql.join(parts.outputs, sql`, `) : sql`1 AS done`;
  if (parts.ctes.length === 0) return sql`SELECT ${outputs}`;
  return sql`WITH ${sql.join(parts.ctes, sql`, `)} SELECT ${outputs}`;
}

/** Runs the parts as one statement in `tx` and returns its single row (empty when there was nothing). */
export async function executeParts<R extends Record<string, unknown>>(
  tx: Tx,
  parts: StatementParts,
): Promise<Partial<R>> {
  const statement = partsStatement(parts);
  if (!statement) return {};
  const result = await tx.execute<R>(statement);
  return (result.rows[0] ?? {}) as Partial<R>;
}

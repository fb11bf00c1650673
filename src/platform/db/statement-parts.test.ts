import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { combineParts, cte, NO_PARTS, partsStatement } from './statement-parts.js';

const dialect = new PgDialect();
const render = (q: ReturnType<typeof partsStatement>) => (q ? dialect.sqlToQuery(q) : null);

describe('statement parts', () => {
  it('makes nothing of no parts', () => {
    expect(partsStatement(NO_PARTS)).toBeNull();
    expect(partsStatement(combineParts(NO_PARTS, NO_PARTS))).toBeNull();
  });

  it('folds the parts of several writers into one WITH statement, parameters in order', () => {
    const a = { ctes: [cte('a', sql`INSERT INTO t (x) VALUES (${1})`)], outputs: [] };
    const b = {
      ctes: [cte('b', sql`INSERT INTO u (y) VALUES (${'two'})`)],
      outputs: [sql`pg_notify('c', ${'id'}) AS b_notify`],
    };
    expect(render(partsStatement(combineParts(a, b)))).toMatchObject({
      sql: `WITH "a" AS (INSERT INTO t (x) VALUES ($1)), "b" AS (INSERT INTO u (y) VALUES ($2)) SELECT pg_notify('c', $3) AS b_notify`,
      params: [1, 'two', 'id'],
    });
  });

  it('selects a constant when no part adds an output, so the statement still returns its row', () => {
    const q = render(partsStatement({ ctes: [cte('a', sql`DELETE FROM t`)], outputs: [] }));
    expect(q?.sql).toBe('WITH "a" AS (DELETE FROM t) SELECT 1 AS done');
  });
});

import { sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import { pgErrorOf } from '../../platform/db/pg-error.js';
import { type AccountRef, accountCode, isCompanyKind, isLeaderKind } from './accounts.js';
import { ledgerError } from './ledger.errors.js';
import { ledgerAccounts, ledgerBalances, ledgerPostings, ledgerTransfers } from './ledger.tables.js';

/**
 * One movement to post. `key` is derived from the cause (an order line and rule, a withdrawal and
 * its leg), so posting it again, by a retry or a recompute, is skipped rather than doubled. A replay
 * must carry the same content (accounts, amount, cause; the memo is free text and may differ): a key
 * posted before with other content is refused with `ledger.transfer_key_reused`, since the caller
 * computed a different movement for the same cause and skipping it would hide the difference.
 */
export interface TransferInput {
  key: string;
  debit: AccountRef;
  credit: AccountRef;
  amountFen: number;
  causeType: string;
  causeId: string;
  memo?: string | undefined;
}

export interface PostResult {
  /** Transfers written by this call. */
  posted: number;
  /** Transfers whose key was already posted (by an earlier call or earlier in this one). */
  skipped: number;
}

/** Transfers per INSERT statement: big enough to amortise the round trip, small enough for one parameter. */
const CHUNK = 10_000;

const arr = (values: readonly unknown[]) => sql.param(values);

function validate(t: TransferInput, i: number): void {
  const bad = (field: string, detail: string) =>
    ledgerError('ledger.invalid_transfer', { field: `transfers.${i}.${field}`, detail });
  if (typeof t.key !== 'string' || t.key.length < 1 || t.key.length > 200)
    throw bad('key', 'key must be 1-200 characters');
  if (!Number.isSafeInteger(t.amountFen) || t.amountFen <= 0)
    throw bad('amountFen', `amount must be a whole number of fen above 0, got ${t.amountFen}`);
  if (typeof t.causeType !== 'string' || t.causeType.length < 1 || t.causeType.length > 64)
    throw bad('causeType', 'cause type must be 1-64 characters');
  if (typeof t.causeId !== 'string' || t.causeId.length < 1) throw bad('causeId', 'cause id is required');
  for (const side of ['debit', 'credit'] as const) {
    const ref = t[side];
    const ok =
      ref.owner === 'leader'
        ? typeof ref.leaderId === 'string' && ref.leaderId.length > 0 && isLeaderKind(ref.kind)
        : ref.owner === 'company' && isCompanyKind(ref.kind);
    if (!ok) throw bad(side, `not an account: ${JSON.stringify(ref)}`);
  }
  if (accountCode(t.debit) === accountCode(t.credit))
    throw bad('credit', `debit and credit are the same account ${accountCode(t.debit)}`);
}

function sameContent(a: TransferInput, b: TransferInput): boolean {
  return (
    accountCode(a.debit) === accountCode(b.debit) &&
    accountCode(a.credit) === accountCode(b.credit) &&
    a.amountFen === b.amountFen &&
    a.causeType === b.causeType &&
    a.causeId === b.causeId
  );
}

/**
 * Ids of the named accounts, creating the missing ones (with a zero balance) on first use. In the
 * steady state every account exists and this is one indexed SELECT. New accounts are inserted in
 * code order, so two transactions creating overlapping accounts take their index locks in the same order.
 */
export async function ensureAccounts(
  tx: Tx,
  now: Date,
  refs: ReadonlyMap<string, AccountRef>,
): Promise<Map<string, number>> {
  const codes = [...refs.keys()].sort();
  const ids = new Map<string, number>();
  if (codes.length === 0) return ids;
  const found = await tx.execute<{ id: number; code: string }>(
    sql`SELECT id, code FROM ${ledgerAccounts} WHERE code = ANY(${arr(codes)}::text[])`,
  );
  for (const r of found.rows) ids.set(r.code, Number(r.id));
  const missing = codes.filter((c) => !ids.has(c));
  if (missing.length === 0) return ids;
  const owners: string[] = [];
  const leaderIds: (string | null)[] = [];
  const kinds: string[] = [];
  for (const code of missing) {
    const ref = refs.get(code);
    if (!ref) throw new Error(`no account reference for ${code}`);
    owners.push(ref.owner);
    leaderIds.push(ref.owner === 'leader' ? ref.leaderId : null);
    kinds.push(ref.kind);
  }
  const created = await tx.execute<{ id: number; code: string }>(sql`
    WITH input AS (
      SELECT * FROM unnest(${arr(missing)}::text[], ${arr(owners)}::text[], ${arr(leaderIds)}::text[],
                           ${arr(kinds)}::text[]) AS i(code, owner, leader_id, kind)
    ), new_accounts AS (
      INSERT INTO ${ledgerAccounts} (code, owner, leader_id, kind, created_at)
      SELECT code, owner, leader_id, kind, ${now.toISOString()}::timestamptz FROM input ORDER BY code
      ON CONFLICT (code) DO NOTHING
      RETURNING id, code, owner, kind
    ), new_balances AS (
      INSERT INTO ${ledgerBalances} (account_id, owner, kind, balance_fen, updated_at)
      SELECT id, owner, kind, 0, ${now.toISOString()}::timestamptz FROM new_accounts
    )
    SELECT id, code FROM new_accounts`);
  for (const r of created.rows) ids.set(r.code, Number(r.id));
  // A concurrent transaction created the rest first (our insert waited for it, then skipped them);
  // this new statement's snapshot sees its committed rows.
  const raced = missing.filter((c) => !ids.has(c));
  if (raced.length > 0) {
    const again = await tx.execute<{ id: number; code: string }>(
      sql`SELECT id, code FROM ${ledgerAccounts} WHERE code = ANY(${arr(raced)}::text[])`,
    );
    for (const r of again.rows) ids.set(r.code, Number(r.id));
  }
  for (const c of codes) if (!ids.has(c)) throw new Error(`ledger account ${c} could not be created`);
  return ids;
}

/**
 * Locks the balance rows of `accountIds` in ascending id order. Every posting locks this way before
 * it writes, so two postings that share accounts wait for each other instead of deadlocking.
 */
export async function lockBalances(tx: Tx, accountIds: readonly number[]): Promise<void> {
  if (accountIds.length === 0) return;
  await tx.execute(sql`
    SELECT account_id FROM ${ledgerBalances}
    WHERE account_id = ANY(${arr(accountIds)}::bigint[]) ORDER BY account_id FOR UPDATE`);
}

function isBalanceCheckViolation(err: unknown): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23514' && pg.constraint === 'ledger_balances_leader_sign_check';
}

/**
 * Posts `transfers` in the caller's transaction, set-based: accounts are created on first use, the
 * balance rows are locked in id order, then each chunk is ONE statement that inserts the transfers
 * (`ON CONFLICT (key) DO NOTHING RETURNING`) and adds to each balance the sum of the movements that
 * were actually inserted (one UPDATE per account per chunk, however many transfers touch it). A key
 * already posted with the same content is skipped; with other content (earlier, or within this call)
 * it is a caller bug and is refused, and the caller's transaction rolls back whole. All transfers of
 * one call share one posting row.
 *
 * A posting that would take a leader's balance past its natural side (available below zero) is
 * refused by the database CHECK and surfaces as `ledger.balance_below_zero`; the caller's
 * transaction then rolls back whole.
 */
export async function postTransfersTx(
  tx: Tx,
  clock: Clock,
  transfers: readonly TransferInput[],
): Promise<PostResult> {
  const unique = new Map<string, TransferInput>();
  for (const [i, t] of transfers.entries()) {
    validate(t, i);
    const seen = unique.get(t.key);
    if (!seen) unique.set(t.key, t);
    else if (!sameContent(seen, t)) {
      throw ledgerError('ledger.invalid_transfer', {
        field: `transfers.${i}.key`,
        detail: `key ${t.key} appears twice with different content`,
      });
    }
  }
  if (unique.size === 0) return { posted: 0, skipped: transfers.length };
  const now = clock.now();
  const refs = new Map<string, AccountRef>();
  for (const t of unique.values()) {
    refs.set(accountCode(t.debit), t.debit);
    refs.set(accountCode(t.credit), t.credit);
  }
  const ids = await ensureAccounts(tx, now, refs);
  await lockBalances(
    tx,
    [...ids.values()].sort((a, b) => a - b),
  );
  const [seq] = (
    await tx.execute<{ id: number }>(
      sql`SELECT nextval(pg_get_serial_sequence('ledger_postings', 'id'))::bigint AS id`,
    )
  ).rows;
  const postingId = Number(seq?.id);
  const at = now.toISOString();
  const list = [...unique.values()];
  let posted = 0;
  try {
    for (let from = 0; from < list.length; from += CHUNK) {
      const chunk = list.slice(from, from + CHUNK);
      const idOf = (ref: AccountRef) => ids.get(accountCode(ref)) as number;
      const result = await tx.execute<{ posted: number }>(sql`
        WITH input AS (
          SELECT * FROM unnest(${arr(chunk.map((t) => t.key))}::text[],
                               ${arr(chunk.map((t) => idOf(t.debit)))}::bigint[],
                               ${arr(chunk.map((t) => idOf(t.credit)))}::bigint[],
                               ${arr(chunk.map((t) => t.amountFen))}::bigint[],
                               ${arr(chunk.map((t) => t.causeType))}::text[],
                               ${arr(chunk.map((t) => t.causeId))}::text[],
                               ${arr(chunk.map((t) => t.memo ?? null))}::text[])
            AS i(key, debit, credit, amount, cause_type, cause_id, memo)
        ), ins AS (
          INSERT INTO ${ledgerTransfers} (key, posting_id, debit_account_id, credit_account_id, amount_fen,
                                          cause_type, cause_id, memo, at)
          SELECT key, ${postingId}, debit, credit, amount, cause_type, cause_id, memo, ${at}::timestamptz
          FROM input
          ON CONFLICT (key) DO NOTHING
          RETURNING debit_account_id, credit_account_id, amount_fen
        ), deltas AS (
          SELECT account_id, sum(delta)::bigint AS delta FROM (
            SELECT debit_account_id AS account_id, amount_fen AS delta FROM ins
            UNION ALL
            SELECT credit_account_id, -amount_fen FROM ins
          ) d GROUP BY account_id
        ), upd AS (
          UPDATE ${ledgerBalances} b SET balance_fen = b.balance_fen + deltas.delta, updated_at = ${at}::timestamptz
          FROM deltas WHERE b.account_id = deltas.account_id AND deltas.delta <> 0
          RETURNING b.account_id
        )
        SELECT (SELECT count(*) FROM ins)::int AS posted, (SELECT count(*) FROM upd)::int AS updated`);
      const inserted = Number(result.rows[0]?.posted ?? 0);
      posted += inserted;
      const changed = inserted < chunk.length ? await changedReplay(tx, postingId, chunk, idOf) : null;
      if (changed) {
        const i = transfers.findIndex((t) => t.key === changed.key);
        const given = transfers[i] as TransferInput;
        throw ledgerError('ledger.transfer_key_reused', {
          field: `transfers.${i}.key`,
          detail:
            `key ${changed.key} is posted as ${changed.amountFen} fen (${changed.causeType} ${changed.causeId}), ` +
            `replayed as ${given.amountFen} fen ${accountCode(given.debit)} → ${accountCode(given.credit)} ` +
            `(${given.causeType} ${given.causeId})`,
        });
      }
    }
  } catch (err) {
    if (isBalanceCheckViolation(err)) throw ledgerError('ledger.balance_below_zero');
    throw err;
  }
  if (posted > 0) {
    await tx.insert(ledgerPostings).values({ id: postingId, at: now, transferCount: posted });
  }
  return { posted, skipped: transfers.length - posted };
}

/**
 * A key of `chunk` that is already stored with other content, with what is stored, or null. Only
 * called when some key was skipped, so first postings (the hot path) pay nothing. A separate
 * statement, so it also sees a transfer a concurrent transaction committed while the insert waited.
 */
async function changedReplay(
  tx: Tx,
  postingId: number,
  chunk: readonly TransferInput[],
  idOf: (ref: AccountRef) => number,
): Promise<{ key: string; amountFen: number; causeType: string; causeId: string } | null> {
  const found = await tx.execute<{
    key: string;
    amount_fen: number;
    cause_type: string;
    cause_id: string;
  }>(sql`
    WITH input AS (
      SELECT * FROM unnest(${arr(chunk.map((t) => t.key))}::text[],
                           ${arr(chunk.map((t) => idOf(t.debit)))}::bigint[],
                           ${arr(chunk.map((t) => idOf(t.credit)))}::bigint[],
                           ${arr(chunk.map((t) => t.amountFen))}::bigint[],
                           ${arr(chunk.map((t) => t.causeType))}::text[],
                           ${arr(chunk.map((t) => t.causeId))}::text[])
        AS i(key, debit, credit, amount, cause_type, cause_id)
    )
    SELECT t.key, t.amount_fen, t.cause_type, t.cause_id
    FROM input i JOIN ${ledgerTransfers} t ON t.key = i.key
    WHERE t.posting_id <> ${postingId}
      AND (t.debit_account_id, t.credit_account_id, t.amount_fen, t.cause_type, t.cause_id)
          IS DISTINCT FROM (i.debit, i.credit, i.amount, i.cause_type, i.cause_id)
    ORDER BY t.key
    LIMIT 1`);
  const row = found.rows[0];
  return row
    ? { key: row.key, amountFen: Number(row.amount_fen), causeType: row.cause_type, causeId: row.cause_id }
    : null;
}

/** The stored balance (debits − credits) of each named account that exists; missing ones are 0. */
export async function storedBalances(
  db: Executor,
  refs: readonly AccountRef[],
): Promise<Map<string, number>> {
  const codes = refs.map(accountCode);
  const out = new Map<string, number>(codes.map((c) => [c, 0]));
  if (codes.length === 0) return out;
  const rows = await db.execute<{ code: string; balance_fen: number }>(sql`
    SELECT a.code, b.balance_fen FROM ${ledgerAccounts} a JOIN ${ledgerBalances} b ON b.account_id = a.id
    WHERE a.code = ANY(${arr(codes)}::text[])`);
  for (const r of rows.rows) out.set(r.code, Number(r.balance_fen));
  return out;
}

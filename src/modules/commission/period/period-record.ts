import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { lockMoneyShared } from '../accrual/accrual.queries.js';
import { type NewEntry, recordEntriesTx } from '../accrual/index.js';
import { commissionPeriodRuns, type PeriodRunKind, type PeriodRunTrigger } from './period.tables.js';
import type { PeriodEntryDraft } from './period-entries.js';

/**
 * Writing a period computation: its entries through the accrual's `recordEntriesTx` (entry and
 * accrual transfer share the period key, so a re-run writes nothing new), one run row, one audit
 * record, all in the caller's transaction.
 *
 * Period entries are final when computed: each counts completed sales of a finished period (the
 * roll-up books a later refund on the day it happens, i.e. in a later month, so a closed month's
 * figures never change; hot products wait for the campaign's after-sales window; a recruit's bonus
 * counts sales completed in a window that has passed its threshold). So they carry `status: final`
 * and `finalAt` = the run's time, and the next T+1 settlement moves them to available like line entries.
 */

export interface PeriodPlanRef {
  planId: string;
  version: number;
}

/** The period key stored on the entry (`commission_entries.period_key`): what was computed. */
export function periodKeyOf(d: PeriodEntryDraft): string {
  switch (d.rule) {
    case 'tiered':
    case 'regional_dividend':
      return `${d.rule}:${d.month ?? ''}`;
    case 'hot_product':
      return `hot_product:${d.campaignId ?? ''}:${d.skuId ?? ''}`;
    case 'recruit_bonus':
      return d.key;
  }
}

export function toNewEntry(d: PeriodEntryDraft, plan: PeriodPlanRef, refersTo: Date, now: Date): NewEntry {
  return {
    key: d.key,
    beneficiaryId: d.beneficiaryId,
    rule: d.rule,
    causeType: 'period',
    campaignId: d.campaignId,
    skuId: d.skuId,
    periodKey: periodKeyOf(d),
    planId: plan.planId,
    planVersion: plan.version,
    chainPosition: null,
    baseFen: d.baseFen,
    rateBps: d.rateBps,
    perUnitFen: d.perUnitFen,
    amountFen: d.amountFen,
    explanation: d.explanation,
    paidAt: refersTo,
    status: 'final',
    finalAt: now,
  };
}

export interface RunInput {
  kind: PeriodRunKind;
  period: string;
  trigger: PeriodRunTrigger;
  plan: PeriodPlanRef | null;
  /** Entries with the plan each was computed under and the moment it refers to. */
  entries: Array<{ draft: PeriodEntryDraft; plan: PeriodPlanRef; refersTo: Date }>;
  report: Record<string, unknown>;
  startedAt: number;
}

export interface RunRow {
  id: string;
  kind: PeriodRunKind;
  period: string;
  entriesComputed: number;
  entriesNew: number;
  computedFen: number;
  newFen: number;
  transfersPosted: number;
}

/** Records the entries, the run and its audit record in `tx`; returns the run's counts. */
export async function recordPeriodRunTx(
  deps: { clock: Clock },
  tx: Tx,
  actor: Actor,
  input: RunInput,
): Promise<RunRow> {
  // Beside accruals and refunds, never inside a freeze or a settlement (the accrual's money lock).
  await lockMoneyShared(tx);
  const now = deps.clock.now();
  const result = await recordEntriesTx(
    deps,
    tx,
    input.entries.map((e) => toNewEntry(e.draft, e.plan, e.refersTo, now)),
  );
  const row = {
    id: newId('commissionPeriodRun'),
    kind: input.kind,
    period: input.period,
    trigger: input.trigger,
    planId: input.plan?.planId ?? null,
    planVersion: input.plan?.version ?? null,
    entriesComputed: input.entries.length,
    entriesNew: result.inserted.length,
    computedFen: input.entries.reduce((a, e) => a + e.draft.amountFen, 0),
    newFen: result.inserted.reduce((a, e) => a + e.amountFen, 0),
    transfersPosted: result.posted,
    report: input.report,
    actorId: actor.actorId,
    actorName: actor.actorName,
    at: now,
    durationMs: Math.max(0, Math.round(performance.now() - input.startedAt)),
  };
  await tx.insert(commissionPeriodRuns).values(row);
  await recordAudit(tx, deps.clock, actor, {
    action: `commission.period.${input.kind}`,
    entityType: 'commission_period_run',
    entityId: row.id,
    after: {
      period: row.period,
      trigger: row.trigger,
      planId: row.planId,
      planVersion: row.planVersion,
      entriesComputed: row.entriesComputed,
      entriesNew: row.entriesNew,
      newFen: row.newFen,
      transfersPosted: row.transfersPosted,
    },
  });
  return row;
}

import { and, asc, eq, inArray, lte, or } from 'drizzle-orm';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../../platform/audit/index.js';
import type { Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { announceCampaignEdited } from './campaign-edits.js';
import { type CampaignState, canTransition, clockSteps } from './campaign-state.js';
import { scheduleProblems, validateCampaign } from './campaign-validation.js';
import { campaignsError } from './campaigns.errors.js';
import { detailOf, loadItems } from './campaigns.queries.js';
import { loadFacts, lockCampaign, throwFirst } from './campaigns.service.js';
import { campaigns } from './campaigns.tables.js';
import type { CampaignRow } from './campaigns.view.js';
import { liveHubFor } from './live-hub.js';

type TxDeps = Pick<Deps, 'clock' | 'bus'>;

/** The audit action and the event of arriving in each state. */
const ARRIVAL: Partial<Record<CampaignState, { action: string; event: string }>> = {
  scheduled: { action: 'campaign.schedule', event: 'campaign.scheduled' },
  live: { action: 'campaign.live', event: 'campaign.live' },
  closed: { action: 'campaign.close', event: 'campaign.closed' },
  cancelled: { action: 'campaign.cancel', event: 'campaign.cancelled' },
  fulfilled: { action: 'campaign.fulfil', event: 'campaign.fulfilled' },
};

/**
 * Moves a locked campaign one step, audited and announced in the caller's transaction. Every state
 * change goes through here, so the state machine is checked in one place.
 */
async function move(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  row: CampaignRow,
  to: CampaignState,
  opts: { reason?: string | undefined; by: 'clock' | 'operator' | 'fulfilment' },
): Promise<CampaignRow> {
  if (!canTransition(row.state, to)) {
    throw campaignsError('campaigns.illegal_transition', { detail: `from ${row.state} to ${to}` });
  }
  const now = deps.clock.now();
  const [after] = await tx
    .update(campaigns)
    .set({
      state: to,
      updatedAt: now,
      ...(to === 'closed' ? { closedAt: now } : {}),
      ...(to === 'cancelled' ? { cancelledAt: now } : {}),
      ...(opts.reason !== undefined ? { closeReason: opts.reason } : {}),
    })
    .where(and(eq(campaigns.id, row.id), eq(campaigns.state, row.state)))
    .returning();
  // The row is locked by the caller, so the state cannot have changed under us; this is a guard.
  if (!after) throw campaignsError('campaigns.illegal_transition', { detail: `from ${row.state} to ${to}` });
  const arrival = ARRIVAL[to];
  if (arrival) {
    await recordAudit(tx, deps.clock, actor, {
      action: arrival.action,
      entityType: 'campaign',
      entityId: row.id,
      before: { state: row.state },
      after: { state: to, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) },
    });
    await deps.bus.publish(
      tx,
      {
        type: arrival.event,
        aggregateType: 'campaign',
        aggregateId: row.id,
        payload: {
          code: row.code,
          from: row.state,
          to,
          by: opts.by,
          at: now.toISOString(),
          ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
        },
      },
      actor.requestId,
    );
  }
  return after;
}

/**
 * Brings a locked campaign's stored state up to what the clock says (the tick may not have run yet),
 * as the system. Operators' transitions start from here, so nobody cancels a campaign that has in
 * truth already begun selling.
 */
export async function catchUp(deps: TxDeps, tx: Tx, row: CampaignRow): Promise<CampaignRow> {
  let current = row;
  for (const to of clockSteps(row, deps.clock.now())) {
    current = await move(deps, tx, SYSTEM_ACTOR, current, to, { by: 'clock' });
  }
  return current;
}

/** Schedules a valid draft with at least one item and a cutoff still ahead; goes live at once if due. */
export async function scheduleCampaign(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction((tx) => scheduleCampaignTx(deps, tx, actor, id));
}

export async function scheduleCampaignTx(deps: TxDeps, tx: Tx, actor: Actor, id: string) {
  const row = await lockCampaign(tx, id);
  if (row.state !== 'draft') {
    throw campaignsError('campaigns.illegal_transition', { detail: `from ${row.state} to scheduled` });
  }
  const items = await loadItems(tx, id);
  // The catalog may have changed since the draft was saved: check the content again.
  const facts = await loadFacts(
    tx,
    items.map((i) => i.skuId),
    row.regionIds,
    row.warehouseId,
  );
  throwFirst(scheduleProblems({ cutoffAt: row.cutoffAt, itemCount: items.length }, deps.clock.now()), true);
  throwFirst(validateCampaign({ ...row, items }, facts), true);
  const scheduled = await move(deps, tx, actor, row, 'scheduled', { by: 'operator' });
  return detailOf(tx, deps.clock, await catchUp(deps, tx, scheduled));
}

export async function cancelCampaign(deps: Deps, actor: Actor, id: string, reason?: string) {
  return deps.db.transaction(async (tx) => {
    const row = await catchUp(deps, tx, await lockCampaign(tx, id));
    const after = await move(deps, tx, actor, row, 'cancelled', { reason, by: 'operator' });
    return detailOf(tx, deps.clock, after);
  });
}

/** Stops sales before the cutoff (提前截单); orders taken so far stand and go on to fulfilment. */
export async function closeCampaignEarly(deps: Deps, actor: Actor, id: string, reason: string) {
  const detail = await deps.db.transaction(async (tx) => {
    const row = await catchUp(deps, tx, await lockCampaign(tx, id));
    const after = await move(deps, tx, actor, row, 'closed', { reason, by: 'operator' });
    return detailOf(tx, deps.clock, after);
  });
  // The customer page hears of the close at once rather than at the live view's next poll, and this
  // process's order routes stop serving the open campaign from their cache.
  liveHubFor(deps).markDirty(id);
  announceCampaignEdited(deps, id);
  return detail;
}

/** For the fulfilment module, inside its own transaction: a closed campaign has been delivered. */
export async function markCampaignFulfilled(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  campaignId: string,
): Promise<{ id: string; state: CampaignState }> {
  const row = await catchUp(deps, tx, await lockCampaign(tx, campaignId));
  const after = await move(deps, tx, actor, row, 'fulfilled', { by: 'fulfilment' });
  return { id: after.id, state: after.state };
}

/** The most campaigns one tick advances; the rest wait a minute for the next tick. */
const TICK_BATCH = 500;

/**
 * The `campaigns-tick` job: moves every scheduled campaign whose start has come to live and every
 * live one whose cutoff has come to closed, each in its own transaction. Rows another process is
 * already moving are skipped (SKIP LOCKED), so two ticks at once never double a transition.
 */
export async function advanceCampaigns(deps: Deps): Promise<{ live: number; closed: number }> {
  const now = deps.clock.now();
  const due = await deps.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      or(
        and(eq(campaigns.state, 'scheduled'), lte(campaigns.startsAt, now)),
        and(inArray(campaigns.state, ['scheduled', 'live']), lte(campaigns.cutoffAt, now)),
      ),
    )
    .orderBy(asc(campaigns.startsAt), asc(campaigns.id))
    .limit(TICK_BATCH);
  const counts = { live: 0, closed: 0 };
  for (const { id } of due) {
    const steps = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(campaigns)
        .where(eq(campaigns.id, id))
        .for('update', { skipLocked: true });
      if (!row) return [];
      const moved = clockSteps(row, deps.clock.now());
      await catchUp(deps, tx, row);
      return moved;
    });
    for (const s of steps) if (s === 'live' || s === 'closed') counts[s] += 1;
  }
  return counts;
}

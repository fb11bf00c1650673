import { asc, eq } from 'drizzle-orm';
import type { Deps } from '../../platform/deps.js';
import { shippingStock } from '../inventory/index.js';
import { buyableNow } from './buyable.js';
import { type CampaignState, stateAt } from './campaign-state.js';
import { campaignItems, campaigns } from './campaigns.tables.js';
import { LiveThrottle } from './live-throttle.js';

export interface LiveItem {
  itemId: string;
  sold: number;
  cap: number;
  remaining: number;
}

export interface LiveSnapshot {
  campaignId: string;
  serverNow: string;
  state: CampaignState;
  items: LiveItem[];
}

/** A change of what the item events do not carry: the state, the cutoff, the items or their prices. */
export interface LiveCampaign {
  campaignId: string;
  state: CampaignState;
  cutoffAt: string;
  serverNow: string;
}

/** What a stream hears: changed items (throttled), and `end` when the hub stops. */
export interface LiveListener {
  item(item: LiveItem): void;
  /** The campaign's content changed (an operator's live edit, or the close): re-read the campaign. */
  campaign?(change: LiveCampaign): void;
  end(): void;
}

export interface LiveHubOptions {
  /** How often a watched campaign is re-read (catches other processes' sales and cancellations). */
  pollMs?: number;
  /** At most one `item` event per item per this many milliseconds. */
  throttleMs?: number;
}

interface Watch {
  listeners: Set<LiveListener>;
  state: CampaignState;
  known: Map<string, LiveItem>;
  /** The content last read that item events do not carry (see `LiveCampaign`), to notice its change. */
  content: string;
  /** The SKUs of the campaign's items, so that a stock change of one re-reads only its campaigns. */
  skus: Set<string>;
  throttle: LiveThrottle<string, LiveItem>;
  flushTimer: NodeJS.Timeout | undefined;
  reading: Promise<boolean> | undefined;
  again: boolean;
}

/**
 * The in-process hub of the live view: one watch per campaign someone streams. A watch re-reads its
 * campaign's items (one query) when told the campaign changed, and on a poll while anyone listens;
 * changed items go to every listener through one throttle per item. Subscribers of the bus only call
 * `markDirty`, which does no I/O: they run inside the delivery's transaction and must not fail it.
 */
export class LiveHub {
  private readonly watches = new Map<string, Watch>();
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly pollMs: number;
  private readonly throttleMs: number;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock' | 'log'>,
    opts: LiveHubOptions = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.pollMs = opts.pollMs ?? 1000;
    this.throttleMs = opts.throttleMs ?? 250;
  }

  /** How many streams are open, over all campaigns. */
  get listenerCount(): number {
    let n = 0;
    for (const w of this.watches.values()) n += w.listeners.size;
    return n;
  }

  /**
   * Starts listening to a campaign: reads it, returns the snapshot and an unsubscribe function; null
   * when the campaign does not exist.
   */
  async subscribe(
    campaignId: string,
    listener: LiveListener,
  ): Promise<{ snapshot: LiveSnapshot; unsubscribe: () => void } | null> {
    // A hub stopped with one app starts again for the next one built on the same deps (tests).
    this.stopped = false;
    let watch = this.watches.get(campaignId);
    const created = !watch;
    if (!watch) {
      watch = {
        listeners: new Set(),
        state: 'draft',
        known: new Map(),
        content: '',
        skus: new Set(),
        throttle: new LiveThrottle(this.throttleMs),
        flushTimer: undefined,
        reading: undefined,
        again: false,
      };
      this.watches.set(campaignId, watch);
    }
    watch.listeners.add(listener);
    const w = watch;
    const unsubscribe = () => {
      w.listeners.delete(listener);
      if (w.listeners.size === 0 && this.watches.get(campaignId) === w) {
        if (w.flushTimer) clearTimeout(w.flushTimer);
        this.watches.delete(campaignId);
        if (this.watches.size === 0) this.stopPoll();
      }
    };
    let found: boolean;
    try {
      // A new watch is read in full; an existing one is refreshed so the snapshot is current.
      found = await this.refresh(campaignId, w, created);
    } catch (err) {
      unsubscribe();
      throw err;
    }
    if (!found) {
      unsubscribe();
      return null;
    }
    this.startPoll();
    return {
      unsubscribe,
      snapshot: {
        campaignId,
        serverNow: this.deps.clock.now().toISOString(),
        state: w.state,
        items: [...w.known.values()],
      },
    };
  }

  /** Called from a bus subscriber: schedules a re-read of the campaign if anyone watches it. */
  markDirty(campaignId: string): void {
    const watch = this.watches.get(campaignId);
    if (!watch || this.stopped) return;
    setImmediate(() => this.refreshQuietly(campaignId));
  }

  /** Re-reads soon every watched campaign that sells one of `skuIds` (their stock changed). */
  markSkusDirty(skuIds: Iterable<string>): void {
    const changed = new Set(skuIds);
    for (const [id, watch] of this.watches) {
      if ([...watch.skus].some((sku) => changed.has(sku))) this.markDirty(id);
    }
  }

  /** Re-reads every watched campaign soon: for events that do not say which campaign they touch. */
  markAllDirty(): void {
    for (const id of this.watches.keys()) this.markDirty(id);
  }

  /** Ends every listener and clears every timer (the app is closing). */
  stop(): void {
    this.stopped = true;
    this.stopPoll();
    for (const w of this.watches.values()) {
      if (w.flushTimer) clearTimeout(w.flushTimer);
      for (const l of [...w.listeners]) l.end();
      w.listeners.clear();
    }
    this.watches.clear();
  }

  private startPoll(): void {
    if (this.pollTimer || this.stopped) return;
    this.pollTimer = setInterval(() => {
      for (const id of this.watches.keys()) this.refreshQuietly(id);
    }, this.pollMs);
    this.pollTimer.unref();
  }

  private stopPoll(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private refreshQuietly(campaignId: string): void {
    const watch = this.watches.get(campaignId);
    if (!watch) return;
    this.refresh(campaignId, watch, false).catch((err: unknown) =>
      this.deps.log.warn({ err, campaignId }, 'live view: re-reading the campaign failed'),
    );
  }

  /** Re-reads one campaign (one query), serialised per watch; returns whether the campaign exists. */
  private refresh(campaignId: string, watch: Watch, initial: boolean): Promise<boolean> {
    if (watch.reading) {
      watch.again = true;
      return watch.reading;
    }
    watch.reading = (async () => {
      let found = false;
      try {
        do {
          watch.again = false;
          found = await this.readOnce(campaignId, watch, initial);
        } while (watch.again && !this.stopped);
      } finally {
        watch.reading = undefined;
      }
      return found;
    })();
    return watch.reading;
  }

  /**
   * Reads the campaign's items and what its shipping warehouse has of each (two queries): the
   * remaining number is what can really be bought, the cap left or the warehouse's available,
   * whichever is smaller.
   */
  private async readOnce(campaignId: string, watch: Watch, initial: boolean): Promise<boolean> {
    const rows = await this.deps.db
      .select({
        state: campaigns.state,
        startsAt: campaigns.startsAt,
        cutoffAt: campaigns.cutoffAt,
        warehouseId: campaigns.warehouseId,
        itemId: campaignItems.id,
        skuId: campaignItems.skuId,
        sold: campaignItems.sold,
        cap: campaignItems.stockCap,
        priceFen: campaignItems.priceFen,
      })
      .from(campaigns)
      .leftJoin(campaignItems, eq(campaignItems.campaignId, campaigns.id))
      .where(eq(campaigns.id, campaignId))
      .orderBy(asc(campaignItems.sortOrder), asc(campaignItems.id));
    const first = rows[0];
    if (!first) return false;
    // The clock decides when a sale opens and stops, before the tick job stores it.
    watch.state = stateAt(first, this.deps.clock.now());
    const skuIds = rows.flatMap((r) => (r.skuId === null ? [] : [r.skuId]));
    watch.skus = new Set(skuIds);
    const stock = await shippingStock(this.deps.db, skuIds, first.warehouseId);
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.itemId === null || r.skuId === null || r.sold === null || r.cap === null) continue;
      seen.add(r.itemId);
      const item: LiveItem = {
        itemId: r.itemId,
        sold: r.sold,
        cap: r.cap,
        remaining: buyableNow({ cap: r.cap, sold: r.sold }, stock.get(r.skuId)?.available ?? 0),
      };
      const before = watch.known.get(r.itemId);
      watch.known.set(r.itemId, item);
      if (initial || !before) continue;
      if (before.sold !== item.sold || before.cap !== item.cap || before.remaining !== item.remaining) {
        this.emit(watch, item);
      }
    }
    this.noticeContent(campaignId, watch, first.cutoffAt, rows, initial);
    for (const id of [...watch.known.keys()]) {
      if (!seen.has(id)) {
        watch.known.delete(id);
        watch.throttle.forget(id);
      }
    }
    return true;
  }

  /**
   * Tells listeners when the state, the cutoff, the item list or a price changed since the last read:
   * the customer page then re-reads the campaign (an added item, a new price, a later cutoff).
   */
  private noticeContent(
    campaignId: string,
    watch: Watch,
    cutoffAt: Date,
    rows: ReadonlyArray<{ itemId: string | null; priceFen: number | null }>,
    initial: boolean,
  ): void {
    const content = JSON.stringify([
      watch.state,
      cutoffAt.getTime(),
      rows.map((r) => [r.itemId, r.priceFen]),
    ]);
    const changed = !initial && watch.content !== '' && watch.content !== content;
    watch.content = content;
    if (!changed) return;
    const change: LiveCampaign = {
      campaignId,
      state: watch.state,
      cutoffAt: cutoffAt.toISOString(),
      serverNow: this.deps.clock.now().toISOString(),
    };
    for (const l of watch.listeners) l.campaign?.(change);
  }

  private emit(watch: Watch, item: LiveItem): void {
    if (watch.throttle.offer(item.itemId, item, this.now()) === 'send') {
      for (const l of watch.listeners) l.item(item);
    } else {
      this.armFlush(watch);
    }
  }

  private armFlush(watch: Watch): void {
    if (watch.flushTimer) return;
    const wait = watch.throttle.nextDueIn(this.now());
    if (wait === null) return;
    watch.flushTimer = setTimeout(() => {
      watch.flushTimer = undefined;
      for (const [, item] of watch.throttle.takeDue(this.now())) {
        for (const l of watch.listeners) l.item(item);
      }
      this.armFlush(watch);
    }, wait);
    watch.flushTimer.unref();
  }
}

const hubs = new WeakMap<object, LiveHub>();

/**
 * The hub of one process (one `deps`): the bus subscriber and the HTTP route find the same one. The
 * options count only for the call that creates it.
 */
export function liveHubFor(deps: Deps, opts: LiveHubOptions = {}): LiveHub {
  let hub = hubs.get(deps);
  if (!hub) {
    hub = new LiveHub(deps, opts);
    hubs.set(deps, hub);
  }
  return hub;
}

/**
 * Tells the live view when orders change a campaign's sold counts. Placed orders are told in process
 * by the order intake, after each batch commits (`liveHubFor(deps).markDirty`): the hub's effect is
 * in memory, so a stored delivery per order (a row written, read and updated for each of thousands
 * of orders a second) would buy nothing; other processes' sales reach it through the poll.
 * Cancellations and refunds come through the bus: their events name no campaign, and are few.
 */
export function registerCampaignLiveSubscribers(deps: Deps, opts: LiveHubOptions = {}): LiveHub {
  const hub = liveHubFor(deps, opts);
  // A cancellation gives units back but its event names no campaign (and campaigns may not read
  // orders): every watched campaign is re-read, which is one cheap query each.
  deps.bus.subscribe('order.cancelled', 'campaigns.live-view', async () => hub.markAllDirty());
  // A refund of goods not yet shipped puts units back on sale too.
  deps.bus.subscribe('order.refunded', 'campaigns.live-view', async () => hub.markAllDirty());
  // What a customer can buy is bounded by the warehouse too: a receipt or an adjustment changes it.
  // One call per delivered batch, no I/O here: only the watched campaigns selling those SKUs re-read.
  deps.bus.subscribeBatch('stock.changed', 'campaigns.live-view', async (events) =>
    hub.markSkusDirty(events.flatMap((e) => skuOf(e.payload))),
  );
  return hub;
}

/** The SKU a `stock.changed` event is about (its payload names it), or none for a payload without one. */
function skuOf(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null || !('skuId' in payload)) return [];
  return typeof payload.skuId === 'string' ? [payload.skuId] : [];
}

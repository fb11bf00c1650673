import type { Actor } from '../../../platform/audit/index.js';
import type { CampaignSaleRow } from '../../campaigns/index.js';
import type { AllocatedLevelRow } from '../../inventory/index.js';
import type { PricedLine } from '../domain/price-order.js';
import type { HotState } from './batch-state.js';

/** What the intake's batches take, give and share: the requests, their answers, their turns. */

/** A campaign as the intake reads it: what decides whether it is open and its payment window. */
export type CampaignRow = CampaignSaleRow;

export interface SeenRows {
  campaigns: CampaignRow[];
  items: HotState['items'];
  levels: AllocatedLevelRow[];
}

/** A request that passed validation and pricing and waits for its batch. */
export interface PendingOrder {
  key: string;
  requestHash: string;
  campaignId: string;
  leaderId: string;
  pickupPointId: string;
  phone: string;
  phoneHash: string;
  customerName: string | null;
  /** The chosen pickup point's address, for the risk check on blocked addresses. */
  pickupAddress: string;
  /** Each line with the warehouse it is allocated from. */
  lines: (PricedLine & { warehouseId: string })[];
  totalFen: number;
  itemCount: number;
  actor: Actor;
  /**
   * The product of each campaign item ordered (name and spec, by item id), so that a refusal tells the
   * customer which product ran out rather than an id. Absent (orders made by seeds and benchmarks),
   * a refusal names no product.
   */
  itemLabels?: Readonly<Record<string, string>>;
}

export interface Answer {
  statusCode: number;
  body: unknown;
}

export interface FlushResult {
  answers: Map<string, Answer>;
  /**
   * The rows the batch read or moved, as it left them (campaigns as read under their share lock;
   * campaign items and stock levels as its hot statement returned them): what the next batch of this
   * process may predict from (see fast-batch.ts).
   */
  seen: SeenRows;
  /** Items with nothing left after this batch, for the intake's sold-out fast path. */
  soldOutItems: Set<string>;
  /** Campaigns that sold in this batch (for the live view, once the batch has committed). */
  soldIn: Set<string>;
}

/**
 * How a batch takes its turns among the batches of one process, so that they stay first come first
 * served and never wait for each other in a circle: `start` resolves when the batch created before
 * this one has done its row-independent work (so a later batch never holds a customer row an earlier
 * one is about to upsert), `started` says this batch has done its own, and `hot` resolves when the
 * earlier batch has committed (the hot rows are updated in arrival order). Waits always point to an
 * earlier batch; across processes the database's deadlock detection and the retry cover the rest.
 */
export interface BatchTurn {
  start(): Promise<void>;
  started(): void;
  hot(): Promise<void>;
}

export const NO_TURN: BatchTurn = { start: async () => {}, started: () => {}, hot: async () => {} };

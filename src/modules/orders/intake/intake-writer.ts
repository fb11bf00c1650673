import type { Deps } from '../../../platform/deps.js';
import { answerAll } from './batch-answers.js';
import type { Answer, PendingOrder } from './intake-types.js';
import { planOrders, type Written } from './order-rows.js';

/**
 * Another way to write the intake's batches, in place of the product's group commit. The product
 * never supplies one: bench/ does, to measure references the real intake is compared with (one
 * transaction per order, answers without the database, the leanest rows an order could have).
 * Keeping them behind this interface keeps every such shortcut out of the product's build.
 */
export interface IntakeWriter {
  /** What the benchmark calls this writer, for the start-up log. */
  readonly name: string;
  /**
   * True: each request is committed at once, alone, as soon as it arrives (no queue, no batch).
   * Without `write`, it goes the product's careful way, one transaction each.
   */
  readonly oneByOne: boolean;
  /**
   * Writes a batch its own way and returns each order's answer; absent, batches go the product's
   * careful way (never the predicted statement).
   */
  readonly write?: (deps: Deps, batch: readonly PendingOrder[]) => Promise<ReadonlyMap<string, Answer>>;
}

/** Every order of a batch as the intake would write and answer it were all of them accepted. */
export interface AllAccepted {
  written: Written;
  answers: Map<string, Answer>;
  stored: { key: string; answer: Answer }[];
}

const ACCEPT_ALL = { refusals: new Map<number, never>(), holds: new Map<number, never>() };

/**
 * The rows and answers of `batch` were every order accepted (ids, pickup codes, the same bodies as
 * the product's), with nothing read or written: what a benchmark's reference writer starts from.
 */
export function acceptAll(deps: Deps, batch: readonly PendingOrder[]): AllAccepted {
  const written = planOrders(deps, batch, [], ACCEPT_ALL, new Map());
  const answers = new Map<string, Answer>();
  const stored: { key: string; answer: Answer }[] = [];
  answerAll(batch, ACCEPT_ALL, written, answers, stored);
  return { written, answers, stored };
}

import { randomFillSync } from 'node:crypto';
import { monotonicFactory } from 'ulid';

/**
 * Ids are a type prefix and a ULID: `usr_01JD3...`. The prefix tells a person (and a log line) what
 * the id names; the ULID sorts by creation time, so primary-key indexes stay append-mostly.
 */
export const ID_PREFIXES = {
  user: 'usr',
  session: 'ses',
  audit: 'aud',
  event: 'evt',
  region: 'reg',
  warehouse: 'wh',
  request: 'req',
  category: 'cat',
  product: 'prd',
  sku: 'sku',
  stockMovement: 'mov',
  campaign: 'cmp',
  campaignItem: 'cmi',
  importJob: 'imp',
  leader: 'ldr',
  pickupPoint: 'pp',
  customer: 'cus',
  order: 'ord',
  orderLine: 'oln',
  orderEvent: 'oev',
  payment: 'pay',
  riskBlock: 'rbl',
  referrerPeriod: 'lrp',
  refund: 'rfd',
  leaderLevel: 'lvl',
  leaderLevelChange: 'llc',
  levelAssessmentRun: 'lar',
  withdrawal: 'wdr',
  payoutBatch: 'pob',
  payoutLine: 'pol',
  leaderApplication: 'lap',
  agreementTemplate: 'agt',
  agreementSignature: 'ags',
  trainingMaterial: 'trm',
  commissionPlan: 'cpl',
  commissionPlanActivation: 'cpa',
  commissionEntry: 'cen',
  commissionSettlement: 'cst',
  commissionPeriodRun: 'cpr',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

// ulid's default source asks the kernel for one random byte per character; an order batch makes
// thousands of ids, so draw the bytes from a buffer refilled 4 KiB at a time (still crypto-random).
const pool = new Uint8Array(4096);
let poolAt = pool.length;
function bufferedRandom(): number {
  if (poolAt >= pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return (pool[poolAt++] ?? 0) / 256;
}

const nextUlid = monotonicFactory(bufferedRandom);

export function newId(kind: IdKind, at: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${nextUlid(at)}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}

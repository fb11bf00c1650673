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
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const nextUlid = monotonicFactory();

export function newId(kind: IdKind, at: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${nextUlid(at)}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`).test(value);
}

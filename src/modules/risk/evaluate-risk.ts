/**
 * The risk checks (风控规则) as pure functions: the order intake asks `evaluateRisk` about every
 * order with the policy it holds in memory, and an order with any reason waits on hold (风控待审)
 * for a reviewer instead of going straight to payment.
 */

export const RISK_REASON_CODES = [
  'quantity_over_limit',
  'too_many_orders',
  'blocked_phone',
  'blocked_address',
] as const;
export type RiskReasonCode = (typeof RISK_REASON_CODES)[number];

/** Why an order was held, in plain words with the numbers, e.g. "12 units > limit 10". */
export interface RiskReason {
  code: RiskReasonCode;
  detail: string;
}

/** The policy as the intake reads it: limits (null = that check is off) and the blocklist. */
export interface RiskPolicy {
  /** The master switch: when false no order is ever held. */
  enabled: boolean;
  /** Units in one order above which it is held; null = no limit. */
  maxQuantityPerOrder: number | null;
  /** Orders of one phone in one campaign above which the next is held; null = no limit. */
  maxOrdersPerPhonePerCampaign: number | null;
  /** Keyed hashes (FieldCrypto.hash of the bare 11 digits) of blocked phone numbers. */
  blockedPhoneHashes: ReadonlySet<string>;
  /** Blocked address fragments, normalized with `normalizeAddress`. */
  blockedAddresses: readonly string[];
}

/** A policy that holds nothing: the default before an operator configures one. */
export const RISK_POLICY_OFF: RiskPolicy = Object.freeze({
  enabled: false,
  maxQuantityPerOrder: null,
  maxOrdersPerPhonePerCampaign: null,
  blockedPhoneHashes: new Set<string>(),
  blockedAddresses: [],
});

/** What `evaluateRisk` needs to know of one order. */
export interface RiskOrder {
  /** Units over all lines of the order. */
  totalQuantity: number;
  /** The customer's phone hash, as the customers module computes it. */
  phoneHash: string;
  /** The address of the chosen pickup point (自提点地址). */
  pickupAddress: string;
  /** Orders of this phone in this campaign, this one included. */
  ordersOfPhoneInCampaign: number;
}

/**
 * How addresses are compared: Unicode-compatibility folded (full-width "３栋" is "3栋"), lower case,
 * without spaces or punctuation, so "幸福里 3 栋" and "幸福里3栋，" match. A blocked address is a
 * fragment matched anywhere in the pickup point's normalized address.
 */
export function normalizeAddress(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The shortest blocked fragment accepted: shorter ones would match a large share of all addresses. */
export const MIN_BLOCKED_ADDRESS_CHARS = 3;

/**
 * Every reason to hold `order` under `policy`, in a fixed order (quantity, orders per phone, phone,
 * address); an empty list means the order goes through. Pure and allocation-light: it runs for
 * every order of a flash sale.
 */
export function evaluateRisk(policy: RiskPolicy, order: RiskOrder): RiskReason[] {
  if (!policy.enabled) return [];
  const reasons: RiskReason[] = [];
  const maxQty = policy.maxQuantityPerOrder;
  if (maxQty !== null && order.totalQuantity > maxQty) {
    reasons.push({
      code: 'quantity_over_limit',
      detail: `${order.totalQuantity} units > limit ${maxQty}`,
    });
  }
  const maxOrders = policy.maxOrdersPerPhonePerCampaign;
  if (maxOrders !== null && order.ordersOfPhoneInCampaign > maxOrders) {
    reasons.push({
      code: 'too_many_orders',
      detail: `${order.ordersOfPhoneInCampaign} orders of this phone in the campaign > limit ${maxOrders}`,
    });
  }
  if (policy.blockedPhoneHashes.has(order.phoneHash)) {
    reasons.push({ code: 'blocked_phone', detail: 'the phone number is on the blocklist' });
  }
  if (policy.blockedAddresses.length > 0) {
    const address = normalizeAddress(order.pickupAddress);
    const hit = policy.blockedAddresses.find((fragment) => fragment !== '' && address.includes(fragment));
    if (hit !== undefined) {
      reasons.push({
        code: 'blocked_address',
        detail: `the pickup address matches the blocked address "${hit}"`,
      });
    }
  }
  return reasons;
}

import type { OrderStatus } from '../orders.tables.js';

/**
 * The order lifecycle as a transition table: pending payment → paid → confirmed (at the campaign's
 * cutoff) → shipped → delivered (to the pickup point) → picked up (pickup code verified) →
 * completed; cancelled from pending payment (customer, operator, or the clock when unpaid) and from
 * paid or confirmed (operator, with a refund). An order a risk check stopped waits on hold (风控待审)
 * until a reviewer approves it (→ pending payment) or rejects it (→ cancelled). A paid order whose
 * every unit has been refunded ends as refunded. Who may trigger each move is the caller's business;
 * this only says which moves exist.
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  on_hold: ['pending_payment', 'cancelled'],
  pending_payment: ['paid', 'cancelled'],
  paid: ['confirmed', 'cancelled', 'refunded'],
  confirmed: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['picked_up', 'refunded'],
  picked_up: ['completed', 'refunded'],
  completed: ['refunded'],
  cancelled: [],
  refunded: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[from];
}

/** Goods that never left the warehouse go back to stock when an order is cancelled. */
export function releasesStockOnCancel(from: OrderStatus): boolean {
  return from === 'on_hold' || from === 'pending_payment' || from === 'paid' || from === 'confirmed';
}

/** A cancelled order that had been paid needs its money back. */
export function needsRefundOnCancel(from: OrderStatus): boolean {
  return from === 'paid' || from === 'confirmed';
}

/** 订单状态 as the console shows it. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, { zh: string; en: string }> = {
  on_hold: { zh: '风控待审', en: 'On hold' },
  pending_payment: { zh: '待付款', en: 'Awaiting payment' },
  paid: { zh: '已付款', en: 'Paid' },
  confirmed: { zh: '已截单', en: 'Confirmed' },
  shipped: { zh: '已发货', en: 'Shipped' },
  delivered: { zh: '已到自提点', en: 'At pickup point' },
  picked_up: { zh: '已提货', en: 'Picked up' },
  completed: { zh: '已完成', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  refunded: { zh: '已退款', en: 'Refunded' },
};

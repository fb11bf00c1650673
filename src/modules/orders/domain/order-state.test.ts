import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../orders.tables.js';
import {
  canMove,
  needsRefundOnCancel,
  nextStatuses,
  ORDER_STATUS_LABELS,
  releasesStockOnCancel,
} from './order-state.js';

describe('the order lifecycle', () => {
  it.each([
    ['pending_payment', 'paid', true],
    ['pending_payment', 'cancelled', true],
    ['pending_payment', 'confirmed', false],
    ['paid', 'confirmed', true],
    ['paid', 'pending_payment', false],
    ['confirmed', 'shipped', true],
    ['shipped', 'cancelled', false],
    ['shipped', 'delivered', true],
    ['delivered', 'picked_up', true],
    ['picked_up', 'completed', true],
    ['completed', 'cancelled', false],
    ['cancelled', 'paid', false],
    ['on_hold', 'pending_payment', true],
    ['on_hold', 'cancelled', true],
    ['on_hold', 'paid', false],
    ['pending_payment', 'refunded', false],
    ['shipped', 'refunded', true],
    ['completed', 'refunded', true],
    ['refunded', 'paid', false],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it('ends in cancelled or refunded, and every status is reachable from on hold', () => {
    expect(nextStatuses('completed')).toEqual(['refunded']);
    expect(nextStatuses('cancelled')).toEqual([]);
    expect(nextStatuses('refunded')).toEqual([]);
    const seen = new Set<string>(['on_hold']);
    const todo = ['on_hold'] as (typeof ORDER_STATUSES)[number][];
    while (todo.length > 0) {
      for (const n of nextStatuses(todo.pop() ?? 'completed')) {
        if (seen.has(n)) continue;
        todo.push(n);
        seen.add(n);
      }
    }
    expect([...seen].sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('returns stock only for goods that never shipped, and refunds only what was paid', () => {
    expect(ORDER_STATUSES.filter(releasesStockOnCancel)).toEqual([
      'on_hold',
      'pending_payment',
      'paid',
      'confirmed',
    ]);
    expect(ORDER_STATUSES.filter(needsRefundOnCancel)).toEqual(['paid', 'confirmed']);
  });

  it('labels every status in both languages', () => {
    for (const s of ORDER_STATUSES)
      expect(ORDER_STATUS_LABELS[s].zh && ORDER_STATUS_LABELS[s].en).toBeTruthy();
  });
});

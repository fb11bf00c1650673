import { defineErrors, errorFactory } from '../../../platform/errors.js';

/**
 * Error codes of the money path (accrual, refunds, freeze, settlement); each code starts with
 * `commission.`, like the rest of the commission module's.
 */
export const commissionAccrualErrors = defineErrors({
  'commission.entry_not_found': { kind: 'not_found', en: 'Commission entry not found', zh: '佣金明细不存在' },
  'commission.order_not_found': { kind: 'not_found', en: 'Order not found', zh: '订单不存在' },
  'commission.order_not_paid': {
    kind: 'unprocessable',
    en: 'The order has not been paid, so it earns no commission yet',
    zh: '订单尚未付款，还没有佣金可计算',
  },
  'commission.settlement_not_found': {
    kind: 'not_found',
    en: 'Settlement not found',
    zh: '结算批次不存在',
  },
  'commission.settlement_day_open': {
    kind: 'unprocessable',
    en: 'Only a business day that has ended can be settled (T+1)',
    zh: '只能结算已经结束的营业日（T+1）',
  },
  'commission.invalid_day': {
    kind: 'validation',
    en: 'Not a calendar day (YYYY-MM-DD)',
    zh: '日期格式不正确（YYYY-MM-DD）',
  },
  'commission.invalid_range': {
    kind: 'validation',
    en: 'The start date is after the end date',
    zh: '开始日期晚于结束日期',
  },
});

export type CommissionAccrualErrorCode = keyof typeof commissionAccrualErrors;

export const accrualError = errorFactory(commissionAccrualErrors);

import { defineErrors, errorFactory } from '../../../platform/errors.js';

/**
 * Error codes of the period computations (month close, hot products, recruit bonuses), the
 * simulation and the leader's earnings pages. They start with `commission.` like the rest of the
 * module; this catalogue is registered beside the plans' one.
 */
export const commissionPeriodErrors = defineErrors({
  'commission.month_invalid': {
    kind: 'validation',
    en: 'A month is written YYYY-MM',
    zh: '月份格式须为 YYYY-MM',
  },
  'commission.month_not_over': {
    kind: 'unprocessable',
    en: 'The month is not over yet; it can be closed from the 1st of the next month',
    zh: '该月尚未结束，下月 1 日起才能进行月结',
  },
  'commission.no_plan_for_period': {
    kind: 'unprocessable',
    en: 'No commission plan was active for this period',
    zh: '该期间没有生效的佣金方案',
  },
  'commission.campaign_not_found': {
    kind: 'not_found',
    en: 'Campaign not found',
    zh: '团购活动不存在',
  },
  'commission.campaign_not_finished': {
    kind: 'conflict',
    en: 'The campaign’s orders are not all final yet (closed, every order completed or cancelled, the after-sales window passed)',
    zh: '该活动的订单尚未全部结束（活动已截单、所有订单已完成或取消且已过售后期）',
  },
  'commission.simulation_plan_not_found': {
    kind: 'not_found',
    en: 'Commission plan not found',
    zh: '佣金方案不存在',
  },
  'commission.simulation_not_draft': {
    kind: 'conflict',
    en: 'Only a draft plan can be simulated; the active plan is what it is compared with',
    zh: '只能试算草稿方案；生效中的方案是比较的基准',
  },
  'commission.simulation_plan_invalid': {
    kind: 'unprocessable',
    en: 'The draft cannot be computed until it is valid',
    zh: '草稿方案校验未通过，无法试算',
  },
  'commission.simulation_range_invalid': {
    kind: 'validation',
    en: 'The date range is invalid: the start must not be after the end, and at most 366 days',
    zh: '日期范围不合法：开始日期不能晚于结束日期，且最长 366 天',
  },
  'commission.period_run_not_found': {
    kind: 'not_found',
    en: 'Period run not found',
    zh: '期间计算记录不存在',
  },
  'commission.leader_not_found': {
    kind: 'not_found',
    en: 'Leader not found',
    zh: '团长不存在',
  },
});

export type CommissionPeriodErrorCode = keyof typeof commissionPeriodErrors;

export const commissionPeriodError = errorFactory(commissionPeriodErrors);

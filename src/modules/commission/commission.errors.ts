import { defineErrors, errorFactory } from '../../platform/errors.js';

/**
 * Error codes of the commission module; each code starts with `commission.`. Plan problems are 422:
 * the request is well formed but the plan it describes would be wrong to store or to pay.
 */
export const commissionErrors = defineErrors({
  'commission.plan_not_found': { kind: 'not_found', en: 'Commission plan not found', zh: '佣金方案不存在' },
  'commission.no_active_plan': {
    kind: 'unprocessable',
    en: 'There is no active commission plan to copy',
    zh: '当前没有生效中的佣金方案可供复制',
  },
  'commission.plan_not_draft': {
    kind: 'conflict',
    en: 'Only a draft plan can be changed; copy it into a new draft instead',
    zh: '只有草稿状态的方案可以修改，请复制为新草稿后再编辑',
  },
  'commission.plan_invalid_value': {
    kind: 'unprocessable',
    en: 'Plan value out of range',
    zh: '方案中的数值不合法',
  },
  'commission.plan_invalid_rate': {
    kind: 'unprocessable',
    en: 'A rate must be a whole number of basis points from 0 to 10000 (0% to 100%)',
    zh: '比例须为 0 到 10000 之间的整数基点（0% 至 100%）',
  },
  'commission.plan_invalid_amount': {
    kind: 'unprocessable',
    en: 'An amount must be a whole, non-negative number of fen within the limit',
    zh: '金额须为不超过上限的非负整数（单位：分）',
  },
  'commission.plan_depth_cap': {
    kind: 'unprocessable',
    en: 'More than 3 paid uplines needs an explicit acknowledgement (deep schemes are illegal 传销)',
    zh: '分佣层级超过 3 级需明确确认（多层级分销可能构成传销）',
  },
  'commission.plan_generations_exceed_depth': {
    kind: 'unprocessable',
    en: 'More generations than the paid depth of the chain',
    zh: '代数超过了方案的分佣层级',
  },
  'commission.plan_unknown_level': {
    kind: 'unprocessable',
    en: 'No leader level has this id',
    zh: '团长等级不存在',
  },
  'commission.plan_unknown_sku': {
    kind: 'unprocessable',
    en: 'No SKU has this id',
    zh: '商品规格（SKU）不存在',
  },
  'commission.plan_unknown_category': {
    kind: 'unprocessable',
    en: 'No category has this id',
    zh: '商品类目不存在',
  },
  'commission.plan_unknown_campaign': {
    kind: 'unprocessable',
    en: 'No campaign has this id',
    zh: '团购活动不存在',
  },
  'commission.plan_duplicate': {
    kind: 'unprocessable',
    en: 'The same item is listed twice',
    zh: '同一项目重复出现',
  },
  'commission.plan_tiers_out_of_order': {
    kind: 'unprocessable',
    en: 'Tiers must start at 0 and go up strictly',
    zh: '阶梯须从 0 开始且严格递增',
  },
  'commission.plan_steps_out_of_order': {
    kind: 'unprocessable',
    en: 'Ladder steps must go up strictly',
    zh: '阶梯奖励的件数门槛须严格递增',
  },
  'commission.plan_rates_overflow': {
    kind: 'unprocessable',
    en: 'The rates of a chain can add up to more than 100% of the amount paid',
    zh: '分佣链上的比例合计可能超过实付金额的 100%',
  },
  'commission.preview_invalid': {
    kind: 'unprocessable',
    en: 'The example chain or line cannot be computed',
    zh: '示例分佣链或订单行无法计算',
  },
});

export type CommissionErrorCode = keyof typeof commissionErrors;

export const commissionError = errorFactory(commissionErrors);

import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the order center; each code starts with `orders.`. */
export const ordersErrors = defineErrors({
  'orders.campaign_not_found': { kind: 'not_found', en: 'No such campaign', zh: '团购活动不存在' },
  'orders.campaign_not_open': {
    kind: 'conflict',
    en: 'The campaign is not open for orders now',
    zh: '该团购活动当前不可下单（未开始或已截单）',
  },
  'orders.item_not_in_campaign': {
    kind: 'validation',
    en: 'This item is not part of the campaign',
    zh: '该商品不在本次团购活动中',
  },
  'orders.duplicate_item': {
    kind: 'validation',
    en: 'The same item is listed twice',
    zh: '同一商品重复出现',
  },
  'orders.leader_not_found': { kind: 'validation', en: 'Unknown leader code', zh: '团长编码不存在' },
  'orders.leader_may_not_sell': {
    kind: 'unprocessable',
    en: 'This leader may not sell this campaign',
    zh: '该团长不能销售本次团购活动',
  },
  'orders.pickup_point_invalid': {
    kind: 'validation',
    en: 'The pickup point does not belong to this leader or is closed',
    zh: '自提点不属于该团长或已关闭',
  },
  'orders.phone_invalid': {
    kind: 'validation',
    en: 'Not a valid mainland mobile number',
    zh: '手机号格式不正确',
  },
  'orders.limit_exceeded': {
    kind: 'unprocessable',
    en: 'More than the per-customer limit for this item',
    zh: '超过该商品每人限购数量',
  },
  'orders.sold_out': { kind: 'conflict', en: 'Sold out', zh: '已售罄' },
  'orders.out_of_stock': { kind: 'conflict', en: 'Not enough stock in the warehouse', zh: '仓库库存不足' },
  'orders.idempotency_key_required': {
    kind: 'validation',
    en: 'An Idempotency-Key header (8-128 characters) is required',
    zh: '缺少 Idempotency-Key 请求头（8-128 个字符）',
  },
  'orders.idempotency_key_reused': {
    kind: 'unprocessable',
    en: 'This Idempotency-Key was already used for a different request',
    zh: '该 Idempotency-Key 已用于另一个不同的请求',
  },
  'orders.busy': {
    kind: 'unavailable',
    en: 'Too many orders at once; try again',
    zh: '下单人数过多，请稍后重试',
  },
  'orders.not_found': { kind: 'not_found', en: 'No such order', zh: '订单不存在' },
  'orders.storefront_leader_not_found': {
    kind: 'not_found',
    en: 'No such leader for this link',
    zh: '分享链接中的团长不存在',
  },
  'orders.my_orders_not_found': {
    kind: 'not_found',
    en: 'No orders match this phone number and pickup code',
    zh: '未找到与该手机号和提货码匹配的订单',
  },
  'orders.pickup_code_invalid': {
    kind: 'validation',
    en: 'No order waits at this pickup point with this pickup code',
    zh: '该自提点没有此提货码的待提订单',
  },
  'orders.illegal_transition': {
    kind: 'conflict',
    en: 'The order cannot make this change in its current status',
    zh: '订单当前状态不允许此操作',
  },
});

export const ordersError = errorFactory(ordersErrors);

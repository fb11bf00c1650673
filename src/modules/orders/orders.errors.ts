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
  'orders.leader_agreement_unsigned': {
    kind: 'unprocessable',
    en: 'This leader has not signed the current leader agreement and cannot sell yet',
    zh: '该团长尚未签署最新的团长协议，暂不能销售',
  },
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
  'orders.payment_sandbox_off': {
    kind: 'not_found',
    en: 'The sandbox payment is turned off (PAYMENT_SANDBOX)',
    zh: '沙箱支付未开启（PAYMENT_SANDBOX）',
  },
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
  'orders.my_orders_throttled': {
    kind: 'rate_limited',
    en: 'Too many lookups that matched nothing; try again after this many seconds',
    zh: '查询失败次数过多，请在以下秒数之后再试',
  },
  'orders.pickup_point_not_found': { kind: 'not_found', en: 'No such pickup point', zh: '自提点不存在' },
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
  'orders.payment_reference_required': {
    kind: 'validation',
    en: 'An offline payment needs its reference (e.g. the transfer’s serial number)',
    zh: '线下收款需要填写凭证号（如转账流水号）',
  },
  'orders.reference_not_accepted': {
    kind: 'validation',
    en: 'This payment provider makes its own reference; do not send one',
    zh: '该支付渠道自动生成凭证号，请勿填写',
  },
  'orders.refund_not_paid': {
    kind: 'conflict',
    en: 'The order has not been paid; cancel it instead of refunding',
    zh: '订单尚未付款，无需退款，请直接取消订单',
  },
  'orders.refund_closed': {
    kind: 'conflict',
    en: 'The order is cancelled or already fully refunded; nothing is left to refund',
    zh: '订单已取消或已全额退款，没有可退的商品',
  },
  'orders.refund_reason_required': {
    kind: 'validation',
    en: 'A refund needs a reason',
    zh: '请填写退款原因',
  },
  'orders.refund_lines_required': {
    kind: 'validation',
    en: 'Say what to refund: either the whole order or at least one line, not both',
    zh: '请选择退款内容：整单退款，或至少一行商品（二者选一）',
  },
  'orders.refund_line_not_in_order': {
    kind: 'validation',
    en: 'No such line in this order',
    zh: '该订单中没有此商品行',
  },
  'orders.refund_line_duplicate': {
    kind: 'validation',
    en: 'The same order line is listed twice',
    zh: '同一商品行重复出现',
  },
  'orders.refund_quantity_invalid': {
    kind: 'validation',
    en: 'A refund quantity must be a whole number above zero',
    zh: '退款数量必须是大于 0 的整数',
  },
  'orders.refund_exceeds_remaining': {
    kind: 'unprocessable',
    en: 'More than what is left to refund on this line',
    zh: '超过该商品行剩余可退数量',
  },
});

export const ordersError = errorFactory(ordersErrors);

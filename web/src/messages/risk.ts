import type { Entry } from '../i18n';

/** Words of risk review (风控), Chinese first. */
export const riskMessages = {
  'nav.riskReview': { zh: '风控审核', en: 'Risk review' },
  'nav.riskSettings': { zh: '风控规则', en: 'Risk rules' },

  'risk.review.title': { zh: '风控审核', en: 'Risk review' },
  'risk.review.hint': {
    zh: '命中风控规则的订单会暂停在这里，审核通过后进入待付款，拒绝则取消订单并退回库存。',
    en: 'Orders that hit a risk rule wait here. Approve to send them on to payment; reject to cancel them and return their stock.',
  },
  'risk.hold.status.open': { zh: '待审核', en: 'Open' },
  'risk.hold.status.approved': { zh: '已通过', en: 'Approved' },
  'risk.hold.status.rejected': { zh: '已拒绝', en: 'Rejected' },
  'risk.hold.allStatuses': { zh: '全部', en: 'All' },
  'risk.hold.reasons': { zh: '风控原因', en: 'Reasons' },
  'risk.hold.status': { zh: '审核状态', en: 'Review' },
  'risk.hold.decision': { zh: '审核结果', en: 'Decision' },
  'risk.hold.order': { zh: '订单', en: 'Order' },
  'risk.hold.orderLeft': {
    zh: '订单已不在待审状态（{status}）',
    en: 'The order is no longer on hold ({status})',
  },
  'risk.hold.approve': { zh: '通过', en: 'Approve' },
  'risk.hold.reject': { zh: '拒绝', en: 'Reject' },
  'risk.hold.viewOrder': { zh: '订单详情', en: 'Order' },
  'risk.hold.approveTitle': { zh: '审核通过', en: 'Approve the order' },
  'risk.hold.rejectTitle': { zh: '审核拒绝', en: 'Reject the order' },
  'risk.hold.approveHint': {
    zh: '通过后订单进入待付款，付款时限从现在起重新计算。',
    en: 'The order goes on to payment; the payment deadline starts again from now.',
  },
  'risk.hold.rejectHint': {
    zh: '拒绝后订单取消，库存和限购数量退回。',
    en: 'The order is cancelled; its stock and purchase-limit counts return.',
  },
  'risk.hold.reason': { zh: '审核说明', en: 'Reason' },
  'risk.hold.reasonOptional': { zh: '审核说明（选填）', en: 'Reason (optional)' },
  'risk.hold.reasonRequired': { zh: '请填写拒绝原因', en: 'Give a reason for the rejection' },
  'risk.hold.approved': { zh: '已通过，订单进入待付款', en: 'Approved; the order awaits payment' },
  'risk.hold.rejected': {
    zh: '已拒绝，订单已取消，库存已退回',
    en: 'Rejected; the order is cancelled and its stock returned',
  },
  'risk.hold.empty': { zh: '没有待审核的订单', en: 'No orders wait for review' },

  'risk.reason.quantity_over_limit': { zh: '单笔数量超限', en: 'Too many units' },
  'risk.reason.too_many_orders': { zh: '下单次数过多', en: 'Too many orders' },
  'risk.reason.blocked_phone': { zh: '黑名单手机号', en: 'Blocked phone' },
  'risk.reason.blocked_address': { zh: '黑名单地址', en: 'Blocked address' },
  'risk.reasonDetail.quantity_over_limit': {
    zh: '本单 {a} 件，超过上限 {b} 件',
    en: '{a} units, over the limit of {b}',
  },
  'risk.reasonDetail.too_many_orders': {
    zh: '该手机号本活动第 {a} 单，超过上限 {b} 单',
    en: 'order {a} of this phone in the campaign, over the limit of {b}',
  },
  'risk.reasonDetail.blocked_phone': { zh: '手机号在黑名单中', en: 'The phone number is on the blocklist' },
  'risk.reasonDetail.blocked_address': {
    zh: '自提点地址命中黑名单“{a}”',
    en: 'The pickup address matches the blocked “{a}”',
  },

  'risk.settings.title': { zh: '风控规则', en: 'Risk rules' },
  'risk.policy.title': { zh: '下单风控', en: 'Order checks' },
  'risk.policy.enabled': { zh: '启用风控', en: 'Checks on' },
  'risk.policy.maxQuantity': { zh: '单笔订单最多件数', en: 'Units per order at most' },
  'risk.policy.maxOrders': {
    zh: '每个手机号每个活动最多下单次数',
    en: 'Orders per phone per campaign at most',
  },
  'risk.policy.noLimit': { zh: '不限', en: 'No limit' },
  'risk.policy.limitHint': {
    zh: '留空表示不限；超过的订单进入风控审核，不会直接拒绝。',
    en: 'Leave empty for no limit. Orders above it wait for review; they are not refused.',
  },
  'risk.policy.updated': { zh: '最近修改：{at}（{by}）', en: 'Last changed {at} by {by}' },
  'risk.policy.never': { zh: '尚未配置', en: 'Not configured yet' },
  'risk.policy.saved': {
    zh: '风控规则已保存，所有服务器即时生效',
    en: 'Saved; every server uses it within a second',
  },

  'risk.block.title': { zh: '黑名单', en: 'Blocklist' },
  'risk.block.add': { zh: '加入黑名单', en: 'Block' },
  'risk.block.kind': { zh: '类型', en: 'Kind' },
  'risk.block.kind.phone': { zh: '手机号', en: 'Phone' },
  'risk.block.kind.address': { zh: '地址', en: 'Address' },
  'risk.block.allKinds': { zh: '全部类型', en: 'All kinds' },
  'risk.block.value': { zh: '手机号 / 地址', en: 'Phone / address' },
  'risk.block.phone': { zh: '手机号', en: 'Phone number' },
  'risk.block.address': { zh: '地址片段', en: 'Address fragment' },
  'risk.block.addressHint': {
    zh: '自提点地址中包含此片段即命中（忽略空格和标点），如“幸福里3栋”。',
    en: 'Matches any pickup address containing it (spaces and punctuation ignored), e.g. “幸福里3栋”.',
  },
  'risk.block.reason': { zh: '原因', en: 'Reason' },
  'risk.block.createdBy': { zh: '添加人', en: 'Added by' },
  'risk.block.createdAt': { zh: '添加时间', en: 'Added' },
  'risk.block.remove': { zh: '移出', en: 'Remove' },
  'risk.block.removeTitle': { zh: '移出黑名单：{value}', en: 'Remove from the blocklist: {value}' },
  'risk.block.removeReason': { zh: '移出原因', en: 'Why remove it' },
  'risk.block.added': { zh: '已加入黑名单', en: 'Blocked' },
  'risk.block.removed': { zh: '已移出黑名单', en: 'Removed from the blocklist' },
  'risk.required': { zh: '必填', en: 'Required' },
} as const satisfies Record<string, Entry>;

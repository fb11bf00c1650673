import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the campaigns module; each code starts with `campaigns.`. */
export const campaignsErrors = defineErrors({
  'campaigns.not_found': { kind: 'not_found', en: 'Campaign not found', zh: '团购活动不存在' },
  'campaigns.code_taken': {
    kind: 'conflict',
    en: 'Another campaign already uses this code',
    zh: '活动编码已被其他活动使用',
  },
  'campaigns.sku_not_found': { kind: 'validation', en: 'No SKU has this id', zh: '商品规格（SKU）不存在' },
  'campaigns.sku_inactive': {
    kind: 'unprocessable',
    en: 'This SKU is inactive or its product is off sale',
    zh: '该商品规格已停用或商品已下架',
  },
  'campaigns.duplicate_sku': {
    kind: 'validation',
    en: 'The same SKU appears twice in the items',
    zh: '活动商品中同一规格出现了两次',
  },
  'campaigns.invalid_item': {
    kind: 'validation',
    en: 'Campaign item value out of range',
    zh: '活动商品的数值超出允许范围',
  },
  'campaigns.times_out_of_order': {
    kind: 'validation',
    en: 'Times must satisfy start < cutoff ≤ end',
    zh: '时间须满足：开始时间 < 截单时间 ≤ 结束时间',
  },
  'campaigns.delivery_before_cutoff': {
    kind: 'validation',
    en: 'The delivery date must not be before the cutoff date',
    zh: '配送日期不能早于截单日期',
  },
  'campaigns.regions_required': {
    kind: 'validation',
    en: 'Choose at least one region when selling to chosen regions',
    zh: '指定区域销售时至少选择一个区域',
  },
  'campaigns.region_not_found': { kind: 'validation', en: 'No region has this id', zh: '区域不存在' },
  'campaigns.warehouse_not_found': {
    kind: 'validation',
    en: 'No active warehouse has this id',
    zh: '发货仓不存在或已停用',
  },
  'campaigns.no_items': {
    kind: 'unprocessable',
    en: 'A campaign needs at least one item before it is scheduled',
    zh: '活动至少需要一个商品才能发布',
  },
  'campaigns.cutoff_passed': {
    kind: 'unprocessable',
    en: 'The order cutoff has already passed',
    zh: '截单时间已过',
  },
  'campaigns.not_editable': {
    kind: 'conflict',
    en: 'Only a draft campaign can be edited',
    zh: '只有草稿状态的活动可以编辑',
  },
  'campaigns.not_live': {
    kind: 'conflict',
    en: 'Only a published (scheduled or live) campaign takes this change; edit a draft instead',
    zh: '只有已发布或进行中的活动可以这样修改（草稿请直接编辑）',
  },
  'campaigns.item_not_found': {
    kind: 'not_found',
    en: 'The campaign has no item with this id',
    zh: '活动中没有该商品',
  },
  'campaigns.cap_below_sold': {
    kind: 'conflict',
    en: 'The cap cannot be lower than the quantity already sold',
    zh: '限量不能低于已售数量',
  },
  'campaigns.cutoff_not_later': {
    kind: 'validation',
    en: 'The new cutoff must be later than the current one; to stop sooner, close early',
    zh: '新的截单时间须晚于当前截单时间；如需提前结束，请使用“提前结束”',
  },
  'campaigns.illegal_transition': {
    kind: 'conflict',
    en: 'The campaign cannot move to this state',
    zh: '活动不能从当前状态变更为目标状态',
  },
});

export type CampaignsErrorCode = keyof typeof campaignsErrors;

export const campaignsError = errorFactory(campaignsErrors);

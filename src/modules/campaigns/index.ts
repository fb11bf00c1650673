/**
 * Campaigns module (团购活动 / 开团). Other modules use what is exported here only: the order module
 * reads a campaign with `getCampaignForOrdering`, asks `isOpenForOrders` with the server's clock,
 * and moves `campaign_items.sold` atomically (`changeCampaignSold`, `lowerSold`, or the fragments of
 * sale-statements.ts that the intake's one-statement batches embed).
 */

export { buyableNow } from './buyable.js';
export { onCampaignEdited } from './campaign-edits.js';
export {
  CAMPAIGN_STATES,
  type CampaignClockView,
  type CampaignState,
  canTransition,
  isOpenForOrders,
  maySellIn,
  stateAt,
} from './campaign-state.js';
export {
  advanceCampaigns,
  cancelCampaign,
  closeCampaignEarly,
  markCampaignFulfilled,
  scheduleCampaign,
  scheduleCampaignTx,
} from './campaign-transitions.service.js';
export type { CampaignInput, CampaignItemInput } from './campaign-validation.js';
export { campaignsErrors } from './campaigns.errors.js';
export { campaignsModule } from './campaigns.module.js';
export {
  type CampaignDetail,
  type CampaignForOrdering,
  type CampaignSaleWindow,
  campaignExists,
  campaignSaleWindowTx,
  campaignStorefrontText,
  changeCampaignSold,
  getCampaignDetail,
  getCampaignForOrdering,
  listCampaigns,
  lockCampaignItemsTx,
  skuLabel,
} from './campaigns.queries.js';
export { campaignsRoutes } from './campaigns.routes.js';
export { createCampaign, createCampaignTx, updateDraftCampaign } from './campaigns.service.js';
export { campaignItems, campaigns, DEFAULT_PAYMENT_MINUTES } from './campaigns.tables.js';
export {
  addCampaignItems,
  addCampaignItemsTx,
  changeItemCap,
  changeItemCapTx,
  changeItemPrice,
  changeItemPriceTx,
  extendCampaignCutoff,
  extendCampaignCutoffTx,
} from './live-edits.service.js';
export {
  type LiveCampaign,
  type LiveHub,
  type LiveHubOptions,
  type LiveItem,
  type LiveSnapshot,
  liveHubFor,
  registerCampaignLiveSubscribers,
} from './live-hub.js';
export {
  type CampaignSaleRow,
  campaignsForSaleJson,
  campaignsUnchangedSql,
  type ItemSaleRow,
  itemLimitSql,
  itemsForSaleJson,
  lockItemsForSale,
  lowerSold,
  raiseSoldSql,
} from './sale-statements.js';

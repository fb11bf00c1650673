import type { ExportColumn } from '../../platform/http/xlsx-export.js';
import { ORDER_STATUS_LABELS } from './domain/order-state.js';
import type { OrderListItem } from './orders.queries.js';

/** Orders read per page while the export streams. */
export const ORDER_EXPORT_PAGE = 2_000;

/**
 * The columns of the order center's export: Chinese headers with English beside them, the phone
 * masked as on the page, amounts in yuan as numbers (so the sheet can sum them) with a total.
 */
export const ORDER_EXPORT_COLUMNS: readonly ExportColumn<OrderListItem>[] = [
  { header: '订单号 Order', width: 32, value: (r) => r.id },
  { header: '下单时间 Placed (UTC)', width: 22, value: (r) => r.placedAt.replace('T', ' ').slice(0, 19) },
  { header: '状态 Status', width: 12, value: (r) => ORDER_STATUS_LABELS[r.status].zh },
  { header: '团购活动 Campaign', width: 20, value: (r) => r.campaignName },
  { header: '团长 Leader', width: 20, value: (r) => `${r.leaderName} (${r.leaderCode})` },
  { header: '自提点 Pickup point', width: 24, value: (r) => r.pickupPointName },
  { header: '用户 Customer', width: 12, value: (r) => r.customerName ?? '' },
  { header: '手机号 Phone', width: 14, value: (r) => r.phoneMasked },
  { header: '件数 Units', width: 8, value: (r) => r.itemCount, total: true },
  { header: '金额(元) Amount', width: 12, numFmt: '0.00', value: (r) => r.totalFen / 100, total: true },
];

import { formatLocalDateTime } from '../../platform/business-time.js';
import type { ExportColumn } from '../../platform/http/xlsx-export.js';
import { ORDER_STATUS_LABELS } from './domain/order-state.js';
import type { OrderExportRow, OrderLineExportRow } from './orders.queries.js';

/** Orders read per page while the export streams. */
export const ORDER_EXPORT_PAGE = 2_000;

/**
 * Which rows the 合计 row adds up: a cancelled order never took money (or gave it all back), so it is
 * listed but not counted; every other order counts with what is left after its refunds.
 */
export function countsInTotal(row: { status: string }): boolean {
  return row.status !== 'cancelled';
}

/** The 合计 row's own words for what it added up, so that nobody reads it as every row's sum. */
export function orderTotalLabel(counted: number): string {
  return `合计 Total: ${counted} 单，不含已取消，净额 = 金额 − 已退款 (excl. cancelled; net of refunds)`;
}

/** The SKU sheet's 合计 label: lines of the same orders as the first sheet's total. */
export function lineTotalLabel(counted: number): string {
  return `合计 Total: ${counted} 行，不含已取消订单 (excl. cancelled orders; net of refunds)`;
}

const yuan = (fen: number) => fen / 100;

/**
 * The columns of the order center's export: Chinese headers with English beside them, times on the
 * business clock (`tz`, as the console shows them), the pickup code a leader checks at hand-over,
 * the phone masked as on the page, amounts in yuan as numbers (so the sheet can sum them), with what
 * was refunded and the net beside the order's amount.
 */
export function orderExportColumns(tz: string): readonly ExportColumn<OrderExportRow>[] {
  return [
    { header: '订单号 Order', width: 32, value: (r) => r.id },
    { header: `下单时间 Placed (${tz})`, width: 20, value: (r) => formatLocalDateTime(r.placedAt, tz) },
    { header: '状态 Status', width: 10, value: (r) => ORDER_STATUS_LABELS[r.status].zh },
    { header: '提货码 Pickup code', width: 12, value: (r) => r.pickupCode },
    { header: '团购活动 Campaign', width: 20, value: (r) => r.campaignName },
    { header: '团长 Leader', width: 20, value: (r) => `${r.leaderName} (${r.leaderCode})` },
    { header: '自提点 Pickup point', width: 24, value: (r) => r.pickupPointName },
    { header: '用户 Customer', width: 12, value: (r) => r.customerName ?? '' },
    { header: '手机号 Phone', width: 14, value: (r) => r.phoneMasked },
    { header: '件数 Units', width: 8, value: (r) => r.itemCount, total: true },
    { header: '金额(元) Amount', width: 12, numFmt: '0.00', value: (r) => yuan(r.totalFen), total: true },
    {
      header: '已退款(元) Refunded',
      width: 14,
      numFmt: '0.00',
      value: (r) => yuan(r.refundedFen),
      total: true,
    },
    {
      header: '净额(元) Net = 金额 − 已退款',
      width: 16,
      numFmt: '0.00',
      value: (r) => yuan(r.totalFen - r.refundedFen),
      total: true,
    },
  ];
}

/** The second sheet: one row per SKU line of the same orders, for picking and reconciling by product. */
export function orderLineExportColumns(tz: string): readonly ExportColumn<OrderLineExportRow>[] {
  return [
    { header: '订单号 Order', width: 32, value: (r) => r.orderId },
    { header: `下单时间 Placed (${tz})`, width: 20, value: (r) => formatLocalDateTime(r.placedAt, tz) },
    { header: '状态 Status', width: 10, value: (r) => ORDER_STATUS_LABELS[r.status].zh },
    { header: '提货码 Pickup code', width: 12, value: (r) => r.pickupCode },
    { header: '团长 Leader', width: 20, value: (r) => `${r.leaderName} (${r.leaderCode})` },
    { header: '自提点 Pickup point', width: 24, value: (r) => r.pickupPointName },
    { header: '用户 Customer', width: 12, value: (r) => r.customerName ?? '' },
    { header: '商品 Product', width: 24, value: (r) => r.productName },
    { header: '规格 Spec', width: 14, value: (r) => r.spec },
    { header: 'SKU编码 SKU code', width: 16, value: (r) => r.skuCode },
    { header: '单价(元) Unit price', width: 12, numFmt: '0.00', value: (r) => yuan(r.unitPriceFen) },
    { header: '数量 Qty', width: 8, value: (r) => r.quantity, total: true },
    { header: '已退数量 Refunded qty', width: 10, value: (r) => r.refundedQuantity, total: true },
    { header: '金额(元) Amount', width: 12, numFmt: '0.00', value: (r) => yuan(r.amountFen), total: true },
    {
      header: '已退款(元) Refunded',
      width: 14,
      numFmt: '0.00',
      value: (r) => yuan(r.refundedFen),
      total: true,
    },
    {
      header: '净额(元) Net = 金额 − 已退款',
      width: 16,
      numFmt: '0.00',
      value: (r) => yuan(r.amountFen - r.refundedFen),
      total: true,
    },
  ];
}

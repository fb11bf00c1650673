import ExcelJS from 'exceljs';
import { ORDER_STATUS_LABELS } from './domain/order-state.js';
import type { OrderStatus } from './orders.tables.js';

export interface ExportRow {
  id: string;
  placedAt: string;
  status: OrderStatus;
  campaignName: string;
  leaderName: string;
  leaderCode: string;
  pickupPointName: string;
  customerName: string | null;
  phoneMasked: string;
  itemCount: number;
  totalFen: number;
}

/** The filtered order list as an xlsx sheet: Chinese headers with English beside them, amounts in yuan. */
export async function buildOrderExport(rows: readonly ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('订单 Orders');
  ws.columns = [
    { header: '订单号 Order', key: 'id', width: 32 },
    { header: '下单时间 Placed (UTC)', key: 'placedAt', width: 22 },
    { header: '状态 Status', key: 'status', width: 12 },
    { header: '团购活动 Campaign', key: 'campaignName', width: 20 },
    { header: '团长 Leader', key: 'leader', width: 20 },
    { header: '自提点 Pickup point', key: 'pickupPointName', width: 24 },
    { header: '用户 Customer', key: 'customerName', width: 12 },
    { header: '手机号 Phone', key: 'phoneMasked', width: 14 },
    { header: '件数 Units', key: 'itemCount', width: 8 },
    { header: '金额(元) Amount', key: 'amount', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      id: r.id,
      placedAt: r.placedAt.replace('T', ' ').slice(0, 19),
      status: ORDER_STATUS_LABELS[r.status].zh,
      campaignName: r.campaignName,
      leader: `${r.leaderName} (${r.leaderCode})`,
      pickupPointName: r.pickupPointName,
      customerName: r.customerName ?? '',
      phoneMasked: r.phoneMasked,
      itemCount: r.itemCount,
      // A number, not text, so the sheet can sum it.
      amount: Number((r.totalFen / 100).toFixed(2)),
    });
  }
  ws.getColumn('amount').numFmt = '0.00';
  const total = rows.reduce((a, r) => a + r.totalFen, 0);
  ws.addRow({ id: `合计 Total: ${rows.length}`, amount: Number((total / 100).toFixed(2)) }).font = {
    bold: true,
  };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

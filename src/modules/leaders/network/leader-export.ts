import ExcelJS from 'exceljs';

/** One leader as the export writes it: what the list shows. Phones stay masked in files too. */
export interface LeaderExportRow {
  code: string;
  name: string;
  phoneMasked: string;
  regionName: string | null;
  status: 'active' | 'suspended';
  referrerCode?: string | null | undefined;
  referrerName?: string | null | undefined;
  pickupPointCount: number;
  activePickupPointCount: number;
  createdAt: string;
}

const STATUS_ZH = { active: '正常', suspended: '已停用' } as const;

/** The filtered leaders list as an xlsx sheet (团长导出): Chinese headers with English beside them. */
export async function buildLeaderExport(rows: readonly LeaderExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tuanflow';
  const ws = wb.addWorksheet('团长 Leaders', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '团长码 Code', key: 'code', width: 10 },
    { header: '姓名 Name', key: 'name', width: 22 },
    { header: '手机号 Phone', key: 'phone', width: 14 },
    { header: '区域 Region', key: 'region', width: 14 },
    { header: '状态 Status', key: 'status', width: 10 },
    { header: '推荐人团长码 Referrer code', key: 'referrerCode', width: 14 },
    { header: '推荐人 Referrer', key: 'referrerName', width: 22 },
    { header: '自提点 Pickup points', key: 'points', width: 12 },
    { header: '营业中自提点 Open points', key: 'openPoints', width: 12 },
    { header: '创建时间 Created (UTC)', key: 'createdAt', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      code: r.code,
      name: r.name,
      phone: r.phoneMasked,
      region: r.regionName ?? '',
      status: STATUS_ZH[r.status],
      referrerCode: r.referrerCode ?? '',
      referrerName: r.referrerName ?? '',
      points: r.pickupPointCount,
      openPoints: r.activePickupPointCount,
      createdAt: r.createdAt.replace('T', ' ').slice(0, 19),
    });
  }
  ws.addRow({ code: `合计 Total: ${rows.length}` }).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { formatLocalDateTime } from '../../platform/business-time.js';
import type { PayoutMethod } from './ledger.tables.js';

export interface PayoutFileLine {
  seq: number;
  lineId: string;
  withdrawalId: string;
  payeeName: string;
  /** The full account number or openid: the file is what the bank or WeChat pays from. */
  account: string;
  bankName: string | null;
  amountFen: number;
  leaderCode: string;
}

export interface PayoutFileBatch {
  id: string;
  method: PayoutMethod;
  totalFen: number;
  lineCount: number;
  createdAt: string;
}

const yuan = (fen: number) => Number((fen / 100).toFixed(2));

/**
 * The batch as a batch-transfer file. Bank (批量转账/代发): 序号, 收款人户名, 收款账号, 开户银行,
 * 金额(元), 用途. WeChat merchant transfer (商家转账到零钱): 商家明细单号, 收款用户 openid, 收款用户姓名,
 * 转账金额(元), 转账备注. Account numbers are text cells so a spreadsheet never rounds a card number
 * to 1.23E+18. A second sheet holds the batch totals for the person who uploads the file, its time
 * on the business clock (`tz`).
 */
export async function buildPayoutFile(
  batch: PayoutFileBatch,
  lines: readonly PayoutFileLine[],
  tz: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(batch.method === 'bank' ? '批量转账' : '商家转账');
  if (batch.method === 'bank') {
    ws.columns = [
      { header: '序号', key: 'seq', width: 6 },
      { header: '收款人户名', key: 'payee', width: 14 },
      { header: '收款账号', key: 'account', width: 24 },
      { header: '开户银行', key: 'bank', width: 18 },
      { header: '金额(元)', key: 'amount', width: 12 },
      { header: '用途', key: 'memo', width: 36 },
    ];
  } else {
    ws.columns = [
      { header: '商家明细单号', key: 'detailNo', width: 32 },
      { header: '收款用户openid', key: 'account', width: 32 },
      { header: '收款用户姓名', key: 'payee', width: 14 },
      { header: '转账金额(元)', key: 'amount', width: 12 },
      { header: '转账备注', key: 'memo', width: 36 },
    ];
  }
  ws.getRow(1).font = { bold: true };
  for (const l of lines) {
    const row = ws.addRow({
      seq: l.seq,
      // WeChat detail numbers are letters and digits only, up to 32: the line id without its underscore.
      detailNo: l.lineId.replace(/[^A-Za-z0-9]/g, '').slice(0, 32),
      payee: l.payeeName,
      account: l.account,
      bank: l.bankName ?? '',
      amount: yuan(l.amountFen),
      memo: `团长佣金提现 ${l.leaderCode} ${l.withdrawalId}`,
    });
    row.getCell('account').numFmt = '@';
  }
  ws.getColumn('amount').numFmt = '0.00';
  const summary = wb.addWorksheet('汇总 Summary');
  summary.columns = [
    { header: '项目 Item', key: 'k', width: 22 },
    { header: '值 Value', key: 'v', width: 34 },
  ];
  summary.getRow(1).font = { bold: true };
  summary.addRows([
    { k: '批次号 Batch', v: batch.id },
    { k: '打款方式 Method', v: batch.method === 'bank' ? '银行卡 Bank' : '微信 WeChat' },
    { k: '笔数 Lines', v: batch.lineCount },
    { k: '总金额(元) Total', v: yuan(batch.totalFen) },
    { k: `生成时间 Created (${tz})`, v: formatLocalDateTime(batch.createdAt, tz) },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

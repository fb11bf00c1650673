import ExcelJS from 'exceljs';
import { formatLocalDateTime } from '../../platform/business-time.js';
import { STATEMENT_CATEGORY_LABELS } from './statement-math.js';
import type { LeaderStatement } from './statements.service.js';

const yuan = (fen: number) => Number((fen / 100).toFixed(2));

/**
 * The statement as an xlsx workbook: a summary sheet (期初, each category's amount and its effect on
 * the balance and on each account, 期末) and a detail sheet with every transfer and the running
 * balance. Amounts are numbers in yuan so the sheet can sum them; times are on the business clock
 * (`tz`), as the console shows them, with the zone named in the header.
 */
export async function buildStatementFile(s: LeaderStatement, tz: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet('对账单 Statement');
  sum.addRow([`团长对账单 Leader statement  ${s.leader.name} (${s.leader.code})  ${s.month}`]).font = {
    bold: true,
    size: 13,
  };
  sum.addRow([`期间 Period (${tz}): ${formatLocalDateTime(s.from, tz)} — ${formatLocalDateTime(s.to, tz)}`]);
  sum.addRow([]);
  const header = sum.addRow([
    '项目 Item',
    '笔数 Count',
    '金额(元) Amount',
    '余额影响(元) Effect',
    '待结算 Pending',
    '可提现 Available',
    '提现中 Withdrawing',
    '已提现 Paid out',
    '欠款 Owed',
  ]);
  header.font = { bold: true };
  const bucketCells = (b: {
    pending: number;
    available: number;
    withdrawing: number;
    paid_out: number;
    owed: number;
  }) => [yuan(b.pending), yuan(b.available), yuan(b.withdrawing), yuan(b.paid_out), yuan(b.owed)];
  sum.addRow([
    '期初余额 Opening balance',
    '',
    '',
    yuan(s.opening.balanceFen),
    ...bucketCells(s.opening),
  ]).font = {
    bold: true,
  };
  for (const r of s.rows) {
    const label = STATEMENT_CATEGORY_LABELS[r.category];
    sum.addRow([
      `${label.zh} ${label.en}`,
      r.count,
      yuan(r.amountFen),
      yuan(r.effectFen),
      ...bucketCells(r.deltas),
    ]);
  }
  sum.addRow([
    '期末余额 Closing balance',
    '',
    '',
    yuan(s.closing.balanceFen),
    ...bucketCells(s.closing),
  ]).font = {
    bold: true,
  };
  sum.addRow([]);
  sum.addRow(['余额 = 待结算 + 可提现 − 欠款  (balance = pending + available − owed)']);
  sum.columns.forEach((c, i) => {
    c.width = i === 0 ? 28 : 14;
  });
  for (let col = 3; col <= 9; col += 1) sum.getColumn(col).numFmt = '0.00';

  const detail = wb.addWorksheet('明细 Detail');
  detail.columns = [
    { header: `时间 Time (${tz})`, key: 'at', width: 20 },
    { header: '类别 Category', key: 'category', width: 16 },
    { header: '业务来源 Cause', key: 'cause', width: 40 },
    { header: '说明 Memo', key: 'memo', width: 30 },
    { header: '金额(元) Amount', key: 'amount', width: 12 },
    { header: '余额影响(元) Effect', key: 'effect', width: 14 },
    { header: '余额(元) Balance', key: 'balance', width: 12 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const l of s.lines) {
    detail.addRow({
      at: formatLocalDateTime(l.at, tz),
      category: STATEMENT_CATEGORY_LABELS[l.category].zh,
      cause: `${l.causeType}:${l.causeId}`,
      memo: l.memo ?? '',
      amount: yuan(l.amountFen),
      effect: yuan(l.effectFen),
      balance: yuan(l.balanceAfterFen),
    });
  }
  for (const k of ['amount', 'effect', 'balance']) detail.getColumn(k).numFmt = '0.00';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import { type LeaderAccountKind, NORMAL_SIDE } from './accounts.js';

/**
 * The monthly statement (对账单) of one leader, computed from the transfers that touch the leader's
 * accounts. The statement's balance is what the company owes the leader and has not yet put into a
 * withdrawal: `pending + available − owed`. Every transfer falls into one category; each category's
 * effect on that balance is fixed by which accounts it moves between, so
 * `opening + Σ effects = closing` holds by construction, and the per-account columns sum the same way.
 */

export const STATEMENT_CATEGORIES = [
  'accrual',
  'void',
  'settlement',
  'clawback',
  'owed_repaid',
  'withdrawal',
  'fee',
  'tax',
  'returned',
  'paid',
  'adjustment',
] as const;
export type StatementCategory = (typeof STATEMENT_CATEGORIES)[number];

export const STATEMENT_CATEGORY_LABELS: Record<StatementCategory, { zh: string; en: string }> = {
  accrual: { zh: '佣金入账', en: 'Accruals' },
  void: { zh: '佣金作废', en: 'Voids' },
  settlement: { zh: '结算', en: 'Settlements' },
  clawback: { zh: '退款扣回', en: 'Clawbacks' },
  owed_repaid: { zh: '欠款抵扣', en: 'Owed repaid' },
  withdrawal: { zh: '提现', en: 'Withdrawals' },
  fee: { zh: '提现手续费', en: 'Fees' },
  tax: { zh: '代扣个税', en: 'Tax withheld' },
  returned: { zh: '提现退回', en: 'Returned (rejected / failed)' },
  paid: { zh: '已打款', en: 'Paid out' },
  adjustment: { zh: '其他调整', en: 'Adjustments' },
};

export interface LegSide {
  owner: string;
  leaderId: string | null;
  kind: string;
}

/** One transfer as the statement reads it. */
export interface StatementLeg {
  id: number;
  at: Date;
  amountFen: number;
  causeType: string;
  causeId: string;
  memo: string | null;
  debit: LegSide;
  credit: LegSide;
}

/** Amounts per leader account, as the leader reads them (positive on the natural side). */
export interface Buckets {
  pending: number;
  available: number;
  withdrawing: number;
  paid_out: number;
  owed: number;
}

export const zeroBuckets = (): Buckets => ({
  pending: 0,
  available: 0,
  withdrawing: 0,
  paid_out: 0,
  owed: 0,
});

/** The statement balance: pending + available − owed. */
export const statementBalance = (b: Buckets) => b.pending + b.available - b.owed;

const BUCKET_KINDS: readonly LeaderAccountKind[] = [
  'pending',
  'available',
  'withdrawing',
  'paid_out',
  'owed',
];
const isBucket = (kind: string): kind is LeaderAccountKind =>
  (BUCKET_KINDS as readonly string[]).includes(kind);

const mine = (s: LegSide, leaderId: string) =>
  s.owner === 'leader' && s.leaderId === leaderId && isBucket(s.kind);

/** How one transfer changes the leader's buckets (display sign: a credit raises a credit-normal bucket). */
export function legDeltas(leg: StatementLeg, leaderId: string): Buckets {
  const d = zeroBuckets();
  if (mine(leg.debit, leaderId)) {
    const k = leg.debit.kind as LeaderAccountKind;
    d[k] += NORMAL_SIDE[k] === 'debit' ? leg.amountFen : -leg.amountFen;
  }
  if (mine(leg.credit, leaderId)) {
    const k = leg.credit.kind as LeaderAccountKind;
    d[k] += NORMAL_SIDE[k] === 'credit' ? leg.amountFen : -leg.amountFen;
  }
  return d;
}

/** Which statement row a transfer belongs to, from the accounts it moves between (and demo causes). */
export function classifyLeg(leg: StatementLeg, leaderId: string): StatementCategory {
  if (leg.causeType === 'demo_opening') return 'adjustment';
  const from = mine(leg.debit, leaderId) ? leg.debit.kind : null;
  const to = mine(leg.credit, leaderId) ? leg.credit.kind : null;
  const other = (s: LegSide) => (s.owner === 'company' ? s.kind : `leader:${s.kind}`);
  if (to === 'pending' && from === null && other(leg.debit) === 'commission_expense') return 'accrual';
  if (to === 'available' && from === null && other(leg.debit) === 'commission_expense') return 'accrual';
  if (from === 'pending' && to === null && other(leg.credit) === 'commission_expense') return 'void';
  if (from === 'pending' && to === 'available') return 'settlement';
  // A clawback debits available up to its balance and owed for the rest (owed grows).
  if (from === 'available' && to === null && other(leg.credit) === 'commission_expense') return 'clawback';
  if (from === 'owed' && to === null && other(leg.credit) === 'commission_expense') return 'clawback';
  // Crediting owed makes it smaller: later earnings (or a payment) repay what the leader owes.
  if (to === 'owed') return 'owed_repaid';
  if (from === 'available' && to === 'withdrawing') return 'withdrawal';
  if (from === 'available' && to === null && other(leg.credit) === 'fees') return 'fee';
  if (from === 'available' && to === null && other(leg.credit) === 'tax_withheld') return 'tax';
  if (
    to === 'available' &&
    (from === 'withdrawing' || other(leg.debit) === 'fees' || other(leg.debit) === 'tax_withheld')
  )
    return 'returned';
  if (from === 'withdrawing' && to === 'paid_out') return 'paid';
  return 'adjustment';
}

export interface StatementRow {
  category: StatementCategory;
  count: number;
  /** The total amount of the category's transfers (always ≥ 0). */
  amountFen: number;
  /** The category's change of the statement balance (signed). */
  effectFen: number;
  deltas: Buckets;
}

export interface StatementLine {
  transferId: number;
  at: string;
  category: StatementCategory;
  causeType: string;
  causeId: string;
  memo: string | null;
  amountFen: number;
  effectFen: number;
  balanceAfterFen: number;
}

export interface StatementFigures {
  opening: Buckets & { balanceFen: number };
  rows: StatementRow[];
  closing: Buckets & { balanceFen: number };
  lines: StatementLine[];
}

function add(a: Buckets, b: Buckets): Buckets {
  return {
    pending: a.pending + b.pending,
    available: a.available + b.available,
    withdrawing: a.withdrawing + b.withdrawing,
    paid_out: a.paid_out + b.paid_out,
    owed: a.owed + b.owed,
  };
}

/** Builds the statement from the opening buckets and the month's transfers (in posting order). */
export function buildStatement(
  leaderId: string,
  opening: Buckets,
  legs: readonly StatementLeg[],
): StatementFigures {
  const rows = new Map<StatementCategory, StatementRow>(
    STATEMENT_CATEGORIES.map((category) => [
      category,
      { category, count: 0, amountFen: 0, effectFen: 0, deltas: zeroBuckets() },
    ]),
  );
  let running = opening;
  const lines: StatementLine[] = [];
  for (const leg of legs) {
    const deltas = legDeltas(leg, leaderId);
    const effect = statementBalance(deltas);
    const category = classifyLeg(leg, leaderId);
    const row = rows.get(category) as StatementRow;
    row.count += 1;
    row.amountFen += leg.amountFen;
    row.effectFen += effect;
    row.deltas = add(row.deltas, deltas);
    running = add(running, deltas);
    lines.push({
      transferId: leg.id,
      at: leg.at.toISOString(),
      category,
      causeType: leg.causeType,
      causeId: leg.causeId,
      memo: leg.memo,
      amountFen: leg.amountFen,
      effectFen: effect,
      balanceAfterFen: statementBalance(running),
    });
  }
  return {
    opening: { ...opening, balanceFen: statementBalance(opening) },
    rows: [...rows.values()],
    closing: { ...running, balanceFen: statementBalance(running) },
    lines,
  };
}

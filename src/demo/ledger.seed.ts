import { inArray } from 'drizzle-orm';
import { leaders } from '../modules/leaders/index.js';
import {
  approveWithdrawalTx,
  CAUSE_DEMO_OPENING,
  createPayoutBatchTx,
  markPayoutLinePaidTx,
  postTransfersTx,
  requestWithdrawalTx,
  saveWithdrawalSettingsTx,
  setPayoutAccountTx,
  type TransferInput,
} from '../modules/ledger/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * Finance demo (财务): opening balances for the three first demo leaders, posted as real transfers
 * through postTransfersTx with the cause type `demo_opening` (演示期初余额, clearly not commission:
 * the commission module posts real accruals once orders are paid), their payout accounts, the
 * withdrawal rules, and withdrawals in each state a finance person handles: one waiting for review
 * (the `leader` login's), one approved in an open WeChat payout batch, one already paid by bank.
 * Independent of the commission module.
 */
const DEMO: Array<{
  availableFen: number;
  pendingFen: number;
  account: { method: 'bank' | 'wechat'; payeeName: string; account: string; bankName?: string };
}> = [
  {
    availableFen: 128_640,
    pendingFen: 35_680,
    account: {
      method: 'bank',
      payeeName: '陈静',
      account: '6222021202004567123',
      bankName: '中国工商银行杭州西湖支行',
    },
  },
  {
    availableFen: 245_000,
    pendingFen: 89_050,
    account: { method: 'wechat', payeeName: '刘建国', account: 'oX7kJ5demoLiuJianGuo01' },
  },
  {
    availableFen: 52_000,
    pendingFen: 12_300,
    account: {
      method: 'bank',
      payeeName: '王美玲',
      account: '6217001540009876543',
      bankName: '中国建设银行上海张江支行',
    },
  },
];

export async function seedLedgerDemo(deps: Deps, tx: Tx): Promise<void> {
  const actor: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };
  // The three leaders of leaders.seed.ts, found by their demo phones (other seeds add recruits).
  const phones = ['19900000101', '19900000102', '19900000103'];
  const found = await tx
    .select({ id: leaders.id, phoneHash: leaders.phoneHash })
    .from(leaders)
    .where(
      inArray(
        leaders.phoneHash,
        phones.map((p) => deps.crypto.hash(p)),
      ),
    );
  const rows = phones.flatMap((p) => found.filter((l) => l.phoneHash === deps.crypto.hash(p)));
  if (rows.length === 0) return;
  await saveWithdrawalSettingsTx(deps, tx, actor, {
    minAmountFen: 1_000,
    feeFixedFen: 0,
    feeBps: 60,
    dailyCountLimit: 3,
    taxBps: 0,
  });
  const transfers: TransferInput[] = [];
  for (const [i, row] of rows.entries()) {
    const demo = DEMO[i];
    if (!demo) continue;
    for (const [kind, amountFen] of [
      ['available', demo.availableFen],
      ['pending', demo.pendingFen],
    ] as const) {
      transfers.push({
        key: `demo_opening:${row.id}:${kind}`,
        debit: { owner: 'company', kind: 'commission_expense' },
        credit: { owner: 'leader', leaderId: row.id, kind },
        amountFen,
        causeType: CAUSE_DEMO_OPENING,
        causeId: 'demo',
        memo: '演示期初余额 demo opening balance',
      });
    }
    await setPayoutAccountTx(deps, tx, actor, row.id, demo.account);
  }
  await postTransfersTx(tx, deps.clock, transfers);

  const [first, second, third] = rows;
  if (first) {
    // Waiting in the review queue (待审核).
    await requestWithdrawalTx(deps, tx, actor, first.id, {
      amountFen: 30_000,
      idempotencyKey: 'demo-withdrawal-1',
    });
  }
  if (second) {
    // Approved and in an open WeChat batch, waiting to be marked paid or failed.
    const { withdrawal } = await requestWithdrawalTx(deps, tx, actor, second.id, {
      amountFen: 100_000,
      idempotencyKey: 'demo-withdrawal-2',
    });
    await approveWithdrawalTx(deps, tx, actor, withdrawal.id);
    await createPayoutBatchTx(deps, tx, actor, {
      method: 'wechat',
      withdrawalIds: [withdrawal.id],
      note: '演示批次',
    });
  }
  if (third) {
    // A finished one: approved, paid by bank transfer.
    const { withdrawal } = await requestWithdrawalTx(deps, tx, actor, third.id, {
      amountFen: 20_000,
      idempotencyKey: 'demo-withdrawal-3',
    });
    await approveWithdrawalTx(deps, tx, actor, withdrawal.id);
    const batch = await createPayoutBatchTx(deps, tx, actor, {
      method: 'bank',
      withdrawalIds: [withdrawal.id],
    });
    const line = batch.lines[0];
    if (line) await markPayoutLinePaidTx(deps, tx, actor, line.id, { reference: 'DEMO-BANK-0001' });
  }
}

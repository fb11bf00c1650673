import { eq } from 'drizzle-orm';
import { leaders } from '../modules/leaders/index.js';
import {
  balancesOf,
  requestWithdrawalTx,
  saveWithdrawalSettingsTx,
  setPayoutAccountTx,
} from '../modules/ledger/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * Finance demo (财务), on the money the demo leaders really earned in the replayed weeks: on the
 * company's first morning (seedPayoutSetupDemo) the withdrawal rules and the three first leaders'
 * payout accounts; in the replayed weeks (history.seed.ts) a withdrawal paid by bank and one
 * approved in an open WeChat batch; today (seedWithdrawalReviewDemo) the `leader` login's own
 * request, waiting for review (待审核).
 */
const ACCOUNTS: Array<{
  phone: string;
  account: { method: 'bank' | 'wechat'; payeeName: string; account: string; bankName?: string };
}> = [
  {
    phone: '19900000101',
    account: {
      method: 'bank',
      payeeName: '陈静',
      account: '6222021202004567123',
      bankName: '中国工商银行杭州西湖支行',
    },
  },
  {
    phone: '19900000102',
    account: { method: 'wechat', payeeName: '刘建国', account: 'oX7kJ5demoLiuJianGuo01' },
  },
  {
    phone: '19900000103',
    account: {
      method: 'bank',
      payeeName: '王美玲',
      account: '6217001540009876543',
      bankName: '中国建设银行上海张江支行',
    },
  },
];

const ACTOR: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };

async function leaderIdByPhone(deps: Deps, tx: Tx, phone: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: leaders.id })
    .from(leaders)
    .where(eq(leaders.phoneHash, deps.crypto.hash(phone)));
  return row?.id ?? null;
}

export async function seedPayoutSetupDemo(deps: Deps, tx: Tx): Promise<void> {
  await saveWithdrawalSettingsTx(deps, tx, ACTOR, {
    minAmountFen: 1_000,
    feeFixedFen: 0,
    feeBps: 60,
    dailyCountLimit: 3,
    taxBps: 0,
  });
  for (const a of ACCOUNTS) {
    const id = await leaderIdByPhone(deps, tx, a.phone);
    if (id) await setPayoutAccountTx(deps, tx, ACTOR, id, a.account);
  }
}

/** The `leader` login (陈静) asks for half of what she can withdraw; finance has it to review. */
export async function seedWithdrawalReviewDemo(deps: Deps, tx: Tx): Promise<number> {
  const id = await leaderIdByPhone(deps, tx, '19900000101');
  if (!id) return 0;
  const { availableFen } = await balancesOf(tx, id);
  const amountFen = Math.floor(availableFen / 200) * 100;
  if (amountFen < 1_000) return 0;
  await requestWithdrawalTx(deps, tx, { ...ACTOR, actorName: 'leader' }, id, {
    amountFen,
    idempotencyKey: 'demo-withdrawal-review',
  });
  return amountFen;
}

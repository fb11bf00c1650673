import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { ledgerError } from './ledger.errors.js';
import { withdrawalSettings } from './ledger.tables.js';
import { DEFAULT_WITHDRAWAL_RULES, type WithdrawalRules } from './withdrawal-math.js';

export interface WithdrawalSettingsView extends WithdrawalRules {
  updatedAt: string | null;
  updatedBy: string | null;
}

/** What finance saves: every rule, the debt setting optional (absent keeps what is saved). */
export type WithdrawalSettingsInput = Omit<WithdrawalRules, 'withdrawWhileOwed'> & {
  withdrawWhileOwed?: boolean | undefined;
};

const SETTINGS_ID = 'default';

/** The withdrawal rules in force; the defaults until finance first saves them. */
export async function getWithdrawalSettings(db: Executor): Promise<WithdrawalSettingsView> {
  const [row] = await db.select().from(withdrawalSettings).where(eq(withdrawalSettings.id, SETTINGS_ID));
  if (!row) return { ...DEFAULT_WITHDRAWAL_RULES, updatedAt: null, updatedBy: null };
  return {
    minAmountFen: row.minAmountFen,
    feeFixedFen: row.feeFixedFen,
    feeBps: row.feeBps,
    dailyCountLimit: row.dailyCountLimit,
    taxBps: row.taxBps,
    withdrawWhileOwed: row.withdrawWhileOwed,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/**
 * Saves the withdrawal rules (audited, with the values before and after). The fixed fee must leave
 * something of the minimum amount to pay, or no withdrawal could ever be made.
 */
export async function saveWithdrawalSettingsTx(
  deps: Pick<Deps, 'clock'>,
  tx: Tx,
  actor: Actor,
  body: WithdrawalSettingsInput,
): Promise<WithdrawalSettingsView> {
  const before = await getWithdrawalSettings(tx);
  // A client that does not know the debt setting yet keeps what is saved.
  const input: WithdrawalRules = {
    ...body,
    withdrawWhileOwed: body.withdrawWhileOwed ?? before.withdrawWhileOwed,
  };
  if (input.feeFixedFen >= input.minAmountFen) {
    throw ledgerError('ledger.settings_invalid', {
      field: 'body.feeFixedFen',
      detail: 'the fixed fee must be below the minimum amount',
    });
  }
  if (input.feeBps + input.taxBps >= 10_000) {
    throw ledgerError('ledger.settings_invalid', {
      field: 'body.taxBps',
      detail: 'the fee rate and the tax rate together must stay below 100%',
    });
  }
  const now = deps.clock.now();
  const values = { ...input, updatedAt: now, updatedBy: actor.actorName };
  await tx
    .insert(withdrawalSettings)
    .values({ id: SETTINGS_ID, ...values })
    .onConflictDoUpdate({ target: withdrawalSettings.id, set: values });
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.withdrawal_settings.update',
    entityType: 'withdrawal_settings',
    entityId: SETTINGS_ID,
    before,
    after: input,
  });
  return { ...input, updatedAt: now.toISOString(), updatedBy: actor.actorName };
}

export function saveWithdrawalSettings(deps: Deps, actor: Actor, input: WithdrawalSettingsInput) {
  return deps.db.transaction((tx) => saveWithdrawalSettingsTx(deps, tx, actor, input));
}

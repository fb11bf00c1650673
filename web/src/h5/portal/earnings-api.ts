import { api, apiRequest } from '../../api';

/**
 * The leader's money in the portal: earnings and entries (/api/portal/earnings...), and the
 * ledger's own routes for withdrawals, the payout account and statements (/api/ledger/me/...).
 * Shapes mirror the server's response schemas.
 */

export interface Words {
  zh: string;
  en: string;
}

export interface RuleTotal {
  rule: string;
  ruleLabel: Words;
  entries: number;
  amountFen: number;
  netFen: number;
}

export interface EarningsSummary {
  leader: { id: string; name: string; code: string };
  estimatedFen: number;
  pendingFen: number;
  availableFen: number;
  withdrawingFen: number;
  paidOutFen: number;
  owedFen: number;
  withdrawableFen: number;
  month: string;
  monthFen: number;
  monthByRule: RuleTotal[];
}

export interface EarningEntry {
  id: string;
  rule: string;
  ruleLabel: Words;
  orderRef: string | null;
  productName: string | null;
  amountFen: number;
  netFen: number;
  status: 'estimated' | 'final' | 'settled' | 'voided';
  paidAt: string | null;
  createdAt: string;
  text: Words;
}

export interface WithdrawalRules {
  minAmountFen: number;
  feeFixedFen: number;
  feeBps: number;
  dailyCountLimit: number;
  taxBps: number;
}

export interface PayoutAccount {
  method: 'bank' | 'wechat';
  payeeName: string;
  accountMasked: string;
  bankName: string | null;
}

export interface MyLedger {
  withdrawableFen: number;
  payoutAccount: PayoutAccount | null;
  rules: WithdrawalRules;
  requestsToday: number;
}

export interface WithdrawalPreview {
  amountFen: number;
  feeFen: number;
  taxFen: number;
  netFen: number;
  minAmountFen: number;
  withdrawableFen: number;
  problem: { code: string; zh: string; en: string } | null;
}

export interface Withdrawal {
  id: string;
  amountFen: number;
  feeFen: number;
  taxFen: number;
  netFen: number;
  status: 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
  method: 'bank' | 'wechat';
  accountMasked: string;
  requestedAt: string;
  rejectReason: string | null;
  failReason: string | null;
}

export interface Statement {
  month: string;
  opening: { balanceFen: number };
  closing: { balanceFen: number };
  rows: Array<{ category: string; label: Words; count: number; amountFen: number; effectFen: number }>;
}

/** A fresh key per confirmed request: a double tap replays the first answer instead of asking twice. */
function idempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `wd-${Date.now()}-${Math.random().toString(36).slice(2, 12)}`;
}

export const earningsApi = {
  summary: () => api.get<EarningsSummary>('/api/portal/earnings'),
  entries: (page: number, pageSize = 20) =>
    api.get<{ items: EarningEntry[]; total: number }>('/api/portal/earnings/entries', { page, pageSize }),
  preview: (amountFen: number) =>
    api.get<WithdrawalPreview>('/api/portal/earnings/withdrawal-preview', { amountFen }),
  ledger: () => api.get<MyLedger>('/api/ledger/me'),
  withdrawals: () =>
    api.get<{ items: Withdrawal[]; total: number }>('/api/ledger/me/withdrawals', { page: 1, pageSize: 50 }),
  withdraw: (amountFen: number) =>
    apiRequest<Withdrawal>('POST', '/api/ledger/me/withdrawals', {
      body: { amountFen },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  setPayoutAccount: (body: {
    method: 'bank' | 'wechat';
    payeeName: string;
    account: string;
    bankName?: string | null;
  }) => apiRequest<PayoutAccount>('PUT', '/api/ledger/me/payout-account', { body }),
  statement: (month: string) => api.get<Statement>('/api/ledger/me/statements', { month }),
};

import { type ApiRequestBody, type ApiResponse, call } from '../../api';

/**
 * The leader's money in the portal: earnings and entries (/api/portal/earnings...), and the
 * ledger's own routes for withdrawals, the payout account and statements (/api/ledger/me/...).
 * Shapes come from the generated schema.
 */

export type EarningsSummary = ApiResponse<'/api/portal/earnings'>;

export type RuleTotal = EarningsSummary['monthByRule'][number];

export type Words = RuleTotal['ruleLabel'];

export type EarningEntry = ApiResponse<'/api/portal/earnings/entries'>['items'][number];

export type MyLedger = ApiResponse<'/api/ledger/me'>;

export type WithdrawalRules = MyLedger['rules'];

export type PayoutAccount = NonNullable<MyLedger['payoutAccount']>;

export type WithdrawalPreview = ApiResponse<'/api/portal/earnings/withdrawal-preview'>;

export type Withdrawal = ApiResponse<'/api/ledger/me/withdrawals'>['items'][number];

export type Statement = ApiResponse<'/api/ledger/me/statements'>;

/** A fresh key per confirmed request: a double tap replays the first answer instead of asking twice. */
function idempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `wd-${Date.now()}-${Math.random().toString(36).slice(2, 12)}`;
}

export const earningsApi = {
  summary: () => call.get('/api/portal/earnings'),
  entries: (page: number, pageSize = 20) =>
    call.get('/api/portal/earnings/entries', { query: { page, pageSize } }),
  preview: (amountFen: number) =>
    call.get('/api/portal/earnings/withdrawal-preview', { query: { amountFen } }),
  ledger: () => call.get('/api/ledger/me'),
  withdrawals: () => call.get('/api/ledger/me/withdrawals', { query: { page: 1, pageSize: 50 } }),
  withdraw: (amountFen: number) =>
    call.post('/api/ledger/me/withdrawals', {
      body: { amountFen },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  setPayoutAccount: (body: ApiRequestBody<'/api/ledger/me/payout-account', 'put'>) =>
    call.put('/api/ledger/me/payout-account', { body }),
  statement: (month: string) => call.get('/api/ledger/me/statements', { query: { month } }),
};

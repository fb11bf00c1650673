import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the ledger module (总账, 提现, 打款, 对账单); each code starts with `ledger.`. */
export const ledgerErrors = defineErrors({
  'ledger.invalid_transfer': {
    kind: 'validation',
    en: 'A transfer is invalid (amount must be a whole number of fen above 0, debit and credit must differ, key and cause are required)',
    zh: '分录不合法（金额须为大于 0 的整数分，借贷账户不能相同，必须有幂等键和业务来源）',
  },
  'ledger.balance_below_zero': {
    kind: 'unprocessable',
    en: 'The posting would take a leader balance below zero (a clawback beyond the available balance must go to owed)',
    zh: '该记账会使团长余额为负（超出可提现余额的扣回须记入欠款）',
  },
  'ledger.transfer_key_reused': {
    kind: 'conflict',
    en: 'A transfer with this key was already posted with other accounts, amount or cause; a replay must repeat it exactly',
    zh: '该幂等键的分录已以不同的账户、金额或业务来源记账；重放必须与原分录完全一致',
  },
  'ledger.not_a_leader': {
    kind: 'not_found',
    en: 'No leader is linked to this login',
    zh: '当前登录账号未关联团长',
  },
  'ledger.leader_not_found': { kind: 'not_found', en: 'Leader not found', zh: '团长不存在' },
  'ledger.unknown_leader': { kind: 'validation', en: 'No leader has this id', zh: '团长不存在' },
  'ledger.withdrawal_not_found': { kind: 'not_found', en: 'Withdrawal not found', zh: '提现申请不存在' },
  'ledger.payout_batch_not_found': { kind: 'not_found', en: 'Payout batch not found', zh: '打款批次不存在' },
  'ledger.payout_line_not_found': { kind: 'not_found', en: 'Payout line not found', zh: '打款明细不存在' },
  'ledger.idempotency_key_required': {
    kind: 'validation',
    en: 'An Idempotency-Key header (8-128 characters) is required',
    zh: '缺少 Idempotency-Key 请求头（8-128 个字符）',
  },
  'ledger.idempotency_key_reused': {
    kind: 'conflict',
    en: 'This Idempotency-Key was already used for a different withdrawal request',
    zh: '该 Idempotency-Key 已用于另一笔不同的提现申请',
  },
  'ledger.below_minimum': {
    kind: 'unprocessable',
    en: 'The amount is below the minimum withdrawal amount',
    zh: '提现金额低于最低提现金额',
  },
  'ledger.owed_outstanding': {
    kind: 'unprocessable',
    en: 'The leader owes the company money (after a clawback); no withdrawal until it is repaid from later earnings',
    zh: '团长尚有欠款（扣回所致），在后续收益抵扣完欠款前不能提现',
  },
  'ledger.above_available': {
    kind: 'unprocessable',
    en: 'The amount is above the available balance',
    zh: '提现金额超过可提现余额',
  },
  'ledger.amount_below_fees': {
    kind: 'unprocessable',
    en: 'The amount does not cover the fee and the tax; nothing would be paid',
    zh: '提现金额不足以支付手续费和个税',
  },
  'ledger.daily_limit_reached': {
    kind: 'unprocessable',
    en: 'The daily number of withdrawal requests is used up; try again tomorrow',
    zh: '今日提现次数已用完，请明天再试',
  },
  'ledger.payout_account_missing': {
    kind: 'unprocessable',
    en: 'Set a payout account (bank card or WeChat) before requesting a withdrawal',
    zh: '请先设置收款账户（银行卡或微信）再申请提现',
  },
  'ledger.withdrawal_not_pending': {
    kind: 'conflict',
    en: 'This withdrawal has already been decided',
    zh: '该提现申请已处理，不能重复审核',
  },
  'ledger.withdrawal_not_approved': {
    kind: 'conflict',
    en: 'Only approved withdrawals not yet in a batch can be put in a payout batch',
    zh: '只有已审核通过且未加入批次的提现可以加入打款批次',
  },
  'ledger.nothing_to_batch': {
    kind: 'unprocessable',
    en: 'There are no approved withdrawals for this payout method',
    zh: '该收款方式下没有待打款的已审核提现',
  },
  'ledger.payout_line_already_marked': {
    kind: 'conflict',
    en: 'This payout line has already been marked paid or failed',
    zh: '该打款明细已标记为成功或失败，不能重复标记',
  },
  'ledger.bank_name_required': {
    kind: 'validation',
    en: 'A bank card needs the bank name',
    zh: '银行卡收款需填写开户银行',
  },
  'ledger.account_invalid': {
    kind: 'validation',
    en: 'The account number is not valid (bank card: 12-30 digits; WeChat openid: 6-64 letters, digits, - or _)',
    zh: '收款账号不合法（银行卡号 12-30 位数字；微信 openid 6-64 位字母、数字、- 或 _）',
  },
  'ledger.month_invalid': {
    kind: 'validation',
    en: 'The month must be written YYYY-MM',
    zh: '月份格式应为 YYYY-MM',
  },
  'ledger.settings_invalid': {
    kind: 'validation',
    en: 'The withdrawal settings are inconsistent',
    zh: '提现设置不合法',
  },
});

export const ledgerError = errorFactory(ledgerErrors);

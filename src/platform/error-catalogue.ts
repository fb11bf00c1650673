import { campaignsErrors } from '../modules/campaigns/index.js';
import { catalogErrors } from '../modules/catalog/index.js';
import {
  commissionAccrualErrors,
  commissionErrors,
  commissionPeriodErrors,
} from '../modules/commission/index.js';
import { customersErrors } from '../modules/customers/index.js';
import { inventoryErrors } from '../modules/inventory/index.js';
import {
  leaderLevelsErrors,
  leaderNetworkErrors,
  leadersErrors,
  onboardingErrors,
} from '../modules/leaders/index.js';
import { ledgerErrors } from '../modules/ledger/index.js';
import { ordersErrors } from '../modules/orders/index.js';
import { portalErrors } from '../modules/portal/index.js';
import { riskErrors } from '../modules/risk/index.js';
import { usersErrors } from './auth/auth.errors.js';
import { type ErrorSpec, httpStatusOf, platformErrors } from './errors.js';

/** Every module's error catalogue; a module adds its own here when it declares one. */
export const ERROR_CATALOGUES: Record<string, Record<string, ErrorSpec>> = {
  platform: platformErrors,
  users: usersErrors,
  catalog: catalogErrors,
  inventory: inventoryErrors,
  campaigns: campaignsErrors,
  leaders: leadersErrors,
  leader_levels: leaderLevelsErrors,
  leader_network: leaderNetworkErrors,
  leader_onboarding: onboardingErrors,
  customers: customersErrors,
  orders: ordersErrors,
  portal: portalErrors,
  risk: riskErrors,
  ledger: ledgerErrors,
  commission: commissionErrors,
  commission_period: commissionPeriodErrors,
  commission_accrual: commissionAccrualErrors,
};

/** docs/errors.md, generated from the catalogues so the page and the code cannot drift apart. */
export function renderErrorDocs(): string {
  const lines = [
    '# Error codes 错误码',
    '',
    'Generated from the code by `npm run docs:errors`; a test fails when this page is out of date.',
    'Every error answer has the body `{ "error": { "code", "message", "messageZh", "field"?, "detail"?, "requestId" } }`.',
    '`field` names the input at fault (`body.password`, `query.pageSize`, `params.id`).',
    '',
  ];
  for (const [name, catalogue] of Object.entries(ERROR_CATALOGUES)) {
    lines.push(`## ${name}`, '', '| code | HTTP | English | 中文 |', '|---|---|---|---|');
    for (const [code, spec] of Object.entries(catalogue)) {
      lines.push(`| \`${code}\` | ${httpStatusOf(spec.kind)} | ${spec.en} | ${spec.zh} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

import { SYSTEM_ACTOR } from '../../platform/audit/index.js';
import type { ModuleManifest } from '../../platform/module-manifest.js';
import { commissionAccrualErrors } from './accrual/accrual.errors.js';
import { commissionAccrualRoutes } from './accrual/accrual.routes.js';
import { freezeDue } from './accrual/freeze.js';
import { COMMISSION_CAUSE_TYPES } from './accrual/record-entries.js';
import { runDueSettlement } from './accrual/settle.js';
import { registerCommissionAccrualSubscribers } from './accrual/subscribers.js';
import { commissionErrors } from './commission.errors.js';
import { scanHotProducts } from './period/hot-products.service.js';
import { closeMissedMonths } from './period/month-close.service.js';
import { commissionPeriodErrors } from './period/period.errors.js';
import { commissionPeriodRoutes } from './period/period.routes.js';
import { runRecruitCheck } from './period/recruit-bonus.service.js';
import { commissionPlansRoutes } from './plans.routes.js';
import { portalEarningsRoutes } from './portal-earnings.routes.js';

/** Commission (佣金): plans, accrual on the ledger, freeze and T+1 settlement, the period computations. */
export const commissionModule: ModuleManifest = {
  name: 'commission',
  routes: [commissionPlansRoutes, commissionPeriodRoutes, commissionAccrualRoutes, portalEarningsRoutes],
  subscribers: [registerCommissionAccrualSubscribers],
  jobs: [
    {
      // Commission entries of completed orders become final once the after-sales window (售后期) has
      // passed: daily at 01:00 (Asia/Shanghai), and again by the settlement before it settles.
      name: 'commission-freeze',
      cron: '0 1 * * *',
      catchUpOnStart: true,
      run: (deps) => freezeDue(deps, SYSTEM_ACTOR),
    },
    {
      // T+1 settlement (结算) of the previous business day at 02:00; the hourly runs after it and the run
      // at start catch up after downtime: every day missed since the last settlement, oldest first (a
      // settled day is not settled again).
      name: 'commission-settle',
      cron: '0 2-23 * * *',
      catchUpOnStart: true,
      run: (deps) => runDueSettlement(deps, SYSTEM_ACTOR),
    },
    {
      // Month close (月结): tiered commission and the regional dividend of the previous month, at 03:00
      // on the 1st (Asia/Shanghai), and at every start: each month missed while the server was down is
      // closed, once (a month with a run is not closed again; period keys keep its entries unique).
      name: 'commission-month-close',
      cron: '0 3 1 * *',
      catchUpOnStart: true,
      run: (deps) => closeMissedMonths(deps, SYSTEM_ACTOR),
    },
    {
      // Daily: recruits who reached the recruit bonus's threshold in their window, and the hot-product
      // ladders of campaigns whose orders are all final.
      // Not caught up at start: the check looks back over each recruit's whole window (plus a grace),
      // so the next daily run finds what a missed one would have, and a run writes its own record.
      name: 'commission-period-daily',
      cron: '30 3 * * *',
      run: async (deps) => ({
        recruits: await runRecruitCheck(deps, SYSTEM_ACTOR, 'schedule'),
        hotProducts: await scanHotProducts(deps, SYSTEM_ACTOR),
      }),
    },
  ],
  importKinds: [],
  errors: {
    commission: commissionErrors,
    commission_period: commissionPeriodErrors,
    commission_accrual: commissionAccrualErrors,
  },
  causeTypes: COMMISSION_CAUSE_TYPES,
};

import type { ModuleManifest } from '../../platform/module-manifest.js';
import { LEDGER_CAUSE_TYPES } from './invariants.js';
import { ledgerErrors } from './ledger.errors.js';

/**
 * Ledger (总账, 提现, 打款). Its routes run the invariant check, which needs every module's cause
 * types: `src/modules.ts` wires them (`ledgerRoutes` with `causeTypes`).
 */
export const ledgerModule: ModuleManifest = {
  name: 'ledger',
  routes: [],
  subscribers: [],
  jobs: [],
  importKinds: [],
  errors: { ledger: ledgerErrors },
  causeTypes: LEDGER_CAUSE_TYPES,
};

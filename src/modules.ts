import { campaignsModule } from './modules/campaigns/index.js';
import { catalogModule } from './modules/catalog/index.js';
import { commissionModule } from './modules/commission/index.js';
import { customersModule, customersRoutes } from './modules/customers/index.js';
import { inventoryModule } from './modules/inventory/index.js';
import { leadersModule, registerLeaderNetworkSubscribers } from './modules/leaders/index.js';
import { ledgerModule, ledgerRoutes } from './modules/ledger/index.js';
import { completedOrderFacts, customerScopeOf, ordersModule } from './modules/orders/index.js';
import { portalModule } from './modules/portal/index.js';
import { riskModule } from './modules/risk/index.js';
import { type ErrorCatalogues, PLATFORM_ERROR_CATALOGUES } from './platform/error-catalogue.js';
import { type JobKind, platformJobKinds } from './platform/jobs/jobs.js';
import { type CauseCheck, causeTypesOf, type ModuleManifest } from './platform/module-manifest.js';

/**
 * The modules of this build, in order: routes, subscribers, jobs and error catalogues are registered
 * in this order (docs/errors.md lists the catalogues so). Adding a module is one line here.
 *
 * Each module's `index.ts` exports its manifest. A few pieces need another module's function and are
 * wired here rather than in the module, so that no module imports the one that imports it: the
 * leaders network's sales roll-up reads the orders module's completed orders, the customers routes
 * ask the orders module which customers a user may see, and the ledger's invariant check needs every
 * module's cause types.
 */
const DECLARED: readonly ModuleManifest[] = [
  catalogModule,
  inventoryModule,
  campaignsModule,
  leadersModule,
  customersModule,
  ordersModule,
  portalModule,
  riskModule,
  ledgerModule,
  commissionModule,
];

/** Every ledger cause type the modules declare, for the invariant check (`checkInvariants`). */
export const CAUSE_TYPES: Readonly<Record<string, CauseCheck>> = causeTypesOf(DECLARED);

export const MODULES: readonly ModuleManifest[] = DECLARED.map((m): ModuleManifest => {
  switch (m) {
    case leadersModule:
      return {
        ...m,
        subscribers: [
          ...m.subscribers,
          (deps) => registerLeaderNetworkSubscribers(deps, completedOrderFacts),
        ],
      };
    case customersModule:
      return {
        ...m,
        routes: [
          ...m.routes,
          async (app, { deps }) => {
            await app.register(customersRoutes, { deps, scopeOf: (user) => customerScopeOf(deps.db, user) });
          },
        ],
      };
    case ledgerModule:
      return {
        ...m,
        routes: [
          ...m.routes,
          async (app, { deps }) => {
            await app.register(ledgerRoutes, { deps, causeTypes: CAUSE_TYPES });
          },
        ],
      };
    default:
      return m;
  }
});

/** Every job kind: the platform's own (audit checkpoint, session purge, import resume), then each module's. */
export const JOB_KINDS: readonly JobKind[] = [
  ...platformJobKinds(MODULES.flatMap((m) => m.importKinds)),
  ...MODULES.flatMap((m) => m.jobs),
];

/** Every error catalogue, the platform's first; docs/errors.md is generated from this. */
export const ERROR_CATALOGUES: ErrorCatalogues = (() => {
  const out: Record<string, ErrorCatalogues[string]> = { ...PLATFORM_ERROR_CATALOGUES };
  for (const m of MODULES) {
    for (const [name, catalogue] of Object.entries(m.errors)) {
      if (out[name]) throw new Error(`error catalogue ${name} is declared twice (module ${m.name})`);
      out[name] = catalogue;
    }
  }
  return out;
})();

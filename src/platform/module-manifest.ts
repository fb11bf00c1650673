import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Executor } from './db/database.js';
import type { Deps } from './deps.js';
import type { ErrorSpec } from './errors.js';
import type { ImportKind } from './imports/index.js';
import type { JobKind } from './jobs/jobs.js';

/**
 * The shape every business module fills in and exports from its `index.ts`. Platform defines the
 * shape and never imports a module; `src/modules.ts` lists the manifests in order, and the
 * composition (app.ts, main.ts, subscribers.ts, the job runner, the error catalogue) iterates that
 * list. Adding a module is then one line in `src/modules.ts`.
 */
export interface ModuleManifest {
  /** The module's folder name under src/modules/. */
  readonly name: string;
  /** Fastify plugins registered in this order with `{ deps }`; each route declares its access. */
  readonly routes: readonly ModuleRoutes[];
  /** Registers the module's event subscribers on `deps.bus`; called once per process. */
  readonly subscribers: readonly ModuleSubscribers[];
  /** Scheduled or on-demand pg-boss job kinds (see platform/jobs/jobs.ts). */
  readonly jobs: readonly JobKind[];
  /** xlsx import kinds whose interrupted jobs the platform's `imports-resume` job takes over. */
  readonly importKinds: readonly ImportKind[];
  /** Closed error catalogues by name, as docs/errors.md lists them (`leader_levels`, ...). */
  readonly errors: Readonly<Record<string, Readonly<Record<string, ErrorSpec>>>>;
  /** Ledger cause types the module posts transfers with, and how the invariant check finds each cause. */
  readonly causeTypes: Readonly<Record<string, CauseCheck>>;
}

export type ModuleRoutes = FastifyPluginAsyncTypebox<{ deps: Deps }>;
export type ModuleSubscribers = (deps: Deps) => void;

/**
 * How the ledger's invariant check proves that a transfer's cause exists (declared by the module that
 * owns the cause's table, since only it knows where its rows live):
 * - `{ table, column }`: the cause id must be a value of that column (`commission_entries.id`);
 * - `{ findMissing }`: a query of its own that returns the cause ids it cannot find;
 * - `{ freeForm: true }`: the id is a label, not a reference (demo opening balances).
 */
export type CauseCheck = { label: string } & (
  | { table: string; column: string }
  | { findMissing: (db: Executor, causeType: string) => Promise<string[]> }
  | { freeForm: true }
);

/** Every cause type the listed modules declare; the same name declared twice is a mistake caught at start. */
export function causeTypesOf(modules: readonly ModuleManifest[]): Record<string, CauseCheck> {
  const out: Record<string, CauseCheck> = {};
  for (const m of modules) {
    for (const [type, check] of Object.entries(m.causeTypes)) {
      const existing = out[type];
      if (existing)
        throw new Error(`ledger cause type ${type} is declared twice (${existing.label}, ${check.label})`);
      out[type] = check;
    }
  }
  return out;
}

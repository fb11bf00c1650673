import {
  type Answer,
  acceptAll,
  type IntakeStats,
  type IntakeWriter,
  ordersRoutes,
  ordersRoutesWith,
  type PendingOrder,
} from '../src/modules/orders/index.js';
import { MODULES } from '../src/modules.js';
import type { Deps } from '../src/platform/deps.js';
import type { ModuleManifest } from '../src/platform/module-manifest.js';

/**
 * The flash-sale benchmark's references, supplied to the order intake as `IntakeWriter`s by
 * bench/bench-server.ts (`BENCH_MODE`); the product's build has none of them. They bound what the
 * real intake (`flushBatch`) could reach on a machine: from below (`naive`), from above (`nodb`,
 * `lean`).
 */

export type BenchMode = 'group' | 'naive' | 'nodb' | 'lean';

/** `BENCH_MODE=naive`: each request commits its own transaction at once, as the systems measured in the research do. */
const naive: IntakeWriter = { name: 'naive', oneByOne: true };

/**
 * `BENCH_MODE=nodb`: the answers `flushBatch` would give were every order of the batch accepted
 * (ids, pickup codes, the same bodies), with nothing read or written. The rate the route reaches
 * this way is what HTTP, validation, pricing, hashing and building the answers allow before any
 * database work.
 */
const nodb: IntakeWriter = {
  name: 'nodb',
  oneByOne: false,
  write: async (deps, batch) => acceptAll(deps, batch).answers,
};

/**
 * `BENCH_MODE=lean`: every order of the batch accepted and stored in the fewest rows an order could
 * have, in one statement that commits on its own (no BEGIN, no COMMIT, one round trip): the order
 * (with every index the table has), its lines, its idempotency key with the stored answer, and the
 * campaign item's sold counter, guarded by its cap. Nothing else the product writes per order: no
 * customer row (the phone's hash stands in for the customer id), no per-customer or per-phone
 * counters, no stock level, movement, timeline line, event or audit record, and no risk check.
 * Whatever rate this reaches is above anything the real intake can reach on the same machine.
 */
async function storeLeanly(deps: Deps, batch: readonly PendingOrder[]): Promise<Map<string, Answer>> {
  const { written, answers, stored } = acceptAll(deps, batch);
  const hashOf = new Map(batch.map((o) => [o.key, o.requestHash]));
  const sold = new Map<string, number>();
  for (const l of written.lines) sold.set(l.itemId, (sold.get(l.itemId) ?? 0) + l.quantity);
  const doc = JSON.stringify({
    o: written.rows.map((r) => [
      r.id,
      r.o.campaignId,
      r.o.leaderId,
      r.o.phoneHash,
      r.o.pickupPointId,
      r.o.totalFen,
      r.o.itemCount,
      r.code,
      r.o.key,
      r.dueAt,
    ]),
    l: written.lines.map((l) => [
      l.id,
      l.orderId,
      l.itemId,
      l.skuId,
      l.warehouseId,
      l.quantity,
      l.unitPriceFen,
      l.amountFen,
    ]),
    a: stored.map((s) => [s.key, hashOf.get(s.key), s.answer.statusCode, s.answer.body]),
    s: [...sold],
  });
  // The last SELECT divides by zero when a cap refused its counter: the statement, and so the whole
  // batch, is then rolled back (the benchmark gives this mode ample stock).
  await deps.pool.query(
    `WITH d AS (SELECT $1::json AS j),
     o AS (
       INSERT INTO orders (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen,
                           item_count, pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
       SELECT x->>0, x->>1, x->>2, x->>3, x->>4, 'pending_payment', (x->>5)::bigint, (x->>6)::int, x->>7,
              x->>8, $2::timestamptz, (x->>9)::timestamptz, $2::timestamptz
       FROM d, json_array_elements(d.j->'o') x),
     l AS (
       INSERT INTO order_lines (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
       SELECT x->>0, x->>1, x->>2, x->>3, x->>4, (x->>5)::int, (x->>6)::bigint, (x->>7)::bigint
       FROM d, json_array_elements(d.j->'l') x),
     r AS (
       INSERT INTO order_requests (idempotency_key, request_hash, status_code, response, created_at)
       SELECT x->>0, x->>1, (x->>2)::int, (x->3)::jsonb, $2::timestamptz FROM d, json_array_elements(d.j->'a') x),
     s AS (
       UPDATE campaign_items c SET sold = c.sold + (x->>1)::int, updated_at = $2::timestamptz
       FROM d, json_array_elements(d.j->'s') x
       WHERE c.id = x->>0 AND c.sold + (x->>1)::int <= c.stock_cap
       RETURNING 1)
     SELECT 1 / ((SELECT count(*) FROM s) - json_array_length((SELECT j->'s' FROM d)) + 1) AS ok`,
    [doc, written.at],
  );
  return answers;
}

const lean: IntakeWriter = { name: 'lean', oneByOne: false, write: storeLeanly };

const WRITERS: Readonly<Record<BenchMode, IntakeWriter | undefined>> = {
  group: undefined,
  naive,
  nodb,
  lean,
};

/**
 * The modules of src/modules.ts with the benchmark's changes: the order routes write with `mode`'s
 * writer (the product's own intake for `group`), and a `bench` module adds the benchmark's routes:
 * the do-nothing endpoint (the floor) and the intake's batch counters (for the report).
 */
export function benchModules(mode: BenchMode): ModuleManifest[] {
  let stats: Readonly<IntakeStats> = { fast: 0, careful: 0, missed: 0 };
  const writer = WRITERS[mode];
  const orders = ordersRoutesWith({
    ...(writer ? { writer } : {}),
    onIntake: (s) => {
      stats = s;
    },
  });
  const bench: ModuleManifest = {
    name: 'bench',
    routes: [
      async (app) => {
        app.post(
          '/api/bench/empty',
          { config: { access: { public: true } }, schema: { hide: true } },
          async () => ({
            ok: true,
          }),
        );
        app.get(
          '/api/bench/intake-stats',
          { config: { access: { public: true } }, schema: { hide: true } },
          async () => stats,
        );
      },
    ],
    subscribers: [],
    jobs: [],
    importKinds: [],
    errors: {},
    causeTypes: {},
  };
  return [
    ...MODULES.map((m) => ({ ...m, routes: m.routes.map((r) => (r === ordersRoutes ? orders : r)) })),
    bench,
  ];
}

import { receiveStockTx, setThresholdTx } from '../modules/inventory/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * A morning's deliveries for the demo warehouse: each SKU arrives once or twice, goes through the real
 * receive use-case (so the movement log, audit and events look as they would in use), and gets a
 * low-stock threshold. Quantities follow the SKU's position so the demo shows a spread: a best seller
 * with plenty, ordinary lines, and every fifth SKU short of its threshold so the "库存不足" tag and
 * the stock.low alert have something to show.
 */
export async function seedInventoryDemo(
  deps: Deps,
  tx: Tx,
  input: { warehouseId: string; skuIds: string[] },
): Promise<void> {
  const actor: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };
  for (const [i, skuId] of input.skuIds.entries()) {
    const short = i % 5 === 4;
    const threshold = [20, 30, 50, 10][i % 4] ?? 20;
    const first = short ? Math.max(1, threshold - 8) : 60 + ((i * 37) % 240);
    await receiveStockTx(deps, tx, actor, {
      skuId,
      warehouseId: input.warehouseId,
      quantity: first,
      reason: `到货入库 供应商送货单 DN-${String(1001 + i)}`,
      referenceType: 'delivery_note',
      referenceId: `DN-${String(1001 + i)}`,
    });
    if (!short && i % 3 === 0) {
      await receiveStockTx(deps, tx, actor, {
        skuId,
        warehouseId: input.warehouseId,
        quantity: 100,
        reason: '补货到仓',
      });
    }
    // The threshold comes after the goods, so an empty level is not announced as low before its first
    // delivery; for the short SKUs, setting it is the crossing that raises stock.low.
    await setThresholdTx(deps, tx, actor, {
      skuId,
      warehouseId: input.warehouseId,
      lowStockThreshold: threshold,
    });
  }
}

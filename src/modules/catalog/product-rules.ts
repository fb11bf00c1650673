import type { ProductPatch, ProductView } from './catalog.schemas.js';

/** Index of the first value that repeats an earlier one, or null when all differ. */
export function firstDuplicate(values: readonly string[]): number | null {
  const seen = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (seen.has(v)) return i;
    seen.add(v);
  }
  return null;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The product fields a patch actually changes (not the ones it merely repeats), for the event
 * payload and for skipping writes that would change nothing.
 */
export function changedProductFields(before: ProductView, patch: ProductPatch): string[] {
  const changed: string[] = [];
  if (patch.code !== undefined && patch.code !== before.code) changed.push('code');
  if (patch.name !== undefined && patch.name.trim() !== before.name) changed.push('name');
  if (patch.categoryId !== undefined && patch.categoryId !== before.categoryId) changed.push('categoryId');
  if (patch.unit !== undefined && patch.unit.trim() !== before.unit) changed.push('unit');
  if (patch.description !== undefined && patch.description !== before.description)
    changed.push('description');
  if (patch.images !== undefined && !sameList(patch.images, before.images)) changed.push('images');
  if (patch.supplier !== undefined && patch.supplier.trim() !== before.supplier) changed.push('supplier');
  return changed;
}

/** A SKU as messages name it: the product's name and the SKU's spec (土鸡蛋 30 枚装), never its id. */
export function skuLabel(
  sku: { productName?: string | undefined; spec?: string | undefined } | undefined,
): string {
  return sku ? `${sku.productName ?? ''} ${sku.spec ?? ''}`.trim() : '';
}

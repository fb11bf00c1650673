import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the inventory module; each code starts with `inventory.`. */
export const inventoryErrors = defineErrors({
  'inventory.unknown_sku': { kind: 'validation', en: 'No SKU has this id', zh: 'SKU 不存在' },
  'inventory.unknown_warehouse': { kind: 'validation', en: 'No warehouse has this id', zh: '仓库不存在' },
  'inventory.unknown_region': { kind: 'validation', en: 'No region has this id', zh: '区域不存在' },
  'inventory.sku_not_found': { kind: 'not_found', en: 'SKU not found', zh: 'SKU 不存在' },
  'inventory.warehouse_not_found': { kind: 'not_found', en: 'Warehouse not found', zh: '仓库不存在' },
  'inventory.warehouse_inactive': {
    kind: 'unprocessable',
    en: 'This warehouse is inactive; activate it before moving stock in',
    zh: '该仓库已停用，请先启用后再入库',
  },
  'inventory.warehouse_code_taken': {
    kind: 'conflict',
    en: 'Another warehouse already has this code',
    zh: '仓库编码已被占用',
  },
  'inventory.invalid_quantity': {
    kind: 'validation',
    en: 'The quantity must be a whole number greater than zero (an adjustment: not zero)',
    zh: '数量必须为正整数（调整数量不能为 0）',
  },
  'inventory.reason_required': {
    kind: 'validation',
    en: 'A reason is required for a stock adjustment',
    zh: '库存调整必须填写原因',
  },
  'inventory.below_allocated': {
    kind: 'unprocessable',
    en: 'The adjustment would leave less on hand than is allocated to orders',
    zh: '调整后的在库数量将少于已占用数量',
  },
});

export const inventoryError = errorFactory(inventoryErrors);

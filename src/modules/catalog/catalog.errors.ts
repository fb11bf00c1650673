import { defineErrors, errorFactory } from '../../platform/errors.js';

/**
 * Error codes of the catalog module; each code starts with `catalog.`. The `catalog.row.*` codes are
 * not HTTP answers of their own: they name the problems of one spreadsheet row in an import's
 * row-by-row report, and live here so the report and docs/errors.md share one list.
 */
export const catalogErrors = defineErrors({
  'catalog.category_not_found': { kind: 'validation', en: 'No such category', zh: '商品分类不存在' },
  'catalog.category_code_taken': {
    kind: 'conflict',
    en: 'This category code is already used',
    zh: '分类编码已被使用',
  },
  'catalog.product_not_found': { kind: 'not_found', en: 'Product not found', zh: '商品不存在' },
  'catalog.product_code_taken': {
    kind: 'conflict',
    en: 'This product code is already used',
    zh: '商品编码已被使用',
  },
  'catalog.sku_code_taken': {
    kind: 'conflict',
    en: 'This SKU code is already used',
    zh: 'SKU 编码已被使用',
  },
  'catalog.sku_not_found': {
    kind: 'validation',
    en: 'No such SKU on this product',
    zh: '该商品下不存在此 SKU',
  },
  'catalog.no_skus': {
    kind: 'validation',
    en: 'A product needs at least one SKU',
    zh: '商品至少需要一个规格（SKU）',
  },
  'catalog.import_not_found': { kind: 'not_found', en: 'Import job not found', zh: '导入任务不存在' },
  'catalog.import_file_invalid': {
    kind: 'validation',
    en: 'The file is not a readable xlsx workbook',
    zh: '文件不是可读取的 xlsx 工作簿',
  },
  'catalog.import_missing_columns': {
    kind: 'validation',
    en: 'The sheet lacks required columns; use the template',
    zh: '表格缺少必填列，请使用导入模板',
  },
  'catalog.import_empty': { kind: 'validation', en: 'The sheet has no data rows', zh: '表格中没有数据行' },
  'catalog.import_too_many_rows': {
    kind: 'validation',
    en: 'The sheet has too many rows for one import',
    zh: '单次导入的行数过多',
  },
  'catalog.row.required': { kind: 'validation', en: 'This column is required', zh: '此列为必填项' },
  'catalog.row.too_long': { kind: 'validation', en: 'The value is too long', zh: '内容过长' },
  'catalog.row.invalid_code': {
    kind: 'validation',
    en: 'Codes may use letters, digits and - _ . only',
    zh: '编码只能包含字母、数字和 - _ .',
  },
  'catalog.row.invalid_price': {
    kind: 'validation',
    en: 'The price must be a non-negative amount in yuan with at most 2 decimals',
    zh: '价格必须是不小于 0、最多两位小数的金额（元）',
  },
  'catalog.row.invalid_status': {
    kind: 'validation',
    en: 'Unknown status; use draft, on_sale or off_sale (草稿 / 在售 / 下架)',
    zh: '未知状态，请填写 草稿 / 在售 / 下架（draft / on_sale / off_sale）',
  },
  'catalog.row.invalid_url': {
    kind: 'validation',
    en: 'Image addresses must be http(s) URLs',
    zh: '图片地址必须是 http(s) 链接',
  },
  'catalog.row.unknown_category': {
    kind: 'validation',
    en: 'No category has this code or name',
    zh: '没有此编码或名称的商品分类',
  },
  'catalog.row.duplicate_sku': {
    kind: 'validation',
    en: 'This SKU code appears on an earlier row of the file',
    zh: '该 SKU 编码在文件前面的行中已出现',
  },
  'catalog.row.sku_of_other_product': {
    kind: 'validation',
    en: 'This SKU code already belongs to another product',
    zh: '该 SKU 编码已属于其他商品',
  },
  'catalog.row.product_mismatch': {
    kind: 'validation',
    en: 'Rows of one product code disagree on this product column',
    zh: '同一商品编码的多行在此商品列上的取值不一致',
  },
  'catalog.row.product_invalid': {
    kind: 'validation',
    en: 'Not imported: another row of the same product has errors',
    zh: '未导入：同一商品的其他行存在错误',
  },
});

export type CatalogErrorCode = keyof typeof catalogErrors & string;

export const catalogError = errorFactory(catalogErrors);

import type { Entry } from '../i18n';

/** Words of the catalog pages, Chinese first. */
export const catalogMessages = {
  'nav.catalog': { zh: '商品', en: 'Products' },

  'catalog.searchPlaceholder': {
    zh: '商品名称 / 商品编码 / SKU 编码 / 条码',
    en: 'Name, product code, SKU code or barcode',
  },
  'catalog.allCategories': { zh: '全部分类', en: 'All categories' },
  'catalog.allStatuses': { zh: '全部状态', en: 'All statuses' },
  'catalog.create': { zh: '新建商品', en: 'New product' },
  'catalog.edit': { zh: '编辑商品', en: 'Edit product' },
  'catalog.import': { zh: '批量导入', en: 'Import' },
  'catalog.export': { zh: '导出', en: 'Export' },
  'catalog.created': { zh: '商品已创建', en: 'Product created' },
  'catalog.updated': { zh: '商品已保存', en: 'Product saved' },

  'catalog.code': { zh: '商品编码', en: 'Product code' },
  'catalog.name': { zh: '商品名称', en: 'Name' },
  'catalog.category': { zh: '分类', en: 'Category' },
  'catalog.unit': { zh: '单位', en: 'Unit' },
  'catalog.supplier': { zh: '供应商', en: 'Supplier' },
  'catalog.images': { zh: '图片链接', en: 'Image URLs' },
  'catalog.imagesHelp': { zh: '每行一个 http(s) 地址', en: 'One http(s) URL per line' },
  'catalog.description': { zh: '商品描述', en: 'Description' },
  'catalog.status': { zh: '状态', en: 'Status' },
  'catalog.price': { zh: '售价', en: 'List price' },
  'catalog.skus': { zh: '规格（SKU）', en: 'SKUs' },
  'catalog.skuCount': { zh: '{count} 个规格', en: '{count} SKUs' },
  'catalog.updatedAt': { zh: '更新时间', en: 'Updated' },

  'catalog.status.draft': { zh: '草稿', en: 'Draft' },
  'catalog.status.on_sale': { zh: '在售', en: 'On sale' },
  'catalog.status.off_sale': { zh: '已下架', en: 'Off sale' },
  'catalog.putOnSale': { zh: '上架', en: 'Put on sale' },
  'catalog.takeOffSale': { zh: '下架', en: 'Take off sale' },
  'catalog.putOnSaleConfirm': { zh: '确定上架 {name}？', en: 'Put {name} on sale?' },
  'catalog.takeOffSaleConfirm': { zh: '确定下架 {name}？', en: 'Take {name} off sale?' },

  'catalog.sku.code': { zh: 'SKU 编码', en: 'SKU code' },
  'catalog.sku.spec': { zh: '规格', en: 'Spec' },
  'catalog.sku.barcode': { zh: '条码', en: 'Barcode' },
  'catalog.sku.listPrice': { zh: '售价（元）', en: 'List price (¥)' },
  'catalog.sku.costPrice': { zh: '成本价（元）', en: 'Cost price (¥)' },
  'catalog.sku.add': { zh: '添加规格', en: 'Add SKU' },
  'catalog.sku.remove': { zh: '移除', en: 'Remove' },
  'catalog.sku.inactive': { zh: '停用', en: 'Inactive' },

  'catalog.required': { zh: '必填', en: 'Required' },
  'catalog.codeRule': { zh: '字母、数字或 - _ .，最多 64 位', en: 'Letters, digits, - _ . (max 64)' },
  'catalog.skusRequired': { zh: '至少需要一个规格', en: 'Add at least one SKU' },

  'catalog.import.title': { zh: '批量导入商品', en: 'Import products' },
  'catalog.import.step1': {
    zh: '1. 下载模板，按说明填写（每行一个 SKU，同一商品编码的行合并为一个商品，已有编码将被更新）。',
    en: '1. Download the template and fill it in (one row per SKU; rows sharing a product code form one product; existing codes are updated).',
  },
  'catalog.import.template': { zh: '下载导入模板', en: 'Download template' },
  'catalog.import.step2': {
    zh: '2. 选择填好的 xlsx 文件，系统会先逐行校验。',
    en: '2. Choose the filled-in xlsx file; every row is checked first.',
  },
  'catalog.import.choose': { zh: '选择文件', en: 'Choose file' },
  'catalog.import.validating': { zh: '正在校验…', en: 'Checking…' },
  'catalog.import.importing': { zh: '正在导入…', en: 'Importing…' },
  'catalog.import.progress': {
    zh: '已处理 {processed} / {total} 行',
    en: '{processed} of {total} rows done',
  },
  'catalog.import.valid': {
    zh: '校验通过：共 {total} 行，没有错误。',
    en: 'All {total} rows are valid.',
  },
  'catalog.import.invalid': {
    zh: '共 {total} 行，发现 {count} 处错误。有错误时不会写入任何数据，除非选择仅导入正确的行。',
    en: '{total} rows, {count} errors. Nothing is written from a file with errors unless you import the good rows only.',
  },
  'catalog.import.importAll': { zh: '确认导入', en: 'Import' },
  'catalog.import.importValid': { zh: '仅导入正确的行', en: 'Import the good rows only' },
  'catalog.import.done': {
    zh: '导入完成：新建 {created} 个商品，更新 {updated} 个商品。',
    en: 'Done: {created} products created, {updated} updated.',
  },
  'catalog.import.failed': { zh: '导入失败：{message}', en: 'Import failed: {message}' },
  'catalog.import.rejected': {
    zh: '文件有错误，未写入任何数据。',
    en: 'The file has errors; nothing was written.',
  },
  'catalog.import.row': { zh: '行号', en: 'Row' },
  'catalog.import.field': { zh: '列', en: 'Column' },
  'catalog.import.error': { zh: '错误', en: 'Error' },
  'catalog.import.moreErrors': {
    zh: '仅显示前 {shown} 处错误（共 {count} 处）',
    en: 'Showing the first {shown} of {count} errors',
  },
  'catalog.import.close': { zh: '关闭', en: 'Close' },
} as const satisfies Record<string, Entry>;

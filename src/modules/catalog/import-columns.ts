import {
  columnOfHeader as sharedColumnOfHeader,
  headerText as sharedHeaderText,
} from '../../platform/imports/import-sheet.js';

/**
 * The columns of the import template (导入模板), in sheet order. One spreadsheet row is one SKU;
 * rows with the same product code form one product. The header cell of each column carries both
 * names ("商品编码 product_code"), and either name is enough for a column to be recognised, so a
 * sheet exported from another system only needs its headers renamed.
 */
export const IMPORT_COLUMNS = [
  {
    key: 'product_code',
    zh: '商品编码',
    required: true,
    level: 'product',
    noteZh: '必填。同一商品编码的多行合并为一个商品；已存在的编码将被更新。字母、数字及 - _ .',
    noteEn: 'Required. Rows with the same code form one product; an existing code is updated.',
    example: 'GN-QC',
  },
  {
    key: 'product_name',
    zh: '商品名称',
    required: true,
    level: 'product',
    noteZh: '新商品必填；更新已有商品时留空表示不修改。',
    noteEn: 'Required for a new product; blank keeps the current name of an existing one.',
    example: '赣南脐橙',
  },
  {
    key: 'category',
    zh: '商品分类',
    required: false,
    level: 'product',
    noteZh: '分类编码或分类名称，须为系统中已有分类。',
    noteEn: 'An existing category, by code or by name.',
    example: '生鲜水果',
  },
  {
    key: 'unit',
    zh: '单位',
    required: true,
    level: 'product',
    noteZh: '计量单位，如 箱、袋、盒、份。新商品必填。',
    noteEn: 'Unit of sale, e.g. 箱 (box), 袋 (bag). Required for a new product.',
    example: '箱',
  },
  {
    key: 'supplier',
    zh: '供应商',
    required: false,
    level: 'product',
    noteZh: '供应商名称。',
    noteEn: 'Supplier name.',
    example: '赣州果园合作社',
  },
  {
    key: 'status',
    zh: '状态',
    required: false,
    level: 'product',
    noteZh: '草稿 / 在售 / 下架（或 draft / on_sale / off_sale）。新商品留空为草稿。',
    noteEn: 'draft / on_sale / off_sale (草稿 / 在售 / 下架). Blank: draft for a new product.',
    example: '在售',
  },
  {
    key: 'images',
    zh: '图片链接',
    required: false,
    level: 'product',
    noteZh: '一个或多个 http(s) 图片地址，用换行、空格或逗号分隔。',
    noteEn: 'One or more http(s) image URLs separated by new lines, spaces or commas.',
    example: 'https://img.example.com/orange-1.jpg',
  },
  {
    key: 'description',
    zh: '商品描述',
    required: false,
    level: 'product',
    noteZh: '商品介绍文字。',
    noteEn: 'Product description.',
    example: '果园直发，酸甜多汁',
  },
  {
    key: 'sku_code',
    zh: 'SKU编码',
    required: true,
    level: 'sku',
    noteZh: '必填，全局唯一。已存在的 SKU 编码将被更新（须属于同一商品）。',
    noteEn: 'Required, unique across products. An existing SKU code is updated (same product only).',
    example: 'GN-QC-5',
  },
  {
    key: 'spec',
    zh: '规格',
    required: true,
    level: 'sku',
    noteZh: '必填，如 5斤装、1kg、30枚。',
    noteEn: 'Required, e.g. 5斤装, 1kg, 30枚.',
    example: '5斤装',
  },
  {
    key: 'barcode',
    zh: '条码',
    required: false,
    level: 'sku',
    noteZh: '商品条码（69 码等），字母数字，最多 32 位。',
    noteEn: 'Barcode (EAN etc.), letters and digits, at most 32.',
    example: '6901234567890',
  },
  {
    key: 'list_price',
    zh: '售价(元)',
    required: true,
    level: 'sku',
    noteZh: '必填，单位元，最多两位小数，不能为负。',
    noteEn: 'Required, in yuan, at most 2 decimals, not negative.',
    example: '29.90',
  },
  {
    key: 'cost_price',
    zh: '成本价(元)',
    required: true,
    level: 'sku',
    noteZh: '必填，单位元，最多两位小数，不能为负。',
    noteEn: 'Required, in yuan, at most 2 decimals, not negative.',
    example: '18.50',
  },
] as const;

export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

/** The header text written into the template: Chinese first, the stable key second. */
export function headerText(c: (typeof IMPORT_COLUMNS)[number]): string {
  return sharedHeaderText(c);
}

/**
 * Which column a header cell names: by its English key as a whole word, or by starting with its
 * Chinese name, so "商品编码 product_code", "product_code" and "售价(元)" all work. No Chinese name is
 * the start of another, so "SKU编码" never matches "商品编码".
 */
export function columnOfHeader(text: string): ColumnKey | null {
  return sharedColumnOfHeader(IMPORT_COLUMNS, text);
}

export const REQUIRED_COLUMNS: readonly ColumnKey[] = IMPORT_COLUMNS.filter((c) => c.required).map(
  (c) => c.key,
);

import ExcelJS from 'exceljs';
import {
  addDataSheet,
  addInstructionsSheet,
  readImportRows,
  type SheetRows as SharedSheetRows,
} from '../../platform/imports/import-sheet.js';
import { catalogError } from './catalog.errors.js';
import type { CategoryView, ProductView } from './catalog.schemas.js';
import type { RawRow } from './catalog-import.js';
import { fenToYuan } from './catalog-money.js';
import { type ColumnKey, IMPORT_COLUMNS } from './import-columns.js';

/** Reading and writing the catalog's xlsx files: the import template, uploaded sheets, the export. */

export const DATA_SHEET = '商品 Products';
export const MAX_IMPORT_ROWS = 50_000;
export { XLSX_MIME } from '../../platform/http/xlsx-response.js';

const STATUS_ZH = { draft: '草稿', on_sale: '在售', off_sale: '下架' } as const;

export { cellToPrimitive } from '../../platform/imports/import-sheet.js';

function dataSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = addDataSheet(wb, DATA_SHEET, IMPORT_COLUMNS, (key) =>
    key === 'images' || key === 'description' ? 36 : key === 'product_name' ? 22 : 16,
  );
  for (const key of ['list_price', 'cost_price'] as const) ws.getColumn(key).numFmt = '0.00';
  return ws;
}

/** The template: the data sheet with an example row, a sheet explaining the columns, the categories. */
export async function buildTemplate(categoryList: readonly CategoryView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tuanflow';
  const ws = dataSheet(wb);
  ws.addRow(exampleRow());
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };

  const rules: [string, string][] = [
    [
      '每一行是一个 SKU；商品编码相同的行属于同一个商品。',
      'One row is one SKU; rows sharing a product code form one product.',
    ],
    [
      '第 2 行是示例，未修改时导入会忽略它，可直接覆盖或删除。',
      'Row 2 is an example; left unchanged it is skipped. Overwrite or delete it.',
    ],
    ['价格单位为元，最多两位小数。', 'Prices are in yuan with at most 2 decimals.'],
    ['导入前会先校验全部行，并逐行列出错误。', 'Every row is checked first; errors are listed row by row.'],
    [
      '文件有错误时不会写入任何数据，除非选择"仅导入正确的行"。',
      'Nothing is written from a file with errors unless you choose to import the good rows.',
    ],
    [`单个文件最多 ${MAX_IMPORT_ROWS} 行。`, `At most ${MAX_IMPORT_ROWS} rows per file.`],
  ];
  addInstructionsSheet(wb, IMPORT_COLUMNS, rules);

  const cats = wb.addWorksheet('商品分类 Categories');
  cats.columns = [
    { header: '分类编码 code', key: 'code', width: 20 },
    { header: '分类名称 name', key: 'name', width: 24 },
  ];
  cats.getRow(1).font = { bold: true };
  for (const c of categoryList) cats.addRow({ code: c.code, name: c.name });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function exampleRow(): Record<ColumnKey, string | number> {
  const row = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.example])) as Record<
    ColumnKey,
    string | number
  >;
  return { ...row, list_price: Number(row.list_price), cost_price: Number(row.cost_price) };
}

/** The example row, left unchanged in an uploaded template, is not data. */
function isExampleRow(raw: RawRow): boolean {
  return IMPORT_COLUMNS.every((c) => {
    const v = raw[c.key];
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? fenToYuan(Math.round(v * 100)) : v;
    return s.trim() === c.example;
  });
}

export type SheetRows = SharedSheetRows<ColumnKey>;

/**
 * Reads the first sheet whose header names the product code column. Fails (nothing written) when the
 * file is not an xlsx, when required columns are missing, when there are no rows or too many.
 */
export function readImportSheet(file: Buffer): Promise<SheetRows> {
  const field = 'body.fileBase64';
  return readImportRows(file, {
    columns: IMPORT_COLUMNS,
    keyColumn: 'product_code',
    maxRows: MAX_IMPORT_ROWS,
    isExample: isExampleRow,
    problems: {
      fileInvalid: () => catalogError('catalog.import_file_invalid', { field }),
      missingColumns: (detail) => catalogError('catalog.import_missing_columns', { field, detail }),
      tooManyRows: (detail) => catalogError('catalog.import_too_many_rows', { field, detail }),
      empty: () => catalogError('catalog.import_empty', { field }),
    },
  });
}

/** The product list as a sheet in the template's layout, so an export can be edited and re-imported. */
export async function buildExport(list: readonly ProductView[], categoryList: readonly CategoryView[]) {
  const codeOf = new Map(categoryList.map((c) => [c.id, c.code]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tuanflow';
  const ws = dataSheet(wb);
  for (const p of list) {
    for (const s of p.skus) {
      ws.addRow({
        product_code: p.code,
        product_name: p.name,
        category: p.categoryId ? (codeOf.get(p.categoryId) ?? '') : '',
        unit: p.unit,
        supplier: p.supplier,
        status: STATUS_ZH[p.status],
        images: p.images.join('\n'),
        description: p.description,
        sku_code: s.code,
        spec: s.spec,
        barcode: s.barcode ?? '',
        list_price: s.listPriceFen / 100,
        cost_price: s.costPriceFen / 100,
      } satisfies Record<ColumnKey, string | number>);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

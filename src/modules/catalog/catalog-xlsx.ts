import ExcelJS from 'exceljs';
import { catalogError } from './catalog.errors.js';
import type { CategoryView, ProductView } from './catalog.schemas.js';
import type { Cell, RawRow } from './catalog-import.js';
import { fenToYuan } from './catalog-money.js';
import {
  type ColumnKey,
  columnOfHeader,
  headerText,
  IMPORT_COLUMNS,
  REQUIRED_COLUMNS,
} from './import-columns.js';

/** Reading and writing the catalog's xlsx files: the import template, uploaded sheets, the export. */

export const DATA_SHEET = '商品 Products';
export const MAX_IMPORT_ROWS = 50_000;
export { XLSX_MIME } from '../../platform/http/xlsx-response.js';

const STATUS_ZH = { draft: '草稿', on_sale: '在售', off_sale: '下架' } as const;

/** Turns whatever exceljs holds in a cell (rich text, hyperlink, formula ...) into text or a number. */
export function cellToPrimitive(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('');
    if ('result' in value) return cellToPrimitive(value.result);
    if ('text' in value) return cellToPrimitive(value.text);
    if ('error' in value) return String(value.error);
  }
  return null;
}

function dataSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: c.key === 'images' || c.key === 'description' ? 36 : c.key === 'product_name' ? 22 : 16,
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  IMPORT_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFFE7BA' : 'FFE6F4FF' },
    };
  });
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

  const help = wb.addWorksheet('填写说明 Instructions');
  help.columns = [
    { header: '列 Column', key: 'column', width: 26 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '说明', key: 'zh', width: 60 },
    { header: 'Notes', key: 'en', width: 60 },
    { header: '示例 Example', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    help.addRow({
      column: headerText(c),
      required: c.required ? '是 Yes' : '否 No',
      zh: c.noteZh,
      en: c.noteEn,
      example: c.example,
    });
  }
  help.addRow({});
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
  for (const [zh, en] of rules) help.addRow({ column: '规则 Rule', zh, en });
  help.getColumn('zh').alignment = { wrapText: true };
  help.getColumn('en').alignment = { wrapText: true };

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

export interface SheetRows {
  rows: { row: number; raw: RawRow }[];
}

/**
 * Reads the first sheet whose header names the product code column. Fails (nothing written) when the
 * file is not an xlsx, when required columns are missing, when there are no rows or too many.
 */
export async function readImportSheet(file: Buffer): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a plain ArrayBuffer copy satisfies it and JSZip reads it.
    await wb.xlsx.load(new Uint8Array(file).buffer);
  } catch {
    throw catalogError('catalog.import_file_invalid', { field: 'body.fileBase64' });
  }
  let columns: Map<number, ColumnKey> | null = null;
  let sheet: ExcelJS.Worksheet | null = null;
  for (const ws of wb.worksheets) {
    const found = new Map<number, ColumnKey>();
    ws.getRow(1).eachCell((cell, col) => {
      const text = cellToPrimitive(cell.value);
      const key = text === null ? null : columnOfHeader(String(text));
      if (key !== null && ![...found.values()].includes(key)) found.set(col, key);
    });
    if ([...found.values()].includes('product_code')) {
      columns = found;
      sheet = ws;
      break;
    }
  }
  if (!sheet || !columns) {
    throw catalogError('catalog.import_missing_columns', {
      field: 'body.fileBase64',
      detail: 'product_code',
    });
  }
  const present = new Set(columns.values());
  const missing = REQUIRED_COLUMNS.filter((k) => !present.has(k));
  if (missing.length > 0)
    throw catalogError('catalog.import_missing_columns', {
      field: 'body.fileBase64',
      detail: missing.join(', '),
    });
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS)
    throw catalogError('catalog.import_too_many_rows', {
      field: 'body.fileBase64',
      detail: `max ${MAX_IMPORT_ROWS}`,
    });
  const rows: SheetRows['rows'] = [];
  const map = columns;
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: RawRow = {};
    let blank = true;
    for (const [col, key] of map) {
      const v = cellToPrimitive(r.getCell(col).value);
      raw[key] = v;
      if (v !== null && String(v).trim() !== '') blank = false;
    }
    if (!blank && !isExampleRow(raw)) rows.push({ row: rowNumber, raw });
  });
  if (rows.length === 0) throw catalogError('catalog.import_empty', { field: 'body.fileBase64' });
  return { rows };
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

import ExcelJS from 'exceljs';
import type { DomainError } from '../errors.js';

/**
 * Reading and laying out import spreadsheets (导入模板), shared by every xlsx import (products,
 * leaders ...). A module describes its columns; this file turns an uploaded workbook into rows of
 * cells keyed by column, and writes the template's data and instruction sheets.
 */

/** A cell as the reader hands it over: text, a number, or nothing. */
export type Cell = string | number | null;

/** One column of an import template: the header carries both names ("商品编码 product_code"). */
export interface ImportColumn<K extends string = string> {
  key: K;
  zh: string;
  required: boolean;
  noteZh: string;
  noteEn: string;
  example: string;
}

/**
 * A workbook can carry a NUL character (written `_x0000_` in its XML, which exceljs decodes), but
 * PostgreSQL stores none and a spreadsheet shows nothing for it: it is dropped on reading, so the
 * row imports as the person sees it in Excel instead of failing the import's statement.
 */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

/** Turns whatever exceljs holds in a cell (rich text, hyperlink, formula ...) into text or a number. */
export function cellToPrimitive(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return withoutNul(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return withoutNul(value.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join(''));
    if ('result' in value) return cellToPrimitive(value.result);
    if ('text' in value) return cellToPrimitive(value.text);
    if ('error' in value) return String(value.error);
  }
  return null;
}

/** The header text written into a template: Chinese first, the stable key second. */
export function headerText(c: Pick<ImportColumn, 'key' | 'zh'>): string {
  return `${c.zh} ${c.key}`;
}

/**
 * Which column a header cell names: by its English key as a whole word, or by starting with its
 * Chinese name, so "商品编码 product_code", "product_code" and "售价(元)" all work. Columns must be
 * declared so that no Chinese name is the start of another.
 */
export function columnOfHeader<K extends string>(
  columns: readonly Pick<ImportColumn<K>, 'key' | 'zh'>[],
  text: string,
): K | null {
  const lower = text.trim().toLowerCase();
  const words = lower.split(/[^a-z0-9_]+/).filter(Boolean);
  for (const c of columns) {
    if (words.includes(c.key) || lower.startsWith(c.zh.toLowerCase())) return c.key;
  }
  return null;
}

/** The module's own errors for a file that cannot be imported at all (nothing is written). */
export interface SheetProblems {
  fileInvalid(): DomainError;
  missingColumns(detail: string): DomainError;
  tooManyRows(detail: string): DomainError;
  empty(): DomainError;
}

export interface SheetRows<K extends string> {
  rows: { row: number; raw: Partial<Record<K, Cell>> }[];
}

/**
 * Reads the first sheet whose header names `keyColumn`. Fails (nothing written) when the file is not
 * an xlsx, when required columns are missing, when there are no data rows or too many. Blank rows
 * and the template's unchanged example row are skipped.
 */
export async function readImportRows<K extends string>(
  file: Buffer,
  opts: {
    columns: readonly ImportColumn<K>[];
    keyColumn: K;
    maxRows: number;
    isExample: (raw: Partial<Record<K, Cell>>) => boolean;
    problems: SheetProblems;
  },
): Promise<SheetRows<K>> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a plain ArrayBuffer copy satisfies it and JSZip reads it.
    await wb.xlsx.load(new Uint8Array(file).buffer);
  } catch {
    throw opts.problems.fileInvalid();
  }
  let columns: Map<number, K> | null = null;
  let sheet: ExcelJS.Worksheet | null = null;
  for (const ws of wb.worksheets) {
    const found = new Map<number, K>();
    ws.getRow(1).eachCell((cell, col) => {
      const text = cellToPrimitive(cell.value);
      const key = text === null ? null : columnOfHeader(opts.columns, String(text));
      if (key !== null && ![...found.values()].includes(key)) found.set(col, key);
    });
    if ([...found.values()].includes(opts.keyColumn)) {
      columns = found;
      sheet = ws;
      break;
    }
  }
  if (!sheet || !columns) throw opts.problems.missingColumns(opts.keyColumn);
  const present = new Set(columns.values());
  const missing = opts.columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.key);
  if (missing.length > 0) throw opts.problems.missingColumns(missing.join(', '));
  if (sheet.actualRowCount - 1 > opts.maxRows) throw opts.problems.tooManyRows(`max ${opts.maxRows}`);
  const rows: SheetRows<K>['rows'] = [];
  const map = columns;
  sheet.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: Partial<Record<K, Cell>> = {};
    let blank = true;
    for (const [col, key] of map) {
      const v = cellToPrimitive(r.getCell(col).value);
      raw[key] = v;
      if (v !== null && String(v).trim() !== '') blank = false;
    }
    if (!blank && !opts.isExample(raw)) rows.push({ row: rowNumber, raw });
  });
  if (rows.length === 0) throw opts.problems.empty();
  return { rows };
}

/** The data sheet of a template or an export: frozen bilingual header, required columns shaded. */
export function addDataSheet<K extends string>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly ImportColumn<K>[],
  widthOf: (key: K) => number = () => 16,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: headerText(c), key: c.key, width: widthOf(c.key) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  columns.forEach((c, i) => {
    header.getCell(i + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFFE7BA' : 'FFE6F4FF' },
    };
  });
  return ws;
}

/** The instructions sheet (填写说明): one line per column, then the file's rules in both languages. */
export function addInstructionsSheet<K extends string>(
  wb: ExcelJS.Workbook,
  columns: readonly ImportColumn<K>[],
  rules: readonly (readonly [string, string])[],
): ExcelJS.Worksheet {
  const help = wb.addWorksheet('填写说明 Instructions');
  help.columns = [
    { header: '列 Column', key: 'column', width: 26 },
    { header: '必填 Required', key: 'required', width: 14 },
    { header: '说明', key: 'zh', width: 60 },
    { header: 'Notes', key: 'en', width: 60 },
    { header: '示例 Example', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow({
      column: headerText(c),
      required: c.required ? '是 Yes' : '否 No',
      zh: c.noteZh,
      en: c.noteEn,
      example: c.example,
    });
  }
  help.addRow({});
  for (const [zh, en] of rules) help.addRow({ column: '规则 Rule', zh, en });
  help.getColumn('zh').alignment = { wrapText: true };
  help.getColumn('en').alignment = { wrapText: true };
  return help;
}

import type { Cell as SheetCell } from '../../platform/imports/import-sheet.js';
import { type CatalogErrorCode, catalogErrors } from './catalog.errors.js';
import type { NewProductInput, ProductStatusValue, RowError, SkuPatch } from './catalog.schemas.js';
import { parseYuanToFen } from './catalog-money.js';
import type { ColumnKey } from './import-columns.js';

/**
 * Row-by-row validation of an import sheet, as pure functions: `parseRow` checks one row on its own,
 * `planImport` groups rows into products and checks them against each other and against what the
 * database already holds (passed in as `ImportContext`). Nothing here touches the database.
 */

/** A cell as the xlsx reader hands it over: text, a number, or nothing. */
export type Cell = SheetCell;
export type RawRow = Partial<Record<ColumnKey, Cell>>;

export interface ParsedRow {
  row: number;
  productCode: string | null;
  name: string | null;
  category: string | null;
  unit: string | null;
  supplier: string | null;
  status: ProductStatusValue | null;
  images: string[] | null;
  description: string | null;
  skuCode: string | null;
  spec: string | null;
  barcode: string | null;
  listPriceFen: number | null;
  costPriceFen: number | null;
  errors: RowError[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const BARCODE = /^[0-9A-Za-z-]{1,32}$/;
const URL = /^https?:\/\/\S+$/;

const STATUS_WORDS: Record<string, ProductStatusValue> = {
  draft: 'draft',
  草稿: 'draft',
  on_sale: 'on_sale',
  在售: 'on_sale',
  上架: 'on_sale',
  已上架: 'on_sale',
  off_sale: 'off_sale',
  下架: 'off_sale',
  已下架: 'off_sale',
};

export function rowError(row: number, field: ColumnKey, code: CatalogErrorCode, detail?: string): RowError {
  const spec = catalogErrors[code];
  const tail = detail === undefined ? '' : `: ${detail}`;
  return { row, field, code, message: `${spec.en}${tail}`, messageZh: `${spec.zh}${tail}` };
}

function text(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

/** Checks one row on its own: formats, lengths, required SKU columns, prices. */
export function parseRow(raw: RawRow, row: number): ParsedRow {
  const errors: RowError[] = [];
  const fail = (field: ColumnKey, code: CatalogErrorCode, detail?: string) =>
    errors.push(rowError(row, field, code, detail));
  const limited = (field: ColumnKey, max: number): string | null => {
    const v = text(raw[field]);
    if (v !== null && v.length > max) {
      fail(field, 'catalog.row.too_long', `max ${max}`);
      return null;
    }
    return v;
  };
  const code = (field: ColumnKey): string | null => {
    const v = text(raw[field]);
    if (v === null) fail(field, 'catalog.row.required');
    else if (!CODE.test(v)) fail(field, 'catalog.row.invalid_code', v.slice(0, 64));
    else return v;
    return null;
  };
  const price = (field: ColumnKey): number | null => {
    const cell = raw[field];
    if (text(cell ?? null) === null) {
      fail(field, 'catalog.row.required');
      return null;
    }
    const fen = parseYuanToFen(cell);
    if (fen === null) fail(field, 'catalog.row.invalid_price', String(cell).slice(0, 32));
    return fen;
  };

  const productCode = code('product_code');
  const statusText = text(raw.status);
  let status: ProductStatusValue | null = null;
  if (statusText !== null) {
    status = STATUS_WORDS[statusText.toLowerCase()] ?? null;
    if (status === null) fail('status', 'catalog.row.invalid_status', statusText.slice(0, 32));
  }
  const imagesText = text(raw.images);
  let images: string[] | null = null;
  if (imagesText !== null) {
    images = imagesText.split(/[\s,，;；]+/).filter(Boolean);
    const bad = images.find((u) => !URL.test(u) || u.length > 1000);
    if (bad !== undefined) {
      fail('images', 'catalog.row.invalid_url', bad.slice(0, 64));
      images = null;
    } else if (images.length > 20) {
      fail('images', 'catalog.row.too_long', 'max 20 images');
      images = null;
    }
  }
  const skuCode = code('sku_code');
  const spec = limited('spec', 64);
  if (text(raw.spec) === null) fail('spec', 'catalog.row.required');
  const barcode = limited('barcode', 32);
  if (barcode !== null && !BARCODE.test(barcode)) fail('barcode', 'catalog.row.invalid_code', barcode);
  return {
    row,
    productCode,
    name: limited('product_name', 128),
    category: limited('category', 64),
    unit: limited('unit', 16),
    supplier: limited('supplier', 128),
    status,
    images,
    description: limited('description', 4000),
    skuCode,
    spec,
    barcode: barcode !== null && BARCODE.test(barcode) ? barcode : null,
    listPriceFen: price('list_price'),
    costPriceFen: price('cost_price'),
    errors,
  };
}

/** What the database already holds, looked up once for the codes and names the file mentions. */
export interface ImportContext {
  /** Category id by lower-cased code and by lower-cased name. */
  categories: ReadonlyMap<string, string>;
  /** Existing product id by product code. */
  products: ReadonlyMap<string, string>;
  /** Existing SKU by SKU code: its id and its product's code. */
  skus: ReadonlyMap<string, { id: string; productCode: string }>;
}

export type PlannedProduct =
  | { kind: 'create'; rows: number[]; input: NewProductInput }
  | {
      kind: 'update';
      rows: number[];
      productId: string;
      fields: {
        name?: string;
        categoryId?: string;
        unit?: string;
        supplier?: string;
        images?: string[];
        description?: string;
      };
      status: ProductStatusValue | null;
      skus: SkuPatch[];
    };

export interface ImportPlan {
  products: PlannedProduct[];
  errors: RowError[];
  totalRows: number;
  /** Rows that will be written when the good rows are imported. */
  goodRows: number;
}

type ProductColumn = 'product_name' | 'category' | 'unit' | 'supplier' | 'status' | 'images' | 'description';
const PRODUCT_COLUMNS: readonly [ProductColumn, (r: ParsedRow) => string | null][] = [
  ['product_name', (r) => r.name],
  ['category', (r) => r.category],
  ['unit', (r) => r.unit],
  ['supplier', (r) => r.supplier],
  ['status', (r) => r.status],
  ['images', (r) => r.images?.join('\n') ?? null],
  ['description', (r) => r.description],
];
const PRODUCT_LEVEL = new Set<string>(['product_code', ...PRODUCT_COLUMNS.map(([c]) => c)]);

/**
 * Groups rows into products and checks what only the whole file shows: a SKU code repeated, a SKU
 * code that belongs to another product, an unknown category, product columns that disagree between
 * rows of one product, a new product without a name or unit. A product-level error spoils every row
 * of that product (it cannot be written half-right); an SKU-level error spoils only its own row.
 */
export function planImport(parsed: readonly ParsedRow[], ctx: ImportContext): ImportPlan {
  const errors: RowError[] = parsed.flatMap((r) => r.errors);
  const bad = new Set(errors.map((e) => e.row));
  const productLevelBad = new Set(errors.filter((e) => PRODUCT_LEVEL.has(e.field)).map((e) => e.row));
  const groups = new Map<string, ParsedRow[]>();
  for (const r of parsed) {
    if (r.productCode === null) continue;
    const list = groups.get(r.productCode) ?? [];
    list.push(r);
    groups.set(r.productCode, list);
  }
  const seenSku = new Set<string>();
  const products: PlannedProduct[] = [];
  for (const [code, rows] of groups) {
    const fail = (r: ParsedRow, field: ColumnKey, err: CatalogErrorCode, detail?: string) => {
      errors.push(rowError(r.row, field, err, detail));
      bad.add(r.row);
      if (PRODUCT_LEVEL.has(field)) productLevelBad.add(r.row);
    };
    const existingId = ctx.products.get(code);
    // Each product column takes its first non-blank value; a later different value is a mismatch.
    const value = new Map<ProductColumn, string>();
    for (const r of rows) {
      for (const [col, get] of PRODUCT_COLUMNS) {
        const v = get(r);
        if (v === null) continue;
        const first = value.get(col);
        if (first === undefined) value.set(col, v);
        else if (first !== v) fail(r, col, 'catalog.row.product_mismatch', v.slice(0, 64));
      }
    }
    const first = rows[0] as ParsedRow;
    let categoryId: string | undefined;
    const categoryRef = value.get('category');
    if (categoryRef !== undefined) {
      categoryId = ctx.categories.get(categoryRef.toLowerCase());
      const at = rows.find((r) => r.category === categoryRef) ?? first;
      if (categoryId === undefined) fail(at, 'category', 'catalog.row.unknown_category', categoryRef);
    }
    if (existingId === undefined) {
      if (!value.has('product_name')) fail(first, 'product_name', 'catalog.row.required');
      if (!value.has('unit')) fail(first, 'unit', 'catalog.row.required');
    }
    for (const r of rows) {
      if (r.skuCode === null) continue;
      if (seenSku.has(r.skuCode)) fail(r, 'sku_code', 'catalog.row.duplicate_sku', r.skuCode);
      seenSku.add(r.skuCode);
      const holder = ctx.skus.get(r.skuCode);
      if (holder && holder.productCode !== code)
        fail(r, 'sku_code', 'catalog.row.sku_of_other_product', `${r.skuCode} → ${holder.productCode}`);
    }
    if (rows.some((r) => productLevelBad.has(r.row))) {
      for (const r of rows) if (!bad.has(r.row)) fail(r, 'product_code', 'catalog.row.product_invalid', code);
      continue;
    }
    const good = rows.filter((r) => !bad.has(r.row));
    if (good.length === 0) continue;
    const skus: SkuPatch[] = good.map((r) => {
      const id = ctx.skus.get(r.skuCode as string)?.id;
      return {
        ...(id === undefined ? {} : { id }),
        code: r.skuCode as string,
        spec: r.spec as string,
        barcode: r.barcode,
        listPriceFen: r.listPriceFen as number,
        costPriceFen: r.costPriceFen as number,
      };
    });
    const images = value.get('images')?.split('\n');
    const status = (value.get('status') as ProductStatusValue | undefined) ?? null;
    const optional = {
      ...(categoryId === undefined ? {} : { categoryId }),
      ...(value.has('supplier') ? { supplier: value.get('supplier') } : {}),
      ...(images === undefined ? {} : { images }),
      ...(value.has('description') ? { description: value.get('description') } : {}),
    };
    const rowNumbers = good.map((r) => r.row);
    if (existingId === undefined) {
      products.push({
        kind: 'create',
        rows: rowNumbers,
        input: {
          code,
          name: value.get('product_name') as string,
          unit: value.get('unit') as string,
          ...optional,
          ...(status === null ? {} : { status }),
          skus: skus.map(({ id: _new, ...s }) => s),
        },
      });
    } else {
      products.push({
        kind: 'update',
        rows: rowNumbers,
        productId: existingId,
        fields: {
          ...(value.has('product_name') ? { name: value.get('product_name') } : {}),
          ...(value.has('unit') ? { unit: value.get('unit') } : {}),
          ...optional,
        },
        status,
        skus,
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const goodRows = products.reduce((n, p) => n + p.rows.length, 0);
  return { products, errors, totalRows: parsed.length, goodRows };
}

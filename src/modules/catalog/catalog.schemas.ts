import { type Static, Type } from 'typebox';
import { MAX_PRICE_FEN } from './catalog-money.js';

/** The JSON shapes of the catalog API: they validate requests and document the OpenAPI page. */

/** Codes travel into spreadsheets, other systems and barcodes on labels: keep them plain. */
export const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$';
export const Code = Type.String({ pattern: CODE_PATTERN, description: '1-64 letters, digits, _ . -' });
const Fen = Type.Integer({ minimum: 0, maximum: MAX_PRICE_FEN, description: 'integer fen (分)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ProductStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('on_sale'),
  Type.Literal('off_sale'),
]);
export const SkuStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);

export const CategorySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  createdAt: Type.String(),
});

export const NewCategoryBody = Type.Object(
  {
    code: Code,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    parentId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const SkuSchema = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  code: Type.String(),
  spec: Type.String(),
  barcode: Nullable(Type.String()),
  listPriceFen: Type.Integer(),
  costPriceFen: Type.Integer(),
  status: SkuStatus,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ProductSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  categoryId: Nullable(Type.String()),
  categoryName: Nullable(Type.String()),
  unit: Type.String(),
  description: Type.String(),
  images: Type.Array(Type.String()),
  supplier: Type.String(),
  status: ProductStatus,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  skus: Type.Array(SkuSchema),
});

const ImageUrl = Type.String({ pattern: '^https?://\\S+$', maxLength: 1000 });
const productFields = {
  name: Type.String({ minLength: 1, maxLength: 128 }),
  categoryId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  unit: Type.String({ minLength: 1, maxLength: 16, description: '计量单位, e.g. 箱 / 袋 / 盒' }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  images: Type.Optional(Type.Array(ImageUrl, { maxItems: 20 })),
  supplier: Type.Optional(Type.String({ maxLength: 128 })),
};
const skuFields = {
  code: Code,
  spec: Type.String({ minLength: 1, maxLength: 64, description: '规格, e.g. 5斤装 / 1kg' }),
  barcode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-Za-z-]{1,32}$' }))),
  listPriceFen: Fen,
  costPriceFen: Fen,
  status: Type.Optional(SkuStatus),
};

export const NewSkuBody = Type.Object(skuFields, { additionalProperties: false });
export const NewProductBody = Type.Object(
  {
    code: Code,
    ...productFields,
    status: Type.Optional(ProductStatus),
    skus: Type.Array(NewSkuBody, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

/** An SKU in an update: with `id` it changes that SKU, without one it adds a new SKU. */
export const SkuPatchBody = Type.Object(
  { id: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), ...skuFields },
  { additionalProperties: false },
);
export const ProductPatchBody = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(productFields.name),
    categoryId: productFields.categoryId,
    unit: Type.Optional(productFields.unit),
    description: productFields.description,
    images: productFields.images,
    supplier: productFields.supplier,
    skus: Type.Optional(Type.Array(SkuPatchBody, { maxItems: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const StatusBody = Type.Object({ status: ProductStatus }, { additionalProperties: false });

export const productListFilters = {
  q: Type.Optional(Type.String({ maxLength: 64, description: 'name, product code, SKU code or barcode' })),
  categoryId: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(ProductStatus),
};
export const ProductListQuery = Type.Object(productListFilters);

/** A file answer (xlsx); declared so the OpenAPI page shows it and the handler may send a Buffer. */
export const ImportMode = Type.Union([
  Type.Literal('validate'),
  Type.Literal('import_valid_rows'),
  Type.Literal('import_all'),
]);
export const ImportBody = Type.Object(
  {
    fileBase64: Type.String({ minLength: 1, maxLength: 28_000_000, description: 'the xlsx file, base64' }),
    mode: ImportMode,
  },
  { additionalProperties: false },
);

export const RowErrorSchema = Type.Object({
  row: Type.Integer(),
  field: Type.String(),
  code: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
});

export const ImportJobSchema = Type.Object({
  id: Type.String(),
  mode: ImportMode,
  status: Type.Union([
    Type.Literal('running'),
    Type.Literal('validated'),
    Type.Literal('completed'),
    Type.Literal('rejected'),
    Type.Literal('failed'),
  ]),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(RowErrorSchema),
  message: Nullable(Type.String()),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});

export type NewProductInput = Static<typeof NewProductBody>;
export type NewSkuInput = Static<typeof NewSkuBody>;
export type ProductPatch = Static<typeof ProductPatchBody>;
export type SkuPatch = Static<typeof SkuPatchBody>;
export type ProductView = Static<typeof ProductSchema>;
export type SkuView = Static<typeof SkuSchema>;
export type CategoryView = Static<typeof CategorySchema>;
export type ProductStatusValue = Static<typeof ProductStatus>;
export type ImportModeValue = Static<typeof ImportMode>;
export type RowError = Static<typeof RowErrorSchema>;
export type ImportJobView = Static<typeof ImportJobSchema>;
export type ProductListFilter = Static<typeof ProductListQuery>;

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { catalogError } from './catalog.errors.js';
import { getProduct, listCategories, listProducts } from './catalog.queries.js';
import {
  CategorySchema,
  NewCategoryBody,
  NewProductBody,
  ProductPatchBody,
  ProductSchema,
  productListFilters,
  StatusBody,
} from './catalog.schemas.js';
import { createCategory, createProduct, setProductStatus, updateProduct } from './catalog.service.js';
import { catalogImportRoutes } from './catalog-import.routes.js';

const P = PERMISSIONS;
const tags = ['catalog'];

/** The catalog HTTP API; every route declares its permission in config.access. */
export const catalogRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/catalog/categories',
    {
      config: { access: { permission: P.catalogRead } },
      schema: {
        tags,
        summary: 'Categories (商品分类)',
        response: { 200: Type.Object({ items: Type.Array(CategorySchema) }), ...standardErrors },
      },
    },
    () => listCategories(deps.db),
  );

  app.post(
    '/api/catalog/categories',
    {
      config: { access: { permission: P.catalogWrite } },
      schema: {
        tags,
        summary: 'Create a category (新建分类)',
        body: NewCategoryBody,
        response: { 201: CategorySchema, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createCategory(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/catalog/products',
    {
      config: { access: { permission: P.catalogRead } },
      schema: {
        tags,
        summary: 'List products with their SKUs; search by name, code, SKU code or barcode (商品列表)',
        querystring: Type.Object({ ...productListFilters, ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(ProductSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listProducts(deps.db, req.query),
  );

  app.get(
    '/api/catalog/products/:id',
    {
      config: { access: { permission: P.catalogRead } },
      schema: {
        tags,
        summary: 'One product with its SKUs (商品详情)',
        params: IdParams,
        response: { 200: ProductSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      const product = await getProduct(deps.db, req.params.id);
      if (!product)
        throw catalogError('catalog.product_not_found', { field: 'params.id', detail: req.params.id });
      return product;
    },
  );

  app.post(
    '/api/catalog/products',
    {
      config: { access: { permission: P.catalogWrite } },
      schema: {
        tags,
        summary: 'Create a product with its SKUs in one transaction (新建商品)',
        body: NewProductBody,
        response: { 201: ProductSchema, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createProduct(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/catalog/products/:id',
    {
      config: { access: { permission: P.catalogWrite } },
      schema: {
        tags,
        summary: 'Change product fields; add SKUs (no id) or change them (with id) (编辑商品)',
        params: IdParams,
        body: ProductPatchBody,
        response: { 200: ProductSchema, 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => updateProduct(deps, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/catalog/products/:id/status',
    {
      config: { access: { permission: P.catalogWrite } },
      schema: {
        tags,
        summary: 'Put on sale, take off sale, or back to draft (上架 / 下架)',
        params: IdParams,
        body: StatusBody,
        response: { 200: ProductSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => setProductStatus(deps, actorOf(req), req.params.id, req.body.status),
  );

  await app.register(catalogImportRoutes, { deps });
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import { formatLocalDay } from '../../platform/business-time.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../platform/http/schemas.js';
import { attachment, XlsxFile } from '../../platform/http/xlsx-response.js';
import { listAllProducts, listCategories } from './catalog.queries.js';
import { ImportBody, ImportJobSchema, ProductListQuery } from './catalog.schemas.js';
import { getImport, startImport } from './catalog-import.service.js';
import { buildExport, buildTemplate, XLSX_MIME } from './catalog-xlsx.js';

const P = PERMISSIONS;
const tags = ['catalog'];
/** An xlsx of 50,000 rows is a few MB; base64 adds a third. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
export const MAX_EXPORT_PRODUCTS = 20_000;

/** RFC 6266: a plain ASCII name for old clients and the UTF-8 name for the rest. */
/** The xlsx template, upload (as an import job), job progress, and export. */
export const catalogImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/catalog/import-template',
    {
      config: { access: { permission: P.catalogRead } },
      schema: {
        tags,
        summary: 'Download the xlsx import template (下载导入模板)',
        response: { 200: XlsxFile, ...standardErrors },
      },
    },
    async (_req, reply) => {
      const file = await buildTemplate((await listCategories(deps.db)).items);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('product-import-template.xlsx', '商品导入模板.xlsx'))
        .send(file);
    },
  );

  app.post(
    '/api/catalog/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: { permission: P.catalogWrite } },
      schema: {
        tags,
        summary: 'Upload an xlsx (base64) to validate or import; answers a job id to poll (批量导入)',
        body: ImportBody,
        response: { 202: Type.Object({ jobId: Type.String() }), 413: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(202).send(await startImport(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/catalog/imports/:id',
    {
      config: { access: { permission: P.catalogWrite } },
      schema: {
        tags,
        summary: 'Progress and row-by-row error report of an import (导入进度)',
        params: IdParams,
        response: { 200: ImportJobSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getImport(deps.db, req.params.id),
  );

  app.get(
    '/api/catalog/products/export',
    {
      config: { access: { permission: P.catalogRead } },
      schema: {
        tags,
        summary: 'Export the filtered product list as xlsx, in the import template’s layout (导出)',
        querystring: ProductListQuery,
        response: { 200: XlsxFile, ...standardErrors },
      },
    },
    async (req, reply) => {
      const [list, cats] = await Promise.all([
        listAllProducts(deps.db, req.query, MAX_EXPORT_PRODUCTS),
        listCategories(deps.db),
      ]);
      const file = await buildExport(list, cats.items);
      const day = formatLocalDay(deps.clock.now(), deps.config.businessTimeZone);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`products-${day}.xlsx`, `商品-${day}.xlsx`))
        .send(file);
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../../platform/http/xlsx-response.js';
import {
  buildLeaderImportErrorSheet,
  buildLeaderTemplate,
  getLeaderImport,
  startLeaderImport,
} from './leader-import.service.js';
import { downloadImportLogins } from './leader-import-logins.js';

const P = PERMISSIONS;
const tags = ['leaders'];
/** 20,000 rows of xlsx are a few MB; base64 adds a third. */
export const LEADER_IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const Mode = Type.Union([
  Type.Literal('validate'),
  Type.Literal('import_valid_rows'),
  Type.Literal('import_all'),
]);
const RowErrorSchema = Type.Object({
  row: Type.Integer(),
  field: Type.String(),
  /** The column as the template's header names it, e.g. "容量 capacity". */
  column: Type.Optional(Type.String()),
  code: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
});
const ImportJobSchema = Type.Object({
  id: Type.String(),
  mode: Mode,
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
  message: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  logins: Type.Object({
    downloadable: Type.Boolean({
      description: 'the sheet of one-time passwords can be downloaded (once, by the importing operator)',
    }),
    downloadedAt: Type.Union([Type.String(), Type.Null()]),
  }),
});

/** The leader import (团长导入): template, upload as a job, progress and row-by-row report. */
export const leaderImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leaders/import-template',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Download the xlsx template for importing leaders (下载团长导入模板)',
        response: { 200: XlsxFile, ...standardErrors },
      },
    },
    async (_req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('leader-import-template.xlsx', '团长导入模板.xlsx'))
        .send(await buildLeaderTemplate(deps.db)),
  );

  app.post(
    '/api/leaders/imports',
    {
      bodyLimit: LEADER_IMPORT_BODY_LIMIT,
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Upload an xlsx (base64) to validate or import leaders; answers a job id to poll (团长导入)',
        body: Type.Object(
          {
            fileBase64: Type.String({
              minLength: 1,
              maxLength: 28_000_000,
              description: 'the xlsx file, base64',
            }),
            mode: Mode,
          },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ jobId: Type.String() }), 413: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(202).send(await startLeaderImport(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/leaders/imports/:id',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Progress and row-by-row error report of a leader import (导入进度)',
        params: IdParams,
        response: { 200: ImportJobSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getLeaderImport(deps.db, req.params.id),
  );

  app.get(
    '/api/leaders/imports/:id/errors.xlsx',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary:
          'The bad rows of a finished leader import as xlsx: the template headers and a reason column (错误行下载)',
        params: IdParams,
        response: { 200: XlsxFile, 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachment(`leader-import-errors-${req.params.id}.xlsx`, '团长导入错误行.xlsx'),
        )
        .send(await buildLeaderImportErrorSheet(deps.db, req.params.id)),
  );

  app.post(
    '/api/leaders/imports/:id/logins',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary:
          'Download, once, the sheet of the logins and one-time passwords a leader import made; then they are erased (初始密码表)',
        params: IdParams,
        response: {
          200: XlsxFile,
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          attachment(`leader-import-logins-${req.params.id}.xlsx`, '团长初始密码.xlsx'),
        )
        .send(await downloadImportLogins(deps, actorOf(req), req.params.id)),
  );
};

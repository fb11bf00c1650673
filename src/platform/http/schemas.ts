import { Type } from 'typebox';

/** Schemas shared by many routes. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    messageZh: Type.String(),
    field: Type.Optional(Type.String()),
    detail: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
  }),
});

export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The 4xx answers every authenticated route can give, for the OpenAPI document. */
export const standardErrors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
};

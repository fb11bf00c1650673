import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../deps.js';
import { actorOf } from '../http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../http/schemas.js';
import { PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, ROLES } from './rbac.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.js';

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const RoleName = Type.String({ minLength: 1, maxLength: 32 });
export const Username = Type.String({
  pattern: '^[A-Za-z0-9_.-]{3,32}$',
  description: '3-32 letters, digits, _ . -',
});
export const DisplayName = Type.String({ minLength: 1, maxLength: 64 });
const Password = Type.String({ minLength: 1, maxLength: 256 });

const P = PERMISSIONS;

export const usersRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/users',
    {
      config: { access: { permission: P.usersRead } },
      schema: {
        tags: ['users'],
        summary: 'List users (用户列表)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 64 })),
          role: Type.Optional(RoleName),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(UserSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listUsers(deps.db, req.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { permission: P.usersRead } },
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: UserSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getUser(deps.db, req.params.id),
  );

  app.post(
    '/api/users',
    {
      config: { access: { permission: P.usersWrite } },
      schema: {
        tags: ['users'],
        summary: 'Create a user with roles (新建用户)',
        body: Type.Object(
          {
            username: Username,
            displayName: DisplayName,
            password: Password,
            roles: Type.Array(RoleName, { minItems: 1, maxItems: 7 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { permission: P.usersWrite } },
      schema: {
        tags: ['users'],
        summary: 'Change display name, roles or status (修改用户 / 停用)',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(DisplayName),
            roles: Type.Optional(Type.Array(RoleName, { minItems: 1, maxItems: 7 })),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: UserSchema, 404: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => updateUser(deps, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { access: { permission: P.usersWrite } },
      schema: {
        tags: ['users'],
        summary: 'Set a new password; ends the user’s sessions (重置密码)',
        params: IdParams,
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 204: Type.Null(), 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      await resetPassword(deps, actorOf(req), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/roles',
    {
      config: { access: { permission: P.usersRead } },
      schema: {
        tags: ['users'],
        summary: 'Roles and what each may do (角色与权限)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                role: Type.String(),
                zh: Type.String(),
                en: Type.String(),
                permissions: Type.Array(Type.String()),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async () => ({
      items: ROLES.map((role) => ({ role, ...ROLE_LABELS[role], permissions: [...ROLE_PERMISSIONS[role]] })),
    }),
  );
};

import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../deps.js';
import { platformError } from '../errors.js';
import { actorOf, SESSION_COOKIE } from '../http/auth-hook.js';
import { ErrorBodySchema } from '../http/schemas.js';
import { completeSetup } from './first-admin.js';
import { login, logout } from './sessions.service.js';
import { DisplayName, Username, UserSchema } from './users.routes.js';
import { changeOwnPassword } from './users.service.js';

const SessionBody = Type.Object({ user: UserSchema, csrfToken: Type.String() });

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; loginPerMinute: number }> = async (
  app,
  { deps, loginPerMinute },
) => {
  // Counts login attempts per client address in memory, before anything else: a flood is refused
  // without touching the database. The growing waits after wrong passwords (loginThrottleKeys in
  // sessions.service.ts) are the second line, kept in the database so that every process shares them.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => platformError('auth.rate_limited'),
  });

  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true }, rateLimit: { max: loginPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password (登录)',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: SessionBody,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      const result = await login(deps, actorOf(req), {
        ...req.body,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Log out and end this session (退出登录)',
        response: { 204: Type.Null(), 401: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      if (!req.auth) throw platformError('auth.unauthenticated');
      await logout(deps, actorOf(req), req.auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { access: { authenticated: true }, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Change my own password; my other sessions end (修改密码)',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
            newPassword: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          204: Type.Null(),
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          403: ErrorBodySchema,
          429: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      if (!req.auth) throw platformError('auth.unauthenticated');
      await changeOwnPassword(deps, actorOf(req), {
        userId: req.auth.user.id,
        sessionId: req.auth.sessionId,
        ...req.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/setup',
    {
      config: { access: { public: true }, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary:
          'Create the first administrator with the one-time setup link a start without users prints (首个管理员)',
        body: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 100 }),
            username: Username,
            displayName: DisplayName,
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, 400: ErrorBodySchema, 409: ErrorBodySchema, 429: ErrorBodySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await completeSetup(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user and the CSRF token (当前用户)',
        response: { 200: SessionBody, 401: ErrorBodySchema },
      },
    },
    async (req) => {
      if (!req.auth) throw platformError('auth.unauthenticated');
      return { user: req.auth.user, csrfToken: req.auth.csrfToken };
    },
  );
};

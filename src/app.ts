import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyContextConfig } from 'fastify';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { usersRoutes } from './platform/auth/users.routes.js';
import type { Deps } from './platform/deps.js';
import { platformError } from './platform/errors.js';
import { authHook } from './platform/http/auth-hook.js';
import { errorHandler } from './platform/http/error-handler.js';
import { refuseNulBytes } from './platform/http/input-guard.js';
import { securityHeaders } from './platform/http/security-headers.js';
import { validatorCompiler } from './platform/http/validator.js';
import './platform/http/fastify-types.js';
import { MODULES } from './modules.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { newId } from './platform/ids.js';
import type { ModuleManifest } from './platform/module-manifest.js';
import { eventsRoutes } from './platform/outbox/events.routes.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface AppOptions {
  /** Login attempts per client address per minute before 429. */
  loginPerMinute?: number;
  /** Serve the built console from dist/web (off in API tests). */
  serveWeb?: boolean;
  /**
   * The modules whose routes are served, in order; every module of src/modules.ts when absent. Only
   * the benchmark passes it (bench/bench-server.ts: the orders routes with its intake writer, and
   * its own routes), so that nothing of the benchmark is in the product's build.
   */
  modules?: readonly ModuleManifest[];
}

/** A route the API exposes and who may call it; the RBAC test walks this list. */
export interface RouteEntry {
  method: string;
  url: string;
  access: NonNullable<FastifyContextConfig['access']>;
}

/**
 * Builds the HTTP application without listening, so tests drive it with inject() and main.ts adds
 * the port. Every /api route must declare `config.access`; registering one without it throws here,
 * at start-up, instead of shipping an unguarded route.
 */
export async function buildApp(deps: Deps, opts: AppOptions = {}) {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    // Believe X-Forwarded-For only for the configured number of proxy hops (none by default).
    trustProxy: (_address: string, hop: number) => hop < deps.config.trustProxyHops,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : newId('request');
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const isApi = url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
    const access = route.config?.access;
    if (isApi && !access)
      throw new Error(`route ${String(route.method)} ${url} declares no access (config.access)`);
    if (access) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routeTable.push({ method, url, access });
      }
    }
  });

  app.decorateRequest('auth', null);
  // The same security headers on every response (CSP, nosniff, frame denial, HSTS over HTTPS), set
  // first so that even a refused request carries them.
  const headers = securityHeaders({ https: deps.config.cookieSecure });
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.setErrorHandler(errorHandler);
  app.setValidatorCompiler(validatorCompiler);

  await app.register(cookie);
  // Security headers (CSP, nosniff, frame denial, referrer policy, HSTS behind HTTPS) on every
  // answer, error pages and static files included; the policy is in security-headers.ts.
  await app.register(swagger, {
    openapi: {
      info: { title: 'tuanflow API', description: 'tuanflow 社区团购 ERP — HTTP API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tf_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // onRequest, so that who may call a route is decided before its body is parsed or validated: an
  // anonymous or forbidden caller learns nothing about the route's schema.
  app.addHook('onRequest', authHook(deps));
  // Before any route's schema: a NUL byte anywhere in the input is a 400 naming the field.
  app.addHook('preValidation', refuseNulBytes);

  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps, loginPerMinute: opts.loginPerMinute ?? 20 });
  await app.register(usersRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(eventsRoutes, { deps });
  // Every module's routes, in the order src/modules.ts lists the modules.
  for (const module of opts.modules ?? MODULES) {
    for (const routes of module.routes) await app.register(routes, { deps });
  }

  const serveWeb = opts.serveWeb !== false && existsSync(path.join(WEB_DIST, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      // We set Cache-Control ourselves: index.html must never be cached, or a new build would not
      // reach browsers; Vite's content-hashed assets never change under their name.
      cacheControl: false,
      setHeaders: (res, file) => {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader(
          'cache-control',
          file.endsWith('.html')
            ? 'no-cache'
            : hashed
              ? 'public, max-age=31536000, immutable'
              : 'public, max-age=3600',
        );
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Console routes (/users, /audit ...) get index.html; a missing file (/assets/x.js) stays a 404.
    const pathOnly = req.url.split('?')[0] ?? '';
    const isPage =
      req.method === 'GET' &&
      !pathOnly.startsWith('/api/') &&
      !pathOnly.startsWith('/docs') &&
      !/\.[A-Za-z0-9]+$/.test(pathOnly);
    if (serveWeb && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    const err = platformError('route.not_found', { detail: `${req.method} ${req.url.split('?')[0]}` });
    return reply.status(err.status).send(err.toBody(req.id));
  });

  await app.ready();
  return Object.assign(app, { routeTable });
}

export type App = Awaited<ReturnType<typeof buildApp>>;

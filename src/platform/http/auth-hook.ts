import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/index.js';
import { allows } from '../auth/rbac.js';
import { resolveSession } from '../auth/sessions.service.js';
import type { Deps } from '../deps.js';
import { platformError } from '../errors.js';

export const SESSION_COOKIE = 'tf_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The single enforcement point for authentication, RBAC and CSRF, run before every handler. A
 * cookie-authenticated write must echo the session's CSRF token in `x-csrf-token`: a page on another
 * site can make the browser send the cookie but cannot read the token.
 */
export function authHook(deps: Deps) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.auth = null;
    const access = req.routeOptions.config.access;
    if (!access) return; // Static files and the 404 handler; /api routes cannot be registered without one.
    const token = req.cookies[SESSION_COOKIE];
    if ('public' in access) {
      if (token) req.auth = await resolveSession(deps, token).catch(() => null);
      return;
    }
    if (!token) throw platformError('auth.unauthenticated');
    const session = await resolveSession(deps, token);
    req.auth = session;
    if (!allows(session.user.roles, access)) throw platformError('auth.forbidden');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw platformError('auth.csrf_failed');
    }
  };
}

export function actorOf(req: FastifyRequest): Actor {
  return {
    actorId: req.auth?.user.id ?? null,
    actorName: req.auth?.user.username ?? null,
    requestId: req.id,
    ip: req.ip,
  };
}

import type { Access } from '../auth/rbac.js';
import type { SessionInfo } from '../auth/sessions.service.js';

// Every route declares who may call it in `config.access`; the auth hook reads it, and buildApp
// refuses to register an /api route without it.
declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: SessionInfo | null;
  }
}

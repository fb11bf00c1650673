import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { ManualClock } from '../src/platform/clock.js';
import { loadConfig, SecretKey } from '../src/platform/config.js';
import { FieldCrypto } from '../src/platform/crypto.js';
import { openDatabase } from '../src/platform/db/database.js';
import type { Deps } from '../src/platform/deps.js';
import { EventBus } from '../src/platform/outbox/event-bus.js';

/** Where the console's generated API types live (checked in; a test fails when they drift). */
export const API_SCHEMA_FILE = path.resolve(import.meta.dirname, '../web/src/api-schema.d.ts');

const HEADER = `/**
 * The server's HTTP API as TypeScript types, generated from its OpenAPI document by
 * \`npm run api:types\` (scripts/api-types.ts). Do not edit: change the route's schema and regenerate.
 * test/integration/api-types.int.test.ts fails when this file and the server disagree.
 */
`;

/**
 * The OpenAPI document of the server as it would run in production (default configuration: no bench
 * routes), built without listening and without a database: routes only declare their schemas when
 * registered, and the pool opens no connection until a query is made, which building never does.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tf-openapi-'));
  // Port 1 on the loopback: nothing is listening there, so a query made by mistake fails at once.
  const database = openDatabase('postgres://openapi@127.0.0.1:1/openapi', { max: 1 });
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const log = pino({ level: 'silent' });
  const deps: Deps = {
    config: { ...loadConfig({ SEED_DEMO: 'false' }), dataDir },
    db: database.db,
    pool: database.pool,
    clock,
    bus: new EventBus(database.db, database.pool, clock, log),
    log,
    crypto: new FieldCrypto(new SecretKey(randomBytes(64))),
  };
  const app = await buildApp(deps, { serveWeb: false });
  try {
    // A JSON round trip drops what JSON cannot carry (TypeBox's symbols, undefined), as the /docs page does.
    return JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  } finally {
    await app.close();
    await database.pool.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Drops every answer but the successful ones: the console reads failures through one envelope
 * (web/src/api.ts's ApiError), and the error answers repeated on every route would make most of the file.
 */
function successAnswersOnly(document: Record<string, unknown>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<
    string,
    Record<string, { responses?: Record<string, unknown> }>
  >;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      if (!operation.responses) continue;
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status)),
      );
    }
  }
  return document;
}

/** The text of web/src/api-schema.d.ts for the server as it is now. */
export async function renderApiTypes(): Promise<string> {
  // openapi-typescript's parameter type wants its own OpenAPI3 type; the document is one by construction.
  const document = successAnswersOnly(await openApiDocument()) as unknown as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(document, { alphabetize: true });
  return formatted(HEADER + astToString(ast));
}

/** The project's own formatter over the text, so the checked-in file passes `npm run lint` as it is. */
function formatted(text: string): string {
  const biome = path.resolve(import.meta.dirname, '../node_modules/.bin/biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=${API_SCHEMA_FILE}`], {
    cwd: path.resolve(import.meta.dirname, '..'),
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`biome format failed: ${result.stderr}`);
  return result.stdout;
}

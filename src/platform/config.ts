import path from 'node:path';

/**
 * Configuration comes from the environment only, is validated once at start, and a bad value stops
 * start-up with a message naming the variable, so a typo never runs with a silent default.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** An external PostgreSQL; when absent tuanflow starts its own embedded one in `dataDir/pg`. */
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  dbPoolMax: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Mark the session cookie Secure; on by default only when served behind HTTPS. */
  cookieSecure: boolean;
  seedDemo: boolean;
  /** `auto` builds the console at start when web/ is newer than dist/web; `skip` never does. */
  webBuild: 'auto' | 'skip';
  bodyLimitBytes: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError(
        'DATABASE_URL',
        'is not a valid URL (expected postgres://user:pass@host:5432/db)',
      );
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(
        'DATABASE_URL',
        `must start with postgres:// or postgresql://, got "${url.protocol}"`,
      );
    }
  }
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const webBuild = (env.WEB_BUILD?.trim() || 'auto') as Config['webBuild'];
  if (webBuild !== 'auto' && webBuild !== 'skip') {
    throw new ConfigError('WEB_BUILD', `must be auto or skip, got "${env.WEB_BUILD}"`);
  }
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || './data');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir,
    databaseUrl,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    dbPoolMax: int(env, 'DB_POOL_MAX', 20, 2, 500),
    logLevel,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 24 * 7, 1, 24 * 365),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: int(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    seedDemo: bool(env, 'SEED_DEMO', true),
    webBuild,
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
  };
}

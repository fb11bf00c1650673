import path from 'node:path';
import { DEFAULT_BUSINESS_TIMEZONE, isTimeZone } from './business-time.js';

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
  /**
   * Wrong passwords per (username, address) that cost no wait (LOGIN_MAX_FAILURES); addresses and
   * usernames get four times as many. Past them each failure doubles the wait. Nothing is locked.
   */
  loginMaxFailures: number;
  /** The longest wait after failed logins, in minutes (LOGIN_LOCK_MINUTES). */
  loginLockMinutes: number;
  /** Mark the session cookie Secure; on by default only when served behind HTTPS. */
  cookieSecure: boolean;
  seedDemo: boolean;
  /**
   * The sandbox payment provider (沙箱支付): a customer marks their own order paid without paying.
   * Off unless turned on, since anyone who can reach the storefront could otherwise take goods and
   * earn their leader commission for nothing; the demo (`npm start`, through demo.env) and the tests
   * turn it on.
   */
  paymentSandbox: boolean;
  /**
   * Benchmark-only switches (see bench/flash-sale.ts): the do-nothing endpoint, and the order intake
   * as `naive` (a transaction per order), `nodb` (answers without the database) or `lean` (the
   * fewest rows an order could be stored as, one statement per batch: a ceiling, not the product).
   */
  benchMode: 'off' | 'group' | 'naive' | 'nodb' | 'lean';
  /** `auto` builds the console at start when web/ is newer than dist/web; `skip` never does. */
  webBuild: 'auto' | 'skip';
  bodyLimitBytes: number;
  /**
   * How many reverse proxies in front of the server to believe in `X-Forwarded-For` (0: none, the
   * socket's address is the client's). Believing a header any client can send would let it dodge the
   * per-address limits on login and on the public pages.
   */
  trustProxyHops: number;
  /**
   * The field-encryption key material from `ENCRYPTION_KEY` (64 bytes: 32 for AES-256-GCM, 32 for
   * HMAC-SHA256). When absent, the key lives in the key file `dataDir/keys/field.key` (see crypto.ts).
   */
  encryptionKey: SecretKey | undefined;
  /**
   * The key to rotate to, from `NEW_ENCRYPTION_KEY`: read only by `npm run keys -- rotate` when the
   * current key comes from ENCRYPTION_KEY (the server ignores it). See docs/operations.md.
   */
  newEncryptionKey: SecretKey | undefined;
  /**
   * The audit-chain key from `AUDIT_KEY` (32 bytes, base64). When absent, it lives in the key file
   * `dataDir/keys/audit.key` (see audit/audit-key-file.ts). It is not derived from the field key, so
   * that either can be replaced without touching the other.
   */
  auditKey: SecretKey | undefined;
  /**
   * The role that owns the tables and runs the migrations on an external server (`DATABASE_OWNER_URL`);
   * `DATABASE_URL` is then the application's own role, which cannot change what it only appends to.
   */
  databaseOwnerUrl: string | undefined;
  /**
   * The company's time zone (`BUSINESS_TIMEZONE`, an IANA name, Asia/Shanghai by default): the times
   * and dates in exports, statements and their file names, as the console shows them.
   */
  businessTimeZone: string;
}

/**
 * Key bytes that refuse to be printed: a config object may end up in a log line or an error report,
 * and a leaked key would make every encrypted phone number readable.
 */
export class SecretKey {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = Buffer.from(bytes);
  }
  /** A copy, so a caller cannot change the key held here. */
  bytes(): Buffer {
    return Buffer.from(this.#bytes);
  }
  get length(): number {
    return this.#bytes.length;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
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

/** Bytes of key material: 32 for AES-256-GCM plus 32 for the HMAC-SHA256 lookup hash. */
export const FIELD_KEY_BYTES = 64;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Decodes and checks a field-encryption key (base64 or base64url of exactly 64 bytes). The error
 * message never repeats the value: it is a secret, and error messages are logged.
 */
export function parseFieldKey(variable: string, raw: string): SecretKey {
  // Whitespace is dropped because `openssl rand -base64 64` wraps its output over two lines.
  const text = raw.replace(/\s+/g, '');
  const isB64 = BASE64.test(text);
  if (!isB64 && !BASE64URL.test(text)) {
    throw new ConfigError(variable, 'must be base64 of 64 random bytes (openssl rand -base64 64)');
  }
  const bytes = Buffer.from(text, isB64 ? 'base64' : 'base64url');
  if (bytes.length !== FIELD_KEY_BYTES) {
    throw new ConfigError(
      variable,
      `must decode to ${FIELD_KEY_BYTES} bytes, got ${bytes.length} (openssl rand -base64 64)`,
    );
  }
  return new SecretKey(bytes);
}

/** Bytes of the audit-chain key (HMAC-SHA256). */
export const AUDIT_KEY_BYTES = 32;

/** Decodes and checks the audit key (base64 or base64url of 32 bytes), never echoing the value. */
export function parseAuditKey(variable: string, raw: string): SecretKey {
  const text = raw.replace(/\s+/g, '');
  const isB64 = BASE64.test(text);
  const bytes = isB64 || BASE64URL.test(text) ? Buffer.from(text, isB64 ? 'base64' : 'base64url') : null;
  if (bytes?.length !== AUDIT_KEY_BYTES) {
    throw new ConfigError(
      variable,
      `must be base64 of ${AUDIT_KEY_BYTES} random bytes (openssl rand -base64 ${AUDIT_KEY_BYTES})`,
    );
  }
  return new SecretKey(bytes);
}

/** A PostgreSQL connection string from `name`, or undefined when unset. */
function pgUrl(env: Env, name: string): string | undefined {
  const value = env[name]?.trim() || undefined;
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL (expected postgres://user:pass@host:5432/db)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return value;
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
  const databaseOwnerUrl = pgUrl(env, 'DATABASE_OWNER_URL');
  if (databaseOwnerUrl !== undefined && databaseUrl === undefined) {
    throw new ConfigError(
      'DATABASE_OWNER_URL',
      'needs DATABASE_URL too (the owner runs migrations, DATABASE_URL is the application role)',
    );
  }
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const benchMode = (env.BENCH_MODE?.trim() || 'off') as Config['benchMode'];
  if (!['off', 'group', 'naive', 'nodb', 'lean'].includes(benchMode)) {
    throw new ConfigError('BENCH_MODE', `must be off, group, naive, nodb or lean, got "${env.BENCH_MODE}"`);
  }
  const webBuild = (env.WEB_BUILD?.trim() || 'auto') as Config['webBuild'];
  if (webBuild !== 'auto' && webBuild !== 'skip') {
    throw new ConfigError('WEB_BUILD', `must be auto or skip, got "${env.WEB_BUILD}"`);
  }
  const dataDir = path.resolve(cwd, env.DATA_DIR?.trim() || './data');
  const businessTimeZone = env.BUSINESS_TIMEZONE?.trim() || DEFAULT_BUSINESS_TIMEZONE;
  if (!isTimeZone(businessTimeZone)) {
    throw new ConfigError(
      'BUSINESS_TIMEZONE',
      `must be an IANA time zone such as Asia/Shanghai, got "${env.BUSINESS_TIMEZONE}"`,
    );
  }
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
    paymentSandbox: bool(env, 'PAYMENT_SANDBOX', false),
    benchMode,
    webBuild,
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    trustProxyHops: int(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    encryptionKey: env.ENCRYPTION_KEY?.trim()
      ? parseFieldKey('ENCRYPTION_KEY', env.ENCRYPTION_KEY)
      : undefined,
    newEncryptionKey: env.NEW_ENCRYPTION_KEY?.trim()
      ? parseFieldKey('NEW_ENCRYPTION_KEY', env.NEW_ENCRYPTION_KEY)
      : undefined,
    auditKey: env.AUDIT_KEY?.trim() ? parseAuditKey('AUDIT_KEY', env.AUDIT_KEY) : undefined,
    databaseOwnerUrl,
    businessTimeZone,
  };
}

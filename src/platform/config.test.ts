import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, ConfigError, loadConfig } from './config.js';

const CWD = path.resolve('/srv/tuanflow');

function load(env: Record<string, string | undefined>): Config {
  return loadConfig(env, CWD);
}

/** The ConfigError that loading `env` throws; fails the test if it throws nothing or something else. */
function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    load(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('has a default for every setting', () => {
    expect(load({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.join(CWD, 'data'),
      databaseUrl: undefined,
      embeddedPgPort: 54329,
      dbPoolMax: 20,
      logLevel: 'info',
      sessionIdleMinutes: 120,
      sessionMaxHours: 168,
      loginMaxFailures: 5,
      loginLockMinutes: 15,
      cookieSecure: false,
      seedDemo: true,
      paymentSandbox: false,
      benchMode: 'off',
      webBuild: 'auto',
      bodyLimitBytes: 1_048_576,
      trustProxyHops: 0,
      encryptionKey: undefined,
      newEncryptionKey: undefined,
      auditKey: undefined,
      databaseOwnerUrl: undefined,
      businessTimeZone: 'Asia/Shanghai',
    } satisfies Config);
  });

  it('treats empty and blank values as unset', () => {
    const blank = load({
      PORT: '',
      HOST: '  ',
      DATA_DIR: ' ',
      DATABASE_URL: '   ',
      LOG_LEVEL: ' ',
      COOKIE_SECURE: '',
      SEED_DEMO: '',
      WEB_BUILD: ' ',
      BODY_LIMIT_BYTES: '',
    });
    expect(blank).toEqual(load({}));
  });

  it('ignores unrelated variables', () => {
    expect(load({ PATH: '/usr/bin', NODE_ENV: 'production', port: '1' })).toEqual(load({}));
  });
});

describe('loadConfig integer settings', () => {
  it.each<[string, keyof Config, number, number]>([
    ['PORT', 'port', 0, 65535],
    ['EMBEDDED_PG_PORT', 'embeddedPgPort', 1024, 65535],
    ['DB_POOL_MAX', 'dbPoolMax', 2, 500],
    ['SESSION_IDLE_MINUTES', 'sessionIdleMinutes', 1, 43_200],
    ['SESSION_MAX_HOURS', 'sessionMaxHours', 1, 8760],
    ['LOGIN_MAX_FAILURES', 'loginMaxFailures', 1, 100],
    ['LOGIN_LOCK_MINUTES', 'loginLockMinutes', 1, 1440],
    ['BODY_LIMIT_BYTES', 'bodyLimitBytes', 1024, 104_857_600],
    ['TRUST_PROXY_HOPS', 'trustProxyHops', 0, 10],
  ])('%s → %s accepts %s..%s and nothing outside', (variable, key, min, max) => {
    expect(load({ [variable]: String(min) })[key]).toBe(min);
    expect(load({ [variable]: String(max) })[key]).toBe(max);
    const mid = Math.floor((min + max) / 2);
    expect(load({ [variable]: ` ${mid} ` })[key]).toBe(mid);

    for (const bad of [String(max + 1), ...(min > 0 ? [String(min - 1)] : [])]) {
      const err = configErrorOf({ [variable]: bad });
      expect(err.variable).toBe(variable);
      expect(err.message).toContain(variable);
      expect(err.message).toContain(`between ${min} and ${max}`);
    }
  });

  it.each(['abc', '-1', '1.5', '1e3', '0x10', '3000abc', '+80', '8 0', 'NaN', 'Infinity'])(
    'rejects PORT=%s as not a whole number',
    (raw) => {
      const err = configErrorOf({ PORT: raw });
      expect(err.variable).toBe('PORT');
      expect(err.message).toBe(`Invalid configuration: PORT must be a whole number, got "${raw}"`);
    },
  );

  it('rejects PORT=70000 as out of range, naming the variable', () => {
    const err = configErrorOf({ PORT: '70000' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ConfigError');
    expect(err.variable).toBe('PORT');
    expect(err.message).toBe('Invalid configuration: PORT must be between 0 and 65535, got 70000');
  });

  it('accepts leading zeros', () => {
    expect(load({ PORT: '08080' }).port).toBe(8080);
  });

  it('rejects a huge number of digits as out of range', () => {
    expect(configErrorOf({ DB_POOL_MAX: '9'.repeat(40) }).variable).toBe('DB_POOL_MAX');
  });
});

describe('loadConfig booleans', () => {
  it.each<[string, boolean]>([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['Yes', true],
    ['on', true],
    [' on ', true],
    ['0', false],
    ['false', false],
    ['False', false],
    ['no', false],
    ['off', false],
    [' OFF ', false],
  ])('reads "%s" as %s', (raw, expected) => {
    expect(load({ COOKIE_SECURE: raw }).cookieSecure).toBe(expected);
    expect(load({ SEED_DEMO: raw }).seedDemo).toBe(expected);
    expect(load({ PAYMENT_SANDBOX: raw }).paymentSandbox).toBe(expected);
  });

  it.each<[string, string]>([
    ['COOKIE_SECURE', 'maybe'],
    ['COOKIE_SECURE', '2'],
    ['COOKIE_SECURE', 'y'],
    ['SEED_DEMO', 'enabled'],
    ['SEED_DEMO', 'nope'],
    ['PAYMENT_SANDBOX', 'sandbox'],
  ])('rejects %s=%s, naming the variable', (variable, raw) => {
    const err = configErrorOf({ [variable]: raw });
    expect(err.variable).toBe(variable);
    expect(err.message).toBe(`Invalid configuration: ${variable} must be true or false, got "${raw}"`);
  });
});

describe('loadConfig DATABASE_URL', () => {
  it.each([
    'postgres://tuan:secret@db.example.com:5432/tuanflow',
    'postgresql://localhost/tuanflow',
    'postgres://u@127.0.0.1:6543/db?sslmode=require',
    'POSTGRES://localhost/db',
  ])('accepts %s', (url) => {
    expect(load({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('trims surrounding blanks', () => {
    expect(load({ DATABASE_URL: '  postgres://h/db \n' }).databaseUrl).toBe('postgres://h/db');
  });

  it.each(['not a url', '//host/db', 'postgres', 'postgres://host:99999/db', 'postgres://[::1/db'])(
    'rejects %s as not a URL',
    (url) => {
      const err = configErrorOf({ DATABASE_URL: url });
      expect(err.variable).toBe('DATABASE_URL');
      expect(err.message).toContain('is not a valid URL');
    },
  );

  it.each([
    ['mysql://root@localhost:3306/tuanflow', 'mysql:'],
    ['http://localhost:5432/db', 'http:'],
    ['postgress://localhost/db', 'postgress:'],
    ['localhost:5432/db', 'localhost:'],
    ['file:///var/lib/db', 'file:'],
  ])('rejects %s as not PostgreSQL', (url, protocol) => {
    const err = configErrorOf({ DATABASE_URL: url });
    expect(err.variable).toBe('DATABASE_URL');
    expect(err.message).toContain(`must start with postgres:// or postgresql://, got "${protocol}"`);
  });

  it('never echoes the URL (and so its password) in the error', () => {
    const err = configErrorOf({ DATABASE_URL: 'mysql://root:hunter2@localhost/db' });
    expect(err.message).not.toContain('hunter2');
  });
});

describe('loadConfig LOG_LEVEL', () => {
  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const)('accepts %s', (level) => {
    expect(load({ LOG_LEVEL: level }).logLevel).toBe(level);
    expect(load({ LOG_LEVEL: ` ${level}\t` }).logLevel).toBe(level);
  });

  it.each(['loud', 'verbose', 'warning', 'debugging', '0'])('rejects %s, naming the variable', (level) => {
    const err = configErrorOf({ LOG_LEVEL: level });
    expect(err.variable).toBe('LOG_LEVEL');
    expect(err.message).toContain('must be one of fatal, error, warn, info, debug, trace, silent');
    expect(err.message).toContain(`got "${level}"`);
  });
});

describe('loadConfig BUSINESS_TIMEZONE', () => {
  it.each(['Asia/Shanghai', 'Asia/Hong_Kong', 'UTC', ' Europe/Berlin '])('accepts %s', (tz) => {
    expect(load({ BUSINESS_TIMEZONE: tz }).businessTimeZone).toBe(tz.trim());
  });

  it.each(['Beijing', 'Asia/Peking', 'UTC+8'])('rejects %s, naming the variable', (tz) => {
    const err = configErrorOf({ BUSINESS_TIMEZONE: tz });
    expect(err.variable).toBe('BUSINESS_TIMEZONE');
    expect(err.message).toBe(
      `Invalid configuration: BUSINESS_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got "${tz}"`,
    );
  });
});

describe('loadConfig BENCH_MODE (benchmarks only)', () => {
  it.each(['off', 'group', 'naive', 'nodb', 'lean'] as const)('accepts %s', (mode) => {
    expect(load({ BENCH_MODE: mode }).benchMode).toBe(mode);
  });

  it('rejects anything else, naming the variable', () => {
    const err = configErrorOf({ BENCH_MODE: 'fast' });
    expect(err.variable).toBe('BENCH_MODE');
    expect(err.message).toContain('must be off, group, naive, nodb or lean, got "fast"');
  });
});

describe('loadConfig WEB_BUILD', () => {
  it.each(['auto', 'skip'] as const)('accepts %s', (mode) => {
    expect(load({ WEB_BUILD: mode }).webBuild).toBe(mode);
    expect(load({ WEB_BUILD: ` ${mode} ` }).webBuild).toBe(mode);
  });

  it.each(['never', 'AUTO', 'true', '1'])('rejects %s, naming the variable', (mode) => {
    const err = configErrorOf({ WEB_BUILD: mode });
    expect(err.variable).toBe('WEB_BUILD');
    expect(err.message).toBe(`Invalid configuration: WEB_BUILD must be auto or skip, got "${mode}"`);
  });
});

describe('loadConfig HOST and DATA_DIR', () => {
  it('reads HOST, trimmed', () => {
    expect(load({ HOST: ' 127.0.0.1 ' }).host).toBe('127.0.0.1');
    expect(load({ HOST: '::' }).host).toBe('::');
  });

  it.each<[string, string]>([
    ['./data', path.join(CWD, 'data')],
    ['state', path.join(CWD, 'state')],
    ['../shared/tuan', path.resolve(CWD, '../shared/tuan')],
    [' var/tuan ', path.join(CWD, 'var', 'tuan')],
    [path.resolve('/var/lib/tuanflow'), path.resolve('/var/lib/tuanflow')],
  ])('resolves DATA_DIR=%j against the given cwd', (raw, expected) => {
    expect(load({ DATA_DIR: raw }).dataDir).toBe(expected);
  });

  it('uses the cwd it is given, not the process cwd', () => {
    const other = path.resolve('/opt/elsewhere');
    expect(loadConfig({}, other).dataDir).toBe(path.join(other, 'data'));
    expect(loadConfig({ DATA_DIR: 'x' }, other).dataDir).toBe(path.join(other, 'x'));
  });
});

describe('ConfigError', () => {
  it('carries the variable and a message naming it', () => {
    const err = new ConfigError('SOME_VAR', 'is broken');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ConfigError');
    expect(err.variable).toBe('SOME_VAR');
    expect(err.message).toBe('Invalid configuration: SOME_VAR is broken');
  });
});

describe('NEW_ENCRYPTION_KEY (for the keys command)', () => {
  it('is read like ENCRYPTION_KEY, and a bad one names NEW_ENCRYPTION_KEY without echoing it', () => {
    const key = Buffer.alloc(64, 9);
    expect(
      load({ NEW_ENCRYPTION_KEY: key.toString('base64') })
        .newEncryptionKey?.bytes()
        .equals(key),
    ).toBe(true);
    expect(load({ NEW_ENCRYPTION_KEY: ' ' }).newEncryptionKey).toBeUndefined();
    const err = configErrorOf({ NEW_ENCRYPTION_KEY: 'short' });
    expect(err.variable).toBe('NEW_ENCRYPTION_KEY');
    expect(err.message).not.toContain('short');
  });
});

describe('ENCRYPTION_KEY', () => {
  const key64 = Buffer.alloc(64, 7);

  it('accepts base64 of 64 bytes, also base64url and wrapped over lines', () => {
    for (const value of [
      key64.toString('base64'),
      key64.toString('base64url'),
      `${key64.toString('base64').slice(0, 64)}\n${key64.toString('base64').slice(64)}\n`,
    ]) {
      const k = load({ ENCRYPTION_KEY: value }).encryptionKey;
      expect(k?.bytes().equals(key64)).toBe(true);
    }
  });

  it('is unset when empty or blank', () => {
    expect(load({ ENCRYPTION_KEY: '' }).encryptionKey).toBeUndefined();
    expect(load({ ENCRYPTION_KEY: '  ' }).encryptionKey).toBeUndefined();
  });

  it.each([
    ['too short', Buffer.alloc(32, 1).toString('base64')],
    ['too long', Buffer.alloc(65, 1).toString('base64')],
    ['not base64', 'this is not a key!'],
    ['hex instead of base64', Buffer.alloc(64, 1).toString('hex')],
  ])('refuses a key that is %s, naming ENCRYPTION_KEY but not echoing it', (_why, value) => {
    const err = configErrorOf({ ENCRYPTION_KEY: value });
    expect(err.variable).toBe('ENCRYPTION_KEY');
    expect(err.message).toMatch(/ENCRYPTION_KEY/);
    expect(err.message).not.toContain(value.trim());
  });

  it('is redacted when the config is serialised', () => {
    const config = load({ ENCRYPTION_KEY: key64.toString('base64') });
    expect(JSON.stringify(config)).not.toContain(key64.toString('base64'));
    expect(JSON.stringify(config)).toContain('[redacted]');
  });
});

describe('AUDIT_KEY', () => {
  const key32 = Buffer.alloc(32, 9);

  it('accepts base64 and base64url of 32 bytes, and is redacted when serialised', () => {
    for (const value of [key32.toString('base64'), key32.toString('base64url')]) {
      expect(load({ AUDIT_KEY: value }).auditKey?.bytes().equals(key32)).toBe(true);
    }
    expect(load({ AUDIT_KEY: ' ' }).auditKey).toBeUndefined();
    expect(JSON.stringify(load({ AUDIT_KEY: key32.toString('base64') }))).not.toContain(
      key32.toString('base64'),
    );
  });

  it.each([
    ['too short', Buffer.alloc(16, 1).toString('base64')],
    ['the 64-byte field key', Buffer.alloc(64, 1).toString('base64')],
    ['not base64', 'not a key at all!'],
  ])('refuses a key that is %s, naming AUDIT_KEY but not echoing it', (_why, value) => {
    const err = configErrorOf({ AUDIT_KEY: value });
    expect(err.variable).toBe('AUDIT_KEY');
    expect(err.message).not.toContain(value);
  });
});

describe('DATABASE_OWNER_URL', () => {
  it('is the migrations role beside DATABASE_URL', () => {
    const config = load({
      DATABASE_URL: 'postgres://tuanflow_app:a@db:5432/tuanflow',
      DATABASE_OWNER_URL: 'postgres://tuanflow_owner:b@db:5432/tuanflow',
    });
    expect(config.databaseOwnerUrl).toBe('postgres://tuanflow_owner:b@db:5432/tuanflow');
  });

  it('names the variable when it is not a PostgreSQL URL, or when DATABASE_URL is missing', () => {
    const bad = configErrorOf({ DATABASE_URL: 'postgres://a@db/x', DATABASE_OWNER_URL: 'mysql://x@db/y' });
    expect(bad.variable).toBe('DATABASE_OWNER_URL');
    const alone = configErrorOf({ DATABASE_OWNER_URL: 'postgres://owner@db/x' });
    expect(alone.variable).toBe('DATABASE_OWNER_URL');
    expect(alone.message).toMatch(/DATABASE_URL/);
  });
});

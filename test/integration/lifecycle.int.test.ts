import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../helpers/global-setup.js';

/**
 * The whole process as `npm start` runs it: `node --import tsx src/main.ts` with its own embedded PostgreSQL in a
 * temporary data directory. Start, stop with SIGINT, start again with the data kept, `kill -9`, start
 * again. Waiting on the process is unavoidable here; each wait polls /readyz with a deadline.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

let dataDir: string;
let env: NodeJS.ProcessEnv;
let port: number;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-life-'));
  port = await freePort();
  env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    WEB_BUILD: 'skip',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  };
});

afterAll(async () => {
  // Stop a PostgreSQL that a killed test may have left behind, then remove the folder.
  const pidFile = path.join(dataDir, 'pg/postmaster.pid');
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGINT');
  } catch {
    // No server running: nothing to stop.
  }
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): { child: ChildProcess; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return { child, output: () => out };
}

async function waitReady(
  proc: { child: ChildProcess; output: () => string },
  deadlineMs = 60_000,
): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null)
      throw new Error(`exited early (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready within ${deadlineMs} ms:\n${proc.output()}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function login(username: string, password: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

/** The user the embedded PostgreSQL runs as: `postgres` when the tests run as root, else ours. */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

describe('process lifecycle', () => {
  it('starts on an empty data dir, prints the demo accounts, and stops cleanly on SIGINT', async () => {
    const p = start();
    await waitReady(p, 120_000);
    expect(p.output()).toContain('Demo accounts');
    expect(p.output()).toMatch(/admin\s+admin12345/);
    expect((await login('admin', 'admin12345')).status).toBe(200);
    p.child.kill('SIGINT');
    expect(await exited(p.child)).toBe(0);
    expect(() => readFileSync(path.join(dataDir, 'pg/postmaster.pid'))).toThrow();
    // The audit key and the app role's password were made with mode 0600, and the shutdown anchored
    // the demo's audit trail with a signed checkpoint outside the database.
    for (const file of ['keys/audit.key', 'pg-app-password'])
      expect(statSync(path.join(dataDir, file)).mode & 0o777, file).toBe(0o600);
    const checkpoints = readFileSync(path.join(dataDir, 'audit-checkpoints.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(checkpoints.at(-1) ?? '{}')).toMatchObject({
      seq: expect.any(Number),
      sig: expect.any(String),
    });
  }, 150_000); // the first start replays the demo's weeks (docs/demo.md): about 20 s on an idle machine

  it('starts again with the data kept', async () => {
    const p = start();
    await waitReady(p);
    const res = await login('admin', 'admin12345');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const users = await fetch(`http://127.0.0.1:${port}/api/users`, { headers: { cookie } });
    // The seven demo accounts, 陈静's city-partner login and the two leaders approved in the demo's weeks.
    expect(((await users.json()) as { total: number }).total).toBe(10);
    // Every connection of the application logs in as its own role, not as the superuser.
    const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    const admin = new pg.Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/tuanflow`,
    });
    await admin.connect();
    try {
      const roles = await admin.query<{ usename: string }>(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name LIKE 'tuanflow%' AND datname = 'tuanflow'`,
      );
      expect(roles.rows).toEqual([{ usename: 'tuanflow_app' }]);
    } finally {
      await admin.end();
    }
    p.child.kill('SIGINT');
    expect(await exited(p.child)).toBe(0);
  });

  it('recovers after kill -9 (PostgreSQL left running, stale lock file)', async () => {
    const first = start();
    await waitReady(first);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const second = start();
    await waitReady(second);
    expect((await login('admin', 'admin12345')).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await exited(second.child)).toBe(0);
  });

  it('recovers from a stale postmaster.pid naming a dead process', async () => {
    writeFileSync(
      path.join(dataDir, 'pg/postmaster.pid'),
      `999999\n${dataDir}/pg\n0\n${env.EMBEDDED_PG_PORT}\n`,
    );
    const p = start();
    await waitReady(p);
    p.child.kill('SIGINT');
    expect(await exited(p.child)).toBe(0);
  });

  it('recovers after PostgreSQL itself died: stale lock files naming a live process of its user', async () => {
    // After PostgreSQL is killed, or the machine loses power, the cluster's lock files survive, and
    // the PIDs they name may belong to other processes of the same user by the next start (or, in
    // a container whose init is slow to reap, to the killed postmaster's zombie). PostgreSQL then
    // refuses its socket lock: "Is another postmaster (PID …) using socket file".
    const other = spawn('sleep', ['120'], { ...postgresUser(), stdio: 'ignore' });
    try {
      const lock = `${other.pid}\n${dataDir}/pg\n0\n${env.EMBEDDED_PG_PORT}\n`;
      writeFileSync(path.join(dataDir, 'pg/postmaster.pid'), lock);
      writeFileSync(path.join(dataDir, `run/.s.PGSQL.${env.EMBEDDED_PG_PORT}.lock`), lock);
      const p = start();
      await waitReady(p);
      expect((await login('admin', 'admin12345')).status).toBe(200);
      p.child.kill('SIGINT');
      expect(await exited(p.child)).toBe(0);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('waits for a dead postmaster’s processes to exit before starting a new one on its files', async () => {
    // A backend outliving its postmaster for a moment: a process working in the cluster's folder.
    const orphan = spawn('sleep', ['120'], {
      ...postgresUser(),
      cwd: path.join(dataDir, 'pg'),
      stdio: 'ignore',
    });
    writeFileSync(
      path.join(dataDir, 'pg/postmaster.pid'),
      `999999\n${dataDir}/pg\n0\n${env.EMBEDDED_PG_PORT}\n`,
    );
    const p = start();
    try {
      await new Promise((r) => setTimeout(r, 2_000));
      expect(p.child.exitCode).toBeNull();
      await expect(fetch(`http://127.0.0.1:${port}/readyz`)).rejects.toThrow();
      expect(existsSync(path.join(dataDir, 'pg/postmaster.pid'))).toBe(true);
    } finally {
      orphan.kill('SIGKILL');
    }
    await waitReady(p);
    p.child.kill('SIGINT');
    expect(await exited(p.child)).toBe(0);
  });

  it('runs the same code on an external PostgreSQL given DATABASE_URL, starting no embedded one', async () => {
    const adminUrl = inject('pgAdminUrl');
    const dbName = `tf_ext_${process.pid}_${inject('pgTemplate').slice('tf_tmpl_'.length)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const externalDir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-ext-'));
    const saved = env;
    env = { ...env, DATABASE_URL: url.toString(), DATA_DIR: externalDir };
    try {
      const p = start();
      await waitReady(p, 120_000);
      expect((await login('admin', 'admin12345')).status).toBe(200);
      p.child.kill('SIGINT');
      expect(await exited(p.child)).toBe(0);
      expect(existsSync(path.join(externalDir, 'pg'))).toBe(false);
      // A superuser DATABASE_URL could switch the append-only triggers off: the start says so.
      expect(p.output()).toMatch(
        /WARNING: the application connects to PostgreSQL as .*superuser.*DATABASE_OWNER_URL/,
      );
    } finally {
      env = saved;
      rmSync(externalDir, { recursive: true, force: true });
    }
  }, 150_000); // a first start: the demo's weeks are replayed

  it('migrates as DATABASE_OWNER_URL and serves as the DATABASE_URL role, with no warning', async () => {
    const adminUrl = inject('pgAdminUrl');
    const dbName = `tf_own_${process.pid}_${inject('pgTemplate').slice('tf_tmpl_'.length)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const owner = new URL(adminUrl);
    owner.pathname = `/${dbName}`;
    // The tests' application role (global-setup.ts), which owns nothing and is no superuser.
    const appLogin = inject('pgAppLogin');
    const app = new URL(owner.toString());
    app.username = appLogin.user;
    app.password = appLogin.password;
    const externalDir = mkdtempSync(path.join(os.tmpdir(), 'tuanflow-own-'));
    const saved = env;
    env = {
      ...env,
      DATABASE_URL: app.toString(),
      DATABASE_OWNER_URL: owner.toString(),
      DATA_DIR: externalDir,
    };
    try {
      const p = start();
      await waitReady(p, 120_000);
      expect((await login('admin', 'admin12345')).status).toBe(200);
      const check = new pg.Client({ connectionString: owner.toString() });
      await check.connect();
      try {
        const roles = await check.query<{ usename: string }>(
          `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name LIKE 'tuanflow%' AND datname = $1`,
          [dbName],
        );
        expect(roles.rows).toEqual([{ usename: appLogin.user }]);
        const audit = await check.query<{ ok: boolean }>(
          `SELECT has_table_privilege($1, 'public.audit_log', 'UPDATE') OR has_table_privilege($1, 'public.audit_log', 'DELETE') AS ok`,
          [appLogin.user],
        );
        expect(audit.rows[0]?.ok).toBe(false);
      } finally {
        await check.end();
      }
      p.child.kill('SIGINT');
      expect(await exited(p.child)).toBe(0);
      expect(p.output()).not.toMatch(/WARNING: the application connects/);
    } finally {
      env = saved;
      rmSync(externalDir, { recursive: true, force: true });
    }
  }, 150_000); // a first start: the demo's weeks are replayed

  it('refuses to start with a bad setting and names the variable', async () => {
    const bad = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    bad.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    expect(await exited(bad)).toBe(1);
    expect(err).toContain('PORT');
  });
});

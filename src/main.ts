import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type AppOptions, buildApp } from './app.js';
import { bannerAccounts, demoBanner, demoShareLink, seedDemo } from './demo/seed.js';
import { JOB_KINDS } from './modules.js';
import { writeAuditCheckpoint } from './platform/audit/index.js';
import { issueSetupToken } from './platform/auth/index.js';
import { bootPlatform } from './platform/boot.js';
import { SystemSteerableClock } from './platform/clock.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { lockDataDir } from './platform/data-dir-lock.js';
import { startEmbeddedPostgres } from './platform/db/embedded-postgres.js';
import { postmasterRunning, watchEmbeddedPostgres } from './platform/db/embedded-watchdog.js';
import { stopImportJobs } from './platform/imports/index.js';
import { Jobs } from './platform/jobs/jobs.js';
import { createLogger } from './platform/logger.js';
import { buildWeb, webBuildIsStale } from './platform/web-build.js';
import { registerSubscribers } from './subscribers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The composition root: config → database → services → HTTP server → jobs, and the reverse on exit.
 * `appOptions` changes what the HTTP server serves: only bench/bench-server.ts passes it (a benchmark's
 * intake writer and its own routes); the product starts with none.
 */
export async function main(appOptions: AppOptions = {}): Promise<void> {
  const startedAt = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config);
  // The benchmark's modes live in bench/ (bench/bench-server.ts); this variable only says which one
  // it runs. Said loudly, so that a server started with it by mistake is noticed.
  if (config.benchMode !== 'off')
    log.warn(
      { setting: 'BENCH_MODE', mode: config.benchMode },
      appOptions.modules
        ? 'BENCH_MODE is set: this server runs for a benchmark (bench/bench-server.ts)'
        : 'BENCH_MODE is set but only bench/bench-server.ts acts on it: this server is the product',
    );
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);

  if (config.webBuild === 'auto' && webBuildIsStale(ROOT)) {
    log.info('building the console (web/ is newer than dist/web)');
    buildWeb(ROOT);
  }

  // The demo replays its past weeks on this clock (sent back to each moment, then home); everything
  // holds the same object, so the outbox and the subscribers read the moment the replay is at.
  const platform = await bootPlatform(config, log, new SystemSteerableClock());
  const { deps } = platform;
  // Every event is at least written to the log by a subscriber, so the outbox shows deliveries.
  // Subscribers register before the seed runs, so the seed's own events get theirs too.
  for (const type of ['user.created', 'user.updated']) {
    deps.bus.subscribe(type, 'event-log', async (event) =>
      log.info({ event: event.type, id: event.id }, 'event delivered'),
    );
  }
  registerSubscribers(deps);
  if (config.seedDemo) await seedDemo(deps);

  const app = await buildApp(deps, appOptions);
  const jobs = new Jobs(deps, platform.databaseUrl, log, JOB_KINDS);
  await deps.bus.start();
  await jobs.start();
  // tuanflow supervises its own PostgreSQL: a cluster that dies under the running server is started
  // again (with the options bootPlatform started it with), and the connections find it by themselves.
  const embedded = platform.embedded;
  const watchdog = embedded
    ? watchEmbeddedPostgres({
        isRunning: () => postmasterRunning(embedded.dataDir),
        restart: () =>
          startEmbeddedPostgres({
            dir: config.dataDir,
            port: config.embeddedPgPort,
            log: (msg) => log.info({ component: 'embedded-postgres' }, msg),
          }),
        log,
      })
    : undefined;
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  // Demo accounts only where they exist; an empty company is told how to make its first admin.
  const accounts = await bannerAccounts(deps).catch(() => 'other' as const);
  const setupToken = accounts === 'none' ? await issueSetupToken(deps).catch(() => null) : null;
  process.stdout.write(
    demoBanner(
      url,
      config.seedDemo ? await demoShareLink(deps).catch(() => null) : null,
      config.paymentSandbox,
      accounts,
      setupToken ? `${url}/setup#token=${setupToken}` : null,
    ),
  );
  if (config.paymentSandbox)
    log.warn(
      { setting: 'PAYMENT_SANDBOX' },
      'the sandbox payment is on: customers can mark orders paid without paying (demo only)',
    );
  log.info({ ms: Math.round(performance.now() - startedAt) }, 'started');

  // Ctrl-C reaches this process twice (from the terminal and relayed by npm / tsx), so only a
  // signal more than two seconds after the first one means "stop waiting and exit now".
  let stoppingSince = 0;
  const stop = async (signal: string) => {
    if (stoppingSince) {
      if (Date.now() - stoppingSince < 2000) return;
      log.warn('second signal: exiting now');
      process.exit(1);
    }
    stoppingSince = Date.now();
    log.info({ signal }, 'shutting down');
    try {
      // First, so that PostgreSQL stopped on purpose below is not started again.
      await watchdog?.stop();
      await app.close();
      // An import stops after the chunk it is writing; the next start's imports-resume job goes on with it.
      await stopImportJobs();
      await jobs.stop();
      // The head as the server leaves it, anchored outside the database (no-op when it did not move).
      await writeAuditCheckpoint(deps).catch((err: unknown) => log.error({ err }, 'audit checkpoint failed'));
      await deps.bus.stop();
      await platform.database.close();
      await platform.embedded?.stop();
      log.info('stopped cleanly');
    } finally {
      unlock();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Runs `main`; a failure to start is told on stderr (in one line for a refused setting), exit 1. */
export function runMain(appOptions: AppOptions = {}): void {
  main(appOptions).catch((err: unknown) => {
    // A setting refused at start (a wrong ENCRYPTION_KEY, say) is told in one line naming it.
    console.error(
      err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err,
    );
    process.exit(1);
  });
}

// Started as the program (npm start), not imported (bench/bench-server.ts starts it its own way).
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) runMain();

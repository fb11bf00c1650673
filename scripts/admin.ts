import { parseArgs } from 'node:util';
import { createAdmin, userCount } from '../src/platform/auth/index.js';
import { bootPlatform } from '../src/platform/boot.js';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { lockDataDir } from '../src/platform/data-dir-lock.js';
import { DomainError } from '../src/platform/errors.js';
import { createLogger } from '../src/platform/logger.js';

/**
 * `npm run admin -- create --username <name> [--name <display name>] [--password <password>]`:
 * creates an administrator, the way a company started with SEED_DEMO=false gets its first user.
 * Without --password a password is generated and printed once. With the embedded database, stop
 * the server first (the command starts the database itself); with DATABASE_URL it may run beside it.
 */
const USAGE =
  'usage: npm run admin -- create --username <name> [--name <display name>] [--password <password>]';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (positionals[0] !== 'create' || positionals.length !== 1 || !values.username) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  // Only errors: the command's own lines are what the person reads.
  const log = createLogger({ ...config, logLevel: 'error' });
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const platform = await bootPlatform(config, log);
  try {
    const before = await userCount(platform.deps.db);
    const { user, password, generated } = await createAdmin(platform.deps, {
      username: values.username,
      displayName: values.name,
      password: values.password,
    });
    console.log(`created administrator ${user.username} (${user.displayName}), user id ${user.id}`);
    console.log(
      generated
        ? `password (shown once, change it after the first login 请首次登录后修改): ${password}`
        : 'password: the one given with --password',
    );
    if (before === 0)
      console.log('this is the first user: log in to the console and create the others there.');
  } finally {
    await platform.database.close();
    await platform.embedded?.stop();
    unlock();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) {
    // A refused username or password: the rule that refused it, in both languages.
    console.error(`${err.spec.zh} / ${err.spec.en}${err.detail ? `: ${err.detail}` : ''}`);
    process.exit(1);
  }
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
});

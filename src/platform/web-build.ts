import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when dist/web is missing or older than any file of the console's source. */
export function webBuildIsStale(root: string): boolean {
  const built = path.join(root, 'dist/web/index.html');
  if (!existsSync(built)) return true;
  const source = Math.max(
    newestMtime(path.join(root, 'web')),
    newestMtime(path.join(root, 'package-lock.json')),
  );
  return source > statSync(built).mtimeMs;
}

/** Builds the console with Vite in a child process, so the server never loads the bundler. */
export function buildWeb(root: string): void {
  const vite = path.join(root, 'node_modules/.bin/vite');
  if (!existsSync(vite)) {
    throw new Error(
      'The console is not built and Vite is not installed; run `npm ci` (with dev dependencies) first',
    );
  }
  const r = spawnSync(vite, ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`building the console failed (vite exited with ${r.status})`);
}

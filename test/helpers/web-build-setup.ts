import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, webBuildIsStale } from '../../src/platform/web-build.js';

/** Browser tests need the built console; build it once per run when web/ changed. */
export default function setup() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  if (webBuildIsStale(root)) buildWeb(root);
}

import { runMain } from '../src/main.js';
import { type BenchMode, benchModules } from './intake-references.js';

/**
 * bench/bench-server: the product's server (src/main.ts) with the flash-sale benchmark's changes
 * (bench/intake-references.ts): `BENCH_MODE` picks how the order intake writes (group, the product's;
 * naive, nodb, lean: references) and the `/api/bench/*` routes are added. Started by
 * bench/flash-sale-support.ts; never part of the product, whose server ignores `BENCH_MODE`.
 */
const MODES: readonly BenchMode[] = ['group', 'naive', 'nodb', 'lean'];
const mode = (process.env.BENCH_MODE?.trim() || 'group') as BenchMode;
if (!MODES.includes(mode)) {
  console.error(`BENCH_MODE must be one of ${MODES.join(', ')}, got "${process.env.BENCH_MODE}"`);
  process.exit(1);
}
runMain({ modules: benchModules(mode) });

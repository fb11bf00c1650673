import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

interface BiomeReport {
  diagnostics: {
    category?: string;
    severity?: string;
    location: { path?: string; start?: { line: number } };
  }[];
}

/**
 * The module boundaries are biome.json's `noRestrictedImports` overrides. `npm run lint` skips
 * test/lint-fixtures; here its files are linted with the same rules (biome.fixtures.json extends
 * biome.json and lets the folder in), and each forbidden import must be refused: a rule that stopped
 * matching would otherwise pass every lint run in silence.
 */
describe('the module boundary lint rule', () => {
  it('refuses every forbidden import of the fixtures, and nothing else', () => {
    const run = spawnSync(
      path.join(ROOT, 'node_modules/.bin/biome'),
      [
        'lint',
        '--reporter=json',
        '--config-path=test/lint-fixtures/biome.fixtures.json',
        '--max-diagnostics=none',
        'test/lint-fixtures',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as BiomeReport;
    const refused = report.diagnostics.map(
      (d) => `${d.category} ${d.location.path}:${d.location.start?.line} ${d.severity}`,
    );
    expect(refused.sort()).toEqual([
      // Outside the modules (demo, bench, tests): another module's internals.
      'lint/style/noRestrictedImports test/lint-fixtures/deep-import.ts:4 error',
      'lint/style/noRestrictedImports test/lint-fixtures/deep-import.ts:5 error',
      // Inside a module: another module's internals (its index.js on line 4 is allowed).
      'lint/style/noRestrictedImports test/lint-fixtures/modules/commission/reaches-into-ledger.ts:5 error',
      // Platform: any module, and the module list.
      'lint/style/noRestrictedImports test/lint-fixtures/platform/imports-a-module.ts:3 error',
      'lint/style/noRestrictedImports test/lint-fixtures/platform/imports-a-module.ts:4 error',
    ]);
  });
});

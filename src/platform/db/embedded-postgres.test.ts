import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { initdbPasswordFile, writeInitdbPasswordFile } from './embedded-postgres.js';

describe('the password file for initdb', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('lies inside the data folder, never in the shared temporary folder', () => {
    const file = initdbPasswordFile('/srv/tuanflow/data');
    expect(path.dirname(file)).toBe('/srv/tuanflow/data');
    expect(file.startsWith(os.tmpdir())).toBe(false);
    expect(initdbPasswordFile('/srv/tuanflow/data')).not.toBe(file);
  });

  it('is written readable by its owner only, whatever the umask', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tf-pw-'));
    dirs.push(dir);
    const old = process.umask(0o000);
    try {
      const file = await writeInitdbPasswordFile(dir, 'secret', {});
      expect(path.dirname(file)).toBe(dir);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir)).toHaveLength(1);
    } finally {
      process.umask(old);
    }
  });
});

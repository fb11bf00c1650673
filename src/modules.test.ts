import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAUSE_TYPES, ERROR_CATALOGUES, JOB_KINDS, MODULES } from './modules.js';
import { renderErrorDocs } from './platform/error-catalogue.js';

describe('the error catalogue', () => {
  it('is documented exactly as the code declares it (run `npm run docs:errors` after a change)', () => {
    const docs = readFileSync(path.resolve(import.meta.dirname, '../docs/errors.md'), 'utf8');
    expect(docs).toBe(renderErrorDocs(ERROR_CATALOGUES));
  });

  it('has no code declared in two catalogues', () => {
    const codes = Object.values(ERROR_CATALOGUES).flatMap((c) => Object.keys(c));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the module list', () => {
  it('names each module once, after its folder', () => {
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of MODULES) expect(m.name).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('gives every job kind a name of its own', () => {
    const names = JOB_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("declares the ledger's and the commission module's cause types", () => {
    expect(Object.keys(CAUSE_TYPES).sort()).toEqual([
      'commission_accrual',
      'commission_entry',
      'commission_settlement',
      'demo_opening',
      'payout_line',
      'withdrawal',
    ]);
  });
});

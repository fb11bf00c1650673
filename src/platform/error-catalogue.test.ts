import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUES, renderErrorDocs } from './error-catalogue.js';

describe('the error catalogue', () => {
  it('is documented exactly as the code declares it (run `npm run docs:errors` after a change)', () => {
    const docs = readFileSync(path.resolve(import.meta.dirname, '../../docs/errors.md'), 'utf8');
    expect(docs).toBe(renderErrorDocs());
  });

  it('has no code declared in two catalogues', () => {
    const codes = Object.values(ERROR_CATALOGUES).flatMap((c) => Object.keys(c));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

import { describe, expect, it } from 'vitest';
import { pgErrorOf } from './pg-error.js';

describe('pgErrorOf', () => {
  it('finds the driver error inside a wrapper', () => {
    const pg = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const wrapped = new Error('Failed query: ...', { cause: pg });
    expect(pgErrorOf(wrapped)).toEqual({ code: '40P01', message: 'deadlock detected' });
  });

  it('keeps the constraint of a unique violation', () => {
    const pg = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'k_unique' });
    expect(pgErrorOf(pg)).toEqual({ code: '23505', constraint: 'k_unique', message: 'duplicate key' });
  });

  it('is null for an error that did not come from PostgreSQL', () => {
    expect(pgErrorOf(new Error('boom'))).toBeNull();
    expect(pgErrorOf(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBeNull();
    expect(pgErrorOf(undefined)).toBeNull();
  });
});

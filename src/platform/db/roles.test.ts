import { describe, expect, it } from 'vitest';
import { roleOf, urlAs } from './roles.js';

describe('urlAs and roleOf', () => {
  it('swap the login of a URL and keep everything else, socket folder included', () => {
    const url = 'postgres://postgres:s3cret@localhost:54329/tuanflow?host=%2Fsrv%2Fdata%2Frun';
    const app = urlAs(url, 'tuanflow_app', 'p@ss/w:rd');
    expect(roleOf(app)).toBe('tuanflow_app');
    const u = new URL(app);
    expect(decodeURIComponent(u.password)).toBe('p@ss/w:rd');
    expect([u.host, u.pathname, u.searchParams.get('host')]).toEqual([
      'localhost:54329',
      '/tuanflow',
      '/srv/data/run',
    ]);
    expect(roleOf(url)).toBe('postgres');
  });
});

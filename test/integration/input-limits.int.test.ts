import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { call, expectError, expectNothingWritten } from './support.js';

/**
 * The limits every route gets at the schema boundary (input-guard.ts, schema-limits.ts): each case
 * here was a 500 from PostgreSQL before, and is now a 400 naming the field with nothing written.
 */
let t: TestApp;
let admin: Session;
let regionId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await sessionFor(t, ['admin']);
  const res = await call(t, admin, 'POST', '/api/regions', {
    code: 'LIMITS',
    name: '限制区',
    level: 'province',
  });
  expect(res.statusCode, res.body).toBe(201);
  regionId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

async function regionRow(): Promise<unknown> {
  const { rows } = await t.tdb.deps.pool.query('SELECT * FROM regions WHERE id = $1', [regionId]);
  return rows[0];
}

describe('a NUL byte anywhere in the input', () => {
  it('is a 400 naming the body field, and nothing is written', async () => {
    const res = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'POST', '/api/regions', { code: 'NUL', name: '区\u0000域', level: 'province' }),
    );
    const error = expectError(res, 400, 'request.invalid', 'body.name');
    expect(error.detail).toContain('NUL');
    const { rows } = await t.tdb.deps.pool.query(`SELECT 1 FROM regions WHERE code = 'NUL'`);
    expect(rows).toHaveLength(0);
  });

  it('is a 400 naming the query parameter or the path parameter', async () => {
    expectError(await call(t, admin, 'GET', '/api/users?q=a%00b'), 400, 'request.invalid', 'query.q');
    expectError(await call(t, admin, 'GET', '/api/users/usr%00x'), 400, 'request.invalid', 'params.id');
  });

  it('is a 400 on the anonymous storefront too', async () => {
    const res = await call(t, null, 'GET', '/api/storefront/campaigns/cmp%00x?leader=L001');
    expectError(res, 400, 'request.invalid', 'params.id');
  });

  it('is found before the schema looks, however deep it sits', async () => {
    const res = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'PATCH', `/api/regions/${regionId}`, { name: ['ok', 'bad\u0000'] }),
    );
    expectError(res, 400, 'request.invalid', 'body.name.1');
  });
});

describe('numbers past what the column holds', () => {
  it('is a 400 naming the parameter, for any integer without its own maximum', async () => {
    for (const version of ['1e18', '9007199254740992', '2147483648', '1e400', '-2147483649']) {
      const res = await call(t, admin, 'GET', `/api/leader-agreements/signatures?version=${version}`);
      expectError(res, 400, 'request.invalid', 'query.version');
    }
    const fits = await call(t, admin, 'GET', '/api/leader-agreements/signatures?version=2147483647');
    expect(fits.statusCode).toBeLessThan(500);
  });
});

describe('an empty PATCH', () => {
  it('is a 400 naming the body, and the row is unchanged', async () => {
    const before = await regionRow();
    const res = await expectNothingWritten(t.tdb, () =>
      call(t, admin, 'PATCH', `/api/regions/${regionId}`, {}),
    );
    expectError(res, 400, 'request.invalid', 'body');
    expect(await regionRow()).toEqual(before);
    const named = await call(t, admin, 'PATCH', `/api/regions/${regionId}`, { name: '改名区' });
    expect(named.statusCode, named.body).toBe(200);
  });
});

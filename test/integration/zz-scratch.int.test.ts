import { afterAll, beforeAll, it } from 'vitest';
import { createTestApp, sessionFor, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('probe', async () => {
  const a = await sessionFor(t, ['admin']);
  const l = await sessionFor(t, ['leader']);
  const show = async (label: string, r: { statusCode: number; body: string; headers: Record<string, unknown> }) =>
    console.log(label, r.statusCode, r.body.slice(0, 300));
  await show('roles string', await t.app.inject({ method: 'POST', url: '/api/users', headers: a.headers, payload: { username: 'strrole', displayName: 'x', password: 'long-enough-1', roles: 'admin' } }));
  await show('displayName number', await t.app.inject({ method: 'POST', url: '/api/users', headers: a.headers, payload: { username: 'numname', displayName: 123, password: 12345678, roles: ['operator'] } }));
  await show('leader {}', await t.app.inject({ method: 'POST', url: '/api/users', headers: l.headers, payload: {} }));
  await show('nocookie {}', await t.app.inject({ method: 'POST', url: '/api/users', payload: {} }));
  await show('nocookie patch', await t.app.inject({ method: 'PATCH', url: '/api/users/usr_x', payload: {} }));
  await show('leader reset {}', await t.app.inject({ method: 'POST', url: '/api/users/usr_x/reset-password', headers: l.headers, payload: {} }));
  await show('audit from bad', await t.app.inject({ method: 'GET', url: '/api/audit?from=yesterday', headers: a.headers }));
  await show('head users', await t.app.inject({ method: 'HEAD', url: '/api/users', headers: a.headers }));
  await show('head users nocookie', await t.app.inject({ method: 'HEAD', url: '/api/users' }));
  await show('options users', await t.app.inject({ method: 'OPTIONS', url: '/api/users', headers: a.headers }));
  await show('xml', await t.app.inject({ method: 'POST', url: '/api/users', headers: { ...a.headers, 'content-type': 'application/xml' }, payload: '<a/>' }));
  await show('text', await t.app.inject({ method: 'POST', url: '/api/users', headers: { ...a.headers, 'content-type': 'text/plain' }, payload: 'hello' }));
  await show('malformed', await t.app.inject({ method: 'POST', url: '/api/users', headers: { ...a.headers, 'content-type': 'application/json' }, payload: '{"a":' }));
  await show('pagesize0', await t.app.inject({ method: 'GET', url: '/api/users?pageSize=0', headers: a.headers }));
  await show('page abc', await t.app.inject({ method: 'GET', url: '/api/users?page=abc', headers: a.headers }));
  await show('routes', { statusCode: 0, body: JSON.stringify(t.app.routeTable), headers: {} });
  console.log(t.app.printRoutes());
});

import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/app.js';
import {
  ALL_PERMISSIONS,
  allows,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from '../../src/platform/auth/index.js';
import { createTestApp, loginAs, makeUser, type Session, type TestApp } from '../helpers/test-app.js';
import { call, expectError, MISSING_USER_ID, type Res } from './support.js';

let t: TestApp;
const users = new Map<Role, { username: string; password: string }>();
const sessions = new Map<Role, Session>();
let publicLogin: { username: string; password: string };

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    const u = await makeUser(t.tdb, [role]);
    users.set(role, u);
    sessions.set(role, await loginAs(t.app, u.username, u.password));
  }
  publicLogin = await makeUser(t.tdb, ['customer']);
});
afterAll(() => t.close());

/**
 * Bodies that pass each route's schema, so the answer shows the access decision and not the body
 * validation. A route with a required body that is missing here answers 400 and fails the walk.
 */
function bodyFor(route: RouteEntry): object | undefined {
  if (route.method === 'GET') return undefined;
  switch (`${route.method} ${route.url}`) {
    case 'POST /api/auth/login':
      return { username: publicLogin.username, password: publicLogin.password };
    case 'POST /api/users':
      return {
        username: 'rbac_probe',
        displayName: 'RBAC probe',
        password: 'long-enough-1',
        roles: ['leader'],
      };
    case 'PATCH /api/users/:id':
      return { displayName: 'RBAC probe' };
    case 'POST /api/users/:id/reset-password':
      return { password: 'long-enough-2' };
    case 'POST /api/orders/:id/mark-paid':
      return { reference: 'rbac-probe' };
    case 'POST /api/orders/:id/cancel':
      return { reason: 'rbac probe' };
    // No Idempotency-Key header: an allowed role gets a 400 naming it, and nothing is refunded.
    case 'POST /api/orders/:id/refunds':
      return { reason: 'rbac probe', whole: true };
    case 'POST /api/orders/ship':
      return { campaignId: 'cmp_rbac_probe' };
    case 'POST /api/orders/deliver':
      return { campaignId: 'cmp_rbac_probe', pickupPointId: 'pp_rbac_probe' };
    case 'POST /api/orders/verify-pickup':
      return { pickupPointId: 'pp_rbac_probe', pickupCode: '123456' };
    case 'POST /api/portal/verify-pickup':
      return { pickupCode: '123456' };
    case 'PUT /api/risk/policy':
      return { enabled: true, maxQuantityPerOrder: 50, maxOrdersPerPhonePerCampaign: 5 };
    // The second allowed role gets a 409 (already blocked): past the access check either way.
    case 'POST /api/risk/blocklist':
      return { kind: 'address', value: 'rbac probe address', reason: 'rbac probe' };
    case 'POST /api/risk/blocklist/:id/remove':
    case 'POST /api/risk/holds/:id/reject':
      return { reason: 'rbac probe' };
    // The second allowed role gets a 409 (code taken): past the access check either way.
    case 'POST /api/leader-levels':
      return { code: 'RBAC_PROBE', nameZh: '探测', nameEn: 'Probe', rank: 999 };
    case 'POST /api/leaders/:id/level':
      return { levelId: 'lvl_rbac_probe', reason: 'rbac probe' };
    // A valid (blank) plan document: allowed roles get a 404 for the missing plan id.
    case 'PUT /api/commission/plans/:id':
      return {
        name: 'RBAC probe',
        depthCap: 3,
        allowDepthAboveDefault: false,
        selfPurchaseEarnsDirect: true,
        levels: [],
        team: { mode: 'none' },
        recruit: null,
        tiered: null,
        regional: null,
        hotProducts: [],
      };
    case 'POST /api/commission/plans/:id/preview':
      return { chain: [{ levelId: null }], line: { baseFen: 10_000, quantity: 1 } };
    // No plan was active in 2020-01: allowed roles get a 422 and nothing is written.
    case 'POST /api/commission/period-runs/month-close':
      return { month: '2020-01' };
    case 'POST /api/commission/period-runs/hot-products':
      return { campaignId: 'cmp_rbac_probe' };
    case 'POST /api/commission/simulations':
      return { planId: 'cpl_rbac_probe', from: '2026-01-01', to: '2026-01-31' };
    // An ended day with nothing final: the first allowed role settles it empty, the next finds it settled.
    case 'POST /api/commission/settlements/run':
      return { day: '2020-01-01' };
    case 'PUT /api/commission/accrual-settings':
      return { afterSalesDays: 7 };
    // A leader that does not exist: allowed roles get a 404, nothing moves.
    case 'POST /api/leaders/:id/move-referrer':
      return { referrerId: null, reason: 'rbac probe' };
    // The second allowed role gets a 409 (code taken): past the access check either way.
    case 'POST /api/regions':
      return { code: 'RBAC-PROBE', name: '探测区域', level: 'area' };
    case 'PATCH /api/regions/:id':
      return { name: '探测区域' };
    case 'POST /api/regions/:id/managers':
      return { userId: MISSING_USER_ID, weight: 1 };
    case 'PATCH /api/regions/:id/managers/:userId':
      return { weight: 2 };
    case 'POST /api/leaders/imports':
      return { fileBase64: Buffer.from('not a workbook').toString('base64'), mode: 'validate' };
    case 'PUT /api/ledger/withdrawal-settings':
      return { minAmountFen: 1000, feeFixedFen: 0, feeBps: 0, dailyCountLimit: 3, taxBps: 0 };
    case 'POST /api/ledger/withdrawals/:id/reject':
    case 'POST /api/ledger/payout-lines/:id/failed':
      return { reason: 'rbac probe' };
    case 'POST /api/ledger/payout-batches':
      return { method: 'bank' };
    case 'PUT /api/ledger/leaders/:id/payout-account':
    case 'PUT /api/ledger/me/payout-account':
      return { method: 'wechat', payeeName: 'RBAC probe', account: 'openid_rbac_probe' };
    case 'POST /api/ledger/me/withdrawals':
      return { amountFen: 1000 };
    // A wrong current password: the call passes the access check and changes nothing.
    case 'POST /api/auth/change-password':
      return { currentPassword: 'not-the-password', newPassword: 'long-enough-3' };
    default:
      return {};
  }
}

function urlFor(route: RouteEntry): string {
  return route.url.replace(/:id\b/g, MISSING_USER_ID);
}

function hit(route: RouteEntry, session: Session | null): Promise<Res> {
  return call(t, session, route.method as HTTPMethods, urlFor(route), bodyFor(route));
}

const routes = (): RouteEntry[] => t.app.routeTable;
const label = (r: RouteEntry) => `${r.method} ${r.url}`;

describe('the route table', () => {
  it('lists every API route once, each with exactly one valid access declaration', () => {
    expect(routes().length).toBeGreaterThanOrEqual(10);
    const keys = routes().map(label);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of routes()) {
      const kinds = Object.keys(r.access);
      expect(kinds, label(r)).toHaveLength(1);
      if ('permission' in r.access) expect(ALL_PERMISSIONS, label(r)).toContain(r.access.permission);
      else if ('public' in r.access) expect(r.access.public).toBe(true);
      else expect(r.access.authenticated).toBe(true);
    }
  });

  it('matches the routes the OpenAPI document publishes (nothing registered around the table)', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const published = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/') && path !== '/healthz' && path !== '/readyz') continue;
      for (const method of Object.keys(ops)) {
        if (method !== 'head') published.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      }
    }
    expect(new Set(routes().map(label))).toEqual(published);
  });

  it('declares a permission on every route that reads or changes business data', () => {
    const open = routes()
      .filter((r) => !('permission' in r.access))
      .map(label)
      .sort();
    expect(open).toEqual([
      'GET /api/auth/me',
      'GET /api/campaigns/:id/live',
      'GET /api/leader-applications/form',
      'GET /api/leader-applications/referrer/:code',
      'GET /api/storefront/campaigns/:id',
      'GET /api/storefront/payment-options',
      'GET /healthz',
      'GET /readyz',
      'POST /api/auth/change-password',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/setup',
      'POST /api/leader-applications',
      'POST /api/leader-applications/status',
      'POST /api/orders',
      'POST /api/orders/:id/customer-cancel',
      'POST /api/orders/:id/sandbox-pay',
      'POST /api/storefront/my-orders',
    ]);
  });
});

describe('permission checks for every role', () => {
  it('answers 403 auth.forbidden exactly when the role lacks the route’s permission', async () => {
    const guarded = routes().filter((r) => 'permission' in r.access);
    let allowed = 0;
    let denied = 0;
    for (const route of guarded) {
      if (!('permission' in route.access)) continue;
      const permission = route.access.permission;
      for (const role of ROLES) {
        const session = sessions.get(role) ?? null;
        const res = await hit(route, session);
        const may = ROLE_PERMISSIONS[role].includes(permission);
        expect(allows([role], route.access)).toBe(may);
        const where = `${role} → ${label(route)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (may) {
          allowed += 1;
          expect([401, 403], where).not.toContain(res.statusCode);
          expect(res.statusCode, where).toBeLessThan(500);
        } else {
          denied += 1;
          expect(res.statusCode, where).toBe(403);
          expect(res.json<{ error: { code: string } }>().error.code, where).toBe('auth.forbidden');
        }
      }
    }
    // The walk is not vacuous: the admin passes every route and the leader is refused every one.
    expect(allowed).toBeGreaterThanOrEqual(guarded.length);
    expect(denied).toBeGreaterThanOrEqual(guarded.length);
  });

  it('lets every role call the routes that only need a login', async () => {
    for (const route of routes().filter((r) => 'authenticated' in r.access)) {
      for (const role of ROLES) {
        const u = users.get(role);
        if (!u) throw new Error(`no user for ${role}`);
        // A fresh session each time, because logout ends the one it is called with.
        const session = await loginAs(t.app, u.username, u.password);
        const res = await hit(route, session);
        const expected = route.url === '/api/auth/change-password' ? 400 : 200;
        expect(res.statusCode, `${role} → ${label(route)}`).toBeLessThan(expected + 100);
        expect(res.statusCode, `${role} → ${label(route)}`).toBeGreaterThanOrEqual(expected);
      }
    }
  });
});

describe('anonymous callers', () => {
  it('get 401 auth.unauthenticated from every non-public route', async () => {
    const closed = routes().filter((r) => !('public' in r.access));
    expect(closed.length).toBeGreaterThan(0);
    for (const route of closed) {
      expectError(await hit(route, null), 401, 'auth.unauthenticated');
      const forged = await t.app.inject({
        method: route.method as HTTPMethods,
        url: urlFor(route),
        headers: { cookie: 'tf_session=not-a-real-token', 'x-csrf-token': 'x' },
        ...(bodyFor(route) ? { payload: bodyFor(route) } : {}),
      });
      expectError(forged, 401, 'auth.unauthenticated');
    }
  });

  it('are answered by every public route without a cookie', async () => {
    const open = routes().filter((r) => 'public' in r.access);
    expect(open.map(label).sort()).toEqual([
      'GET /api/campaigns/:id/live',
      'GET /api/leader-applications/form',
      'GET /api/leader-applications/referrer/:code',
      'GET /api/storefront/campaigns/:id',
      'GET /api/storefront/payment-options',
      'GET /healthz',
      'GET /readyz',
      'POST /api/auth/login',
      'POST /api/auth/setup',
      'POST /api/leader-applications',
      'POST /api/leader-applications/status',
      'POST /api/orders',
      'POST /api/orders/:id/customer-cancel',
      'POST /api/orders/:id/sandbox-pay',
      'POST /api/storefront/my-orders',
    ]);
    for (const route of open) {
      const res = await hit(route, null);
      // The customer's order routes check the body (and the phone) instead of a login: an empty
      // body is a 400, never a 401 or 403.
      // The live stream of a campaign that does not exist is a JSON 404 (no stream is opened).
      // The storefront needs ?leader= and a phone with a pickup code: without them, a 400.
      // The payment options need nothing: a 200.
      const customer =
        (route.url.startsWith('/api/orders') || route.url.startsWith('/api/storefront')) &&
        !route.url.endsWith('/payment-options');
      // The leader application routes check their input the same way; only the form needs nothing.
      const applying = route.url.startsWith('/api/leader-applications') && !route.url.endsWith('/form');
      // The first-admin setup checks its body (token, username, password) the same way.
      const setup = route.url === '/api/auth/setup';
      const expected = customer || applying || setup ? 400 : route.url.endsWith('/live') ? 404 : 200;
      expect(res.statusCode, `${label(route)}: ${res.body}`).toBe(expected);
    }
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/seed.js';
import { browserAvailable } from '../helpers/browser.js';
import { seedDemoOnRealClock } from '../helpers/demo.js';
import { type E2eServer, startE2eServer } from '../helpers/e2e-server.js';
import type { TestDb } from '../helpers/test-db.js';
import { applyBody } from '../integration/leader-onboarding-support.js';

/**
 * The demo leader on a phone: logs in to the portal (团长端), sees the campaigns with their share
 * links, makes a poster (a PNG), sees today's orders, verifies a pickup code by typing it and by a
 * (simulated) camera scan, and finds the invite link. The database holds the demo company, as
 * `npm start` loads it.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
let codes: string[] = [];
const leader = DEMO_ACCOUNTS.find((a) => a.role === 'leader');

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  // The server reads the real clock, so the demo is seeded on it too (live campaign, today's orders).
  await seedDemoOnRealClock(tdb);
  // The demo leader's parcels waiting at her pickup points: the codes her customers will bring.
  const waiting = await tdb.deps.pool.query<{ pickup_code: string }>(
    `SELECT o.pickup_code FROM orders o JOIN leaders l ON l.id = o.leader_id JOIN users u ON u.id = l.user_id
     WHERE u.username = 'leader' AND o.status = 'delivered' ORDER BY o.id`,
  );
  codes = waiting.rows.map((r) => r.pickup_code);
}, 120_000);
afterAll(() => server?.close());

async function phonePage(init?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  if (init) await context.addInitScript(init);
  return context.newPage();
}

async function logIn(page: Page, username: string, password: string) {
  await page.goto(`${base}/h5/portal`);
  await page.getByTestId('portal-login-username').fill(username);
  await page.getByTestId('portal-login-password').fill(password);
  await page.getByTestId('portal-login-submit').click();
}

async function statusOfCode(code: string): Promise<string[]> {
  const r = await tdb.deps.pool.query<{ status: string }>(
    'SELECT status FROM orders WHERE pickup_code = $1 ORDER BY id',
    [code],
  );
  return r.rows.map((x) => x.status);
}

describe.skipIf(!browserAvailable)('the leader portal on a phone', () => {
  it('logs in, shares a campaign with a poster, sees today’s orders and verifies a pickup code', async () => {
    if (!leader) throw new Error('no demo leader account');
    expect(codes.length).toBeGreaterThan(0);
    const page = await phonePage();
    await logIn(page, leader.username, leader.password);

    // 开团: the live demo campaign, with a share link carrying the leader's code.
    await page.getByTestId('portal-campaign-0-name').waitFor();
    const me = await (await page.request.get(`${base}/api/portal/me`)).json();
    expect(await page.getByTestId('portal-campaign-0-name').textContent()).toBe('周末水果节');
    const link = await page.getByTestId('portal-campaign-0-link').textContent();
    expect(link).toMatch(new RegExp(`/h5/c/cmp_\\w+\\?leader=${me.code}$`));

    // The poster: a PNG the leader can save.
    await page.getByTestId('portal-campaign-0-poster').click();
    const img = page.getByTestId('portal-poster-image');
    await img.waitFor({ timeout: 15_000 });
    const src = (await img.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    expect(src.length).toBeGreaterThan(10_000);
    const size = await img.evaluate((el) => {
      const image = el as unknown as { naturalWidth: number; naturalHeight: number };
      return [image.naturalWidth, image.naturalHeight];
    });
    expect(size).toEqual([750, 1334]);
    expect(await page.getByTestId('portal-poster-save').getAttribute('download')).toMatch(/\.png$/);
    await page.screenshot({ path: '/tmp/portal-poster.png' });
    await page.mouse.click(195, 40);
    await img.waitFor({ state: 'hidden' });

    // 订单: today's orders of this leader.
    await page.getByTestId('portal-tab-orders').click();
    await page.getByTestId('portal-day-orders').waitFor();
    const today = await (await page.request.get(`${base}/api/portal/orders`)).json();
    expect(today.totals.orders).toBeGreaterThan(0);
    expect(await page.getByTestId('portal-day-orders').textContent()).toBe(String(today.totals.orders));
    await page.getByTestId('portal-day-by-customer').click();
    await page.getByTestId('portal-day-customer-0').waitFor();
    expect(await page.getByTestId('portal-day-customer-0').textContent()).toMatch(/1\d{2}\*{4}\d{4}/);
    await page.screenshot({ path: '/tmp/portal-orders.png' });

    // 核销: type the customer's pickup code, see the goods, confirm.
    const code = codes[0] ?? '';
    await page.getByTestId('portal-tab-verify').click();
    await page.getByTestId('portal-verify-code').fill(code);
    await page.getByTestId('portal-verify-lookup').click();
    await page.getByTestId('portal-verify-order').first().waitFor();
    await page.getByTestId('portal-verify-confirm').click();
    await page.getByTestId('portal-verify-done').waitFor();
    expect(await page.getByTestId('portal-verify-done').textContent()).toMatch(/^核销成功，共 \d+ 单$/);
    expect(await statusOfCode(code)).toContain('picked_up');
    // The same code again: nothing left to hand over.
    await page.getByTestId('portal-verify-next').click();
    await page.getByTestId('portal-verify-code').fill(code);
    await page.getByTestId('portal-verify-lookup').click();
    await page.getByTestId('portal-verify-not-ready').waitFor();

    // 团队: the team's figures and the direct recruits, as the API counts them.
    await page.getByTestId('portal-tab-team').click();
    await page.getByTestId('portal-team-size').waitFor();
    const team = await (await page.request.get(`${base}/api/portal/team`)).json();
    expect(await page.getByTestId('portal-team-size').textContent()).toBe(String(team.size));
    if (team.recruits.length > 0) await page.getByTestId('portal-recruit-0').waitFor();
    await page.screenshot({ path: '/tmp/portal-team.png' });

    // 我的: the level and the progress to the next, the invite link and its QR code; the language switch.
    let level = await (await page.request.get(`${base}/api/portal/level`)).json();
    if (level.next === null) {
      // A ladder of one level has nothing to progress to: add a level above it for the page to show.
      await tdb.deps.pool.query(
        `INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, upgrade_rule, created_at, updated_at)
         VALUES ('lvl_E2EPORTALGOLD00000000000000', 'E2E_GOLD', '金牌团长', 'Gold', 999, 'active', $1, now(), now())`,
        [JSON.stringify({ all: [{ metric: 'ownGmvFen', op: '>=', value: 5_000_000 }] })],
      );
      level = await (await page.request.get(`${base}/api/portal/level`)).json();
    }
    const firstCondition = level.upgrade?.lines.find((l: { kind: string }) => l.kind === 'condition');
    await page.getByTestId('portal-tab-me').click();
    await page.getByTestId('portal-level-current').waitFor();
    expect(await page.getByTestId('portal-level-current').textContent()).toBe(level.current?.nameZh ?? '—');
    expect(await page.getByTestId('portal-level-next').textContent()).toContain(level.next.nameZh);
    if (firstCondition) await page.getByTestId(`portal-level-up-${firstCondition.metric}`).waitFor();
    expect(await page.getByTestId('portal-invite-link').textContent()).toBe(
      `${base}/h5/apply?ref=${me.code}`,
    );
    await page.getByTestId('portal-invite-qr').waitFor();
    await page.getByTestId('portal-lang').first().click();
    expect(await page.getByTestId('portal-tab-campaigns').textContent()).toBe('Campaigns');
    await page.getByTestId('portal-lang').first().click();
    await page.screenshot({ path: '/tmp/portal-me.png' });
    await page.context().close();
  });

  it('scans a pickup code with the camera where the browser can (BarcodeDetector)', async () => {
    if (!leader) throw new Error('no demo leader account');
    const code = codes[1];
    if (!code) return;
    // Chromium on Linux has no BarcodeDetector and this machine no camera: both are stood in for,
    // the detector "seeing" the code in the camera's first frames.
    const page = await phonePage(`
      window.BarcodeDetector = class {
        constructor() {}
        static async getSupportedFormats() { return ['qr_code']; }
        async detect() { return [{ rawValue: 'PICKUP:${code}' }]; }
      };
      navigator.mediaDevices.getUserMedia = async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 64; canvas.height = 64;
        const ctx = canvas.getContext('2d');
        setInterval(() => { ctx.fillStyle = '#' + Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0'); ctx.fillRect(0, 0, 64, 64); }, 50);
        return canvas.captureStream(10);
      };
    `);
    await logIn(page, leader.username, leader.password);
    await page.getByTestId('portal-tab-verify').click();
    await page.getByTestId('portal-verify-scan').click();
    await page.getByTestId('portal-verify-order').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('portal-verify-code').inputValue()).toBe(code);
    await page.getByTestId('portal-verify-confirm').click();
    await page.getByTestId('portal-verify-done').waitFor();
    expect(await statusOfCode(code)).toContain('picked_up');
    await page.context().close();
  });

  it('offers typing where the browser cannot scan, and refuses an account that is not a leader', async () => {
    if (!leader) throw new Error('no demo leader account');
    const page = await phonePage();
    await logIn(page, leader.username, leader.password);
    await page.getByTestId('portal-tab-verify').click();
    await page.getByTestId('portal-verify-no-scanner').waitFor();
    await page.getByTestId('portal-verify-code').fill('12345');
    await page.getByTestId('portal-verify-lookup').click();
    expect(await page.getByTestId('h5-error').textContent()).toBe('提货码为 6 位数字');
    await page.context().close();

    const operator = DEMO_ACCOUNTS.find((a) => a.role === 'operator');
    if (!operator) throw new Error('no demo operator');
    const other = await phonePage();
    await logIn(other, operator.username, operator.password);
    await other.getByTestId('portal-not-leader').waitFor();
    await other.context().close();
  });

  it('asks a newly approved leader for a new password, then points them to the agreement', async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    const staff = await browser.newContext();
    const login = await staff.request.post(`${base}/api/auth/login`, {
      data: { username: admin.username, password: admin.password },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const region = await tdb.deps.pool.query<{ id: string }>(`SELECT id FROM regions WHERE code = '330106'`);
    const applied = await staff.request.post(`${base}/api/leader-applications`, {
      data: applyBody({ regionId: region.rows[0]?.id }),
    });
    expect(applied.status(), await applied.text()).toBe(201);
    const { applicationNo } = (await applied.json()) as { applicationNo: string };
    const row = await tdb.deps.pool.query<{ id: string }>(
      'SELECT id FROM leader_applications WHERE application_no = $1',
      [applicationNo],
    );
    const approved = await staff.request.post(`${base}/api/leader-applications/${row.rows[0]?.id}/approve`, {
      data: {},
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(approved.status(), await approved.text()).toBe(200);
    const { login: first } = (await approved.json()) as {
      login: { username: string; initialPassword: string };
    };
    await staff.close();

    const page = await phonePage();
    await logIn(page, first.username, first.initialPassword);
    await page.getByTestId('portal-first-password').waitFor();
    await page.getByTestId('portal-pw-current').fill(first.initialPassword);
    await page.getByTestId('portal-pw-new').fill('my-own-password-1');
    await page.getByTestId('portal-pw-again').fill('my-own-password-1');
    await page.getByTestId('portal-pw-submit').click();
    await page.getByTestId('portal-shell').waitFor();
    const me = await (await page.request.get(`${base}/api/portal/me`)).json();
    expect(me.passwordChangeRequired).toBe(false);
    if (!me.agreementSigned) {
      await page.getByTestId('portal-agreement-notice').waitFor();
      await page.getByText('去签署').click();
      await page.waitForURL(`${base}/h5/leader/agreement`);
    }
    await page.context().close();
  });

  it('says plainly whether the leader keeps their level, and reminds them of a new agreement to sign by a date', async () => {
    if (!leader) throw new Error('no demo leader account');
    // A level whose downgrade rule the demo leader's figures certainly meet: they would drop.
    await tdb.deps.pool.query(
      `INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, downgrade_rule, created_at, updated_at)
       VALUES ('lvl_E2EPORTALKEEP0000000000000', 'E2E_KEEP', '保级测试', 'Keep test', 998, 'active', $1, now(), now())`,
      [JSON.stringify({ metric: 'ownGmvFen', op: '<', value: 900_000_000 })],
    );
    const me = await tdb.deps.pool.query<{ id: string }>(
      'SELECT l.id FROM leaders l JOIN users u ON u.id = l.user_id WHERE u.username = $1',
      [leader.username],
    );
    await tdb.deps.pool.query(
      "UPDATE leaders SET level_id = 'lvl_E2EPORTALKEEP0000000000000' WHERE id = $1",
      [me.rows[0]?.id],
    );

    // A new agreement version, in force in 3 days with 7 days' grace, published by the admin.
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    const staff = await browser.newContext();
    const login = await staff.request.post(`${base}/api/auth/login`, {
      data: { username: admin.username, password: admin.password },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const effectiveAt = new Date(Date.now() + 3 * 86_400_000);
    const published = await staff.request.post(`${base}/api/leader-agreements/templates`, {
      data: {
        title: '团长合作协议',
        body: '团长合作协议（新版）\n第一条 按时签收。',
        effectiveAt: effectiveAt.toISOString(),
        graceDays: 7,
      },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(published.status(), await published.text()).toBe(201);
    const version = (await published.json()) as { signBy: string };
    await staff.close();

    const page = await phonePage();
    await logIn(page, leader.username, leader.password);
    const reminder = page.getByTestId('portal-agreement-reminder');
    await reminder.waitFor();
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
    const text = (await reminder.textContent()) ?? '';
    expect(text).toContain(`新版协议将于 ${day(effectiveAt)} 生效，请在 ${day(new Date(version.signBy))}`);
    expect(text).toContain('前签署');
    // Still within the grace period: the leader sells, so the "cannot take orders" notice is absent.
    expect(await page.getByTestId('portal-agreement-notice').count()).toBe(0);

    await page.getByTestId('portal-tab-me').click();
    const keep = page.getByTestId('portal-level-keep-short');
    await keep.waitFor();
    expect(await keep.textContent()).toContain('未达到保级要求');
    expect(await page.getByTestId('portal-level-keep-ownGmvFen').textContent()).toMatch(
      /还差 ¥[\d,.]+（已完成 ¥/,
    );
    expect(await page.getByTestId('portal-level-keep-ok').count()).toBe(0);
    expect(await page.getByTestId('portal-level-drop-rule').textContent()).toContain('降级条件：');
    await page.screenshot({ path: '/tmp/portal-keep-level.png' });

    await page.getByTestId('portal-agreement-reminder').getByText('去签署').click();
    await page.waitForURL(`${base}/h5/leader/agreement`);
    await page.context().close();
  });
});

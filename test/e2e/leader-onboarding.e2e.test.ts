import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignaturePng, createLeaderTx } from '../../src/modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { browserAvailable } from '../helpers/browser.js';
import { type E2eServer, logIn, startE2eServer } from '../helpers/e2e-server.js';
import { makeUser } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

/**
 * The whole onboarding in a browser: a person applies on the phone page through an invite link, an
 * operator approves in the console and publishes the agreement, and the new leader logs in on the
 * phone, replaces the initial password and signs by drawing on the canvas with the mouse.
 */
let server: E2eServer | undefined;
let tdb: TestDb;
let browser: Browser;
let base: string;
let operator: { username: string; password: string };
let referrerCode: string;

const AGREEMENT = '团长合作协议（测试）\n第一条 团长应按时签收货物。\n第二条 佣金按月结算。';
const ID_NUMBER = '11010519491231002X';

beforeAll(async () => {
  if (!browserAvailable) return;
  server = await startE2eServer();
  ({ tdb, browser, base } = server);
  operator = await makeUser(tdb, ['operator']);
  await tdb.deps.pool.query(
    `INSERT INTO regions (id, code, name, parent_id, level, created_at) VALUES
      ('reg_01JE2EONBZJ000000000000000', '330000', '浙江省', NULL, 'province', now()),
      ('reg_01JE2EONBHZ000000000000000', '330100', '杭州市', 'reg_01JE2EONBZJ000000000000000', 'city', now()),
      ('reg_01JE2EONBXH000000000000000', '330106', '西湖区', 'reg_01JE2EONBHZ000000000000000', 'district', now())`,
  );
  const referrer = await tdb.deps.db.transaction((tx) =>
    createLeaderTx(tdb.deps, tx, SYSTEM_ACTOR, {
      name: '推荐人陈静',
      phone: '13900003333',
      regionId: 'reg_01JE2EONBXH000000000000000',
      pickupPoint: { name: '西湖花园', address: '杭州市西湖区文三路 1 号' },
    }),
  );
  referrerCode = referrer.code;
});
afterAll(() => server?.close());

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  return context.newPage();
}

let applicationNo = '';
let login = { username: '', password: '' };

describe.skipIf(!browserAvailable)('leader onboarding in Chromium', () => {
  it('applies on the H5 page through an invite link; a bad ID checksum is named under the field', async () => {
    const page = await phonePage();
    await page.goto(`${base}/h5/apply?ref=${referrerCode.toLowerCase()}`);
    await page.getByTestId('apply-referrer').getByText('推荐人陈静').waitFor();
    expect(await page.getByTestId('apply-referrer-code').inputValue()).toBe(referrerCode);
    await page.getByTestId('apply-name').fill('新团长小周');
    await page.getByTestId('apply-phone').fill('137 1234 8888');
    await page.getByTestId('apply-id-number').fill('110105194912310021');
    await page.getByTestId('apply-region').click();
    const popup = page.locator('.adm-cascader');
    await popup.getByText('浙江省', { exact: true }).click();
    await popup.getByText('杭州市', { exact: true }).click();
    await popup.getByText('西湖区', { exact: true }).click();
    await popup.getByText('确定', { exact: true }).click();
    await expect.poll(() => page.getByTestId('apply-region').textContent()).toBe('浙江省 / 杭州市 / 西湖区');
    await page.getByTestId('apply-pp-name').fill('文三路 200 号驿站');
    await page.getByTestId('apply-pp-address').fill('杭州市西湖区文三路 200 号');
    await page.getByTestId('apply-pp-latitude').fill('30.2775');
    await page.getByTestId('apply-pp-longitude').fill('120.1302');
    await page.getByTestId('apply-pp-hours').fill('08:00-21:00');
    await page.screenshot({ path: '/tmp/h5-leader-apply.png', fullPage: true });
    await page.getByTestId('apply-submit').click();

    const idError = page.getByTestId('field-error-body.idNumber');
    await idError.waitFor();
    expect(await idError.textContent()).toContain('校验位');
    expect((await tdb.deps.pool.query('SELECT 1 FROM leader_applications')).rowCount).toBe(0);

    await page.getByTestId('apply-id-number').fill(ID_NUMBER);
    await page.getByTestId('apply-submit').click();
    await page.waitForURL(/\/h5\/apply\/status#[A-Za-z0-9_-]{43}$/);
    await expect.poll(() => page.getByTestId('apply-status').getAttribute('data-status')).toBe('pending');
    applicationNo = (await page.getByTestId('apply-status-no').textContent()) ?? '';
    expect(applicationNo).toMatch(/^SQ\d{6}-/);

    const { rows } = await tdb.deps.pool.query<{
      referrer_id: string;
      phone_enc: string;
      id_number_enc: string;
    }>('SELECT referrer_id, phone_enc, id_number_enc FROM leader_applications');
    expect(rows).toHaveLength(1);
    expect(tdb.deps.crypto.decrypt(rows[0]?.id_number_enc ?? '')).toBe(ID_NUMBER);
    expect(JSON.stringify(rows)).not.toContain('13712348888');
    await page.screenshot({ path: '/tmp/h5-leader-apply-status.png' });
    await page.context().close();
  });

  it('approves in the console, shows the initial password once, and publishes the agreement', async () => {
    expect(applicationNo).not.toBe('');
    const page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.getByTestId('nav-leader-recruiting').click();
    await page.waitForURL('**/leaders/recruiting');
    const table = page.getByTestId('applications-table');
    await table.getByText('110***********002X').waitFor();
    await table.getByText('137****8888').waitFor();
    await page.getByTestId(`application-open-${applicationNo}`).click();
    const drawer = page.getByTestId('application-detail');
    await drawer.getByText('推荐人陈静').first().waitFor();
    await page.getByTestId('application-reveal').click();
    await expect.poll(() => page.getByTestId('application-id-number').textContent()).toBe(ID_NUMBER);
    await page.getByTestId('application-approve').click();
    await page.getByTestId('approve-confirm').click();
    const username = page.getByTestId('approved-username');
    await username.waitFor();
    login = {
      username: (await username.textContent())?.trim() ?? '',
      password: (await page.getByTestId('approved-password').textContent())?.trim() ?? '',
    };
    expect(login.username).toMatch(/^leader-[a-z2-9]{6}$/);
    expect(login.password).toMatch(/^[A-Za-z2-9]{12}$/);
    await page.getByTestId('approved-close').click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已通过');

    const { rows } = await tdb.deps.pool.query<{ referrer_id: string; user_id: string; n: number }>(
      `SELECT l.referrer_id, l.user_id, (SELECT count(*)::int FROM pickup_points p WHERE p.leader_id = l.id) AS n
       FROM leaders l WHERE l.name = '新团长小周'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.n).toBe(1);
    expect(rows[0]?.user_id).toBeTruthy();

    // A fresh load of the agreements tab: under a loaded CI machine antd's closing motion once left
    // the password modal's wrap over the drawer's close button for 30 s.
    await page.goto(`${base}/leaders/recruiting?tab=agreements`);
    await page.getByTestId('agreement-publish').click();
    await page.getByTestId('agreement-form-body').fill(AGREEMENT);
    await page.getByTestId('agreement-publish-submit').click();
    await expect.poll(() => page.getByTestId('agreement-current-version').textContent()).toBe('v1');
    await page.close();
  });

  it('signs the agreement on the H5 page as the new leader, drawing with the mouse', async () => {
    expect(login.username).not.toBe('');
    const page = await phonePage();
    await page.goto(`${base}/h5/leader/agreement`);
    await page.getByTestId('leader-login-username').fill(login.username);
    await page.getByTestId('leader-login-password').fill(login.password);
    await page.getByTestId('leader-login-submit').click();

    // The initial password must be replaced first.
    await page.getByTestId('leader-change-password').waitFor();
    await page.getByTestId('leader-password-current').fill(login.password);
    await page.getByTestId('leader-password-new').fill('zhou-own-pass-1');
    await page.getByTestId('leader-password-confirm').fill('zhou-own-pass-1');
    await page.getByTestId('leader-password-submit').click();

    const text = page.getByTestId('agreement-text');
    await text.waitFor();
    expect(await text.textContent()).toBe(AGREEMENT);
    await page.getByTestId('agreement-typed-name').fill('新团长小周');
    await page.getByTestId('agreement-consent').click();

    // Signing with an empty pad is refused on the page.
    await page.getByTestId('agreement-submit').click();
    await page.getByTestId('field-error-body.signaturePng').waitFor();

    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    for (const stroke of [
      [
        [0.1, 0.6],
        [0.25, 0.3],
        [0.4, 0.7],
        [0.55, 0.35],
      ],
      [
        [0.6, 0.5],
        [0.75, 0.25],
        [0.9, 0.65],
      ],
    ]) {
      const [first, ...rest] = stroke;
      await page.mouse.move(...at(first?.[0] ?? 0, first?.[1] ?? 0));
      await page.mouse.down();
      for (const [fx, fy] of rest) await page.mouse.move(...at(fx ?? 0, fy ?? 0), { steps: 12 });
      await page.mouse.up();
    }
    await page.screenshot({ path: '/tmp/h5-leader-agreement.png', fullPage: true });
    await page.getByTestId('agreement-submit').click();
    await page.getByTestId('agreement-signed').waitFor();
    await page.screenshot({ path: '/tmp/h5-leader-agreement-signed.png' });

    const { rows } = await tdb.deps.pool.query<{
      signature_png: Buffer;
      text_sha256: string;
      typed_name: string;
      user_agent: string;
    }>(
      `SELECT s.signature_png, s.text_sha256, s.typed_name, s.user_agent FROM agreement_signatures s
       JOIN leaders l ON l.id = s.leader_id WHERE l.name = '新团长小周'`,
    );
    expect(rows).toHaveLength(1);
    const sig = rows[0];
    expect(sig?.text_sha256).toBe(createHash('sha256').update(AGREEMENT, 'utf8').digest('hex'));
    expect(sig?.typed_name).toBe('新团长小周');
    expect(sig?.user_agent).toContain('Chrome');
    const check = checkSignaturePng(`data:image/png;base64,${sig?.signature_png.toString('base64')}`);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.inkPixels).toBeGreaterThan(200);
    await page.context().close();
  });

  it('shows the signature in the console and opens a printable record in a new tab', async () => {
    const page = await browser.newPage();
    await logIn(page, base, operator.username, operator.password);
    await page.goto(`${base}/leaders/recruiting?tab=agreements`);
    const table = page.getByTestId('agreement-signatures-table');
    await table.getByText('新团长小周').waitFor();
    await table.getByText('已签署').waitFor();
    await table.getByText('未签署').waitFor();
    const { rows } = await tdb.deps.pool.query<{ code: string }>(
      `SELECT code FROM leaders WHERE name = '新团长小周'`,
    );
    const [print] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId(`agreement-print-${rows[0]?.code}`).click(),
    ]);
    await print.getByTestId('print-signature').waitFor();
    expect(await print.getByTestId('print-text').textContent()).toBe(AGREEMENT);
    expect(await print.content()).toContain(createHash('sha256').update(AGREEMENT, 'utf8').digest('hex'));
    await print.close();
    await page.close();
  });
});

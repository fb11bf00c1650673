import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleCampaign } from '../../src/modules/campaigns/index.js';
import { leaders, pngDataUrl, scribblePng } from '../../src/modules/leaders/index.js';
import { createTestApp, loginAs, makeUser, type Session, type TestApp } from '../helpers/test-app.js';
import { createCampaignDirect } from './campaigns-support.js';
import { nothingWritten } from './leader-onboarding-support.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError } from './support.js';

const DAY = 24 * 60 * 60 * 1000;
const TEXT_V1 = '团长合作协议\n第一条 团长应按时签收货物。';
const TEXT_V2 = `${TEXT_V1}\n第二条 新增：售后须在 24 小时内处理。`;
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

let t: TestApp;
let op: Session;
/** A leader with a login who signs; their shop is in brackets after their name. */
let signer: { sale: Sale; session: Session };
/** A leader who never signs anything. */
let unsigned: Sale;
let key = 0;

/** A sale whose campaign stays open for 30 days, so the clock can run through a grace period. */
async function longSale(): Promise<Sale> {
  const base = await arrangeSale(t.tdb);
  const now = t.tdb.deps.clock.now().getTime();
  const campaign = await createCampaignDirect(t.tdb, [base.skuId], {
    startsAt: new Date(now + 60_000).toISOString(),
    cutoffAt: new Date(now + 30 * DAY).toISOString(),
    endsAt: new Date(now + 31 * DAY).toISOString(),
    deliveryDate: new Date(now + 33 * DAY).toISOString().slice(0, 10),
    items: [{ skuId: base.skuId, priceFen: 990, stockCap: 500, perCustomerLimit: 5 }],
  });
  await scheduleCampaign(
    t.tdb.deps,
    { actorId: null, actorName: 'test', requestId: null, ip: null },
    campaign.id,
  );
  t.tdb.deps.clock.advance(2 * 60_000);
  return { ...base, campaignId: campaign.id, itemId: campaign.items[0]?.id ?? '' };
}

function order(sale: Sale) {
  key += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `grace-order-${key}` },
    payload: orderBody(sale, newPhone()),
  });
}

let signerLogin: { username: string; password: string };
let opLogin: { username: string; password: string };

/**
 * Moves the clock on, past the order intake's five-second leader cache as well, and logs both users
 * in again (days pass, sessions expire).
 */
async function advance(ms: number) {
  t.tdb.deps.clock.advance(ms + 6_000);
  op = await loginAs(t.app, opLogin.username, opLogin.password);
  signer.session = await loginAs(t.app, signerLogin.username, signerLogin.password);
}

function sign(version: number, text: string, typedName: string) {
  return call(t, signer.session, 'POST', '/api/leader-agreements/mine/sign', {
    version,
    textSha256: sha(text),
    typedName,
    consent: true,
    signaturePng: pngDataUrl(scribblePng(5)),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const sale = await longSale();
  const user = await makeUser(t.tdb, ['leader']);
  const [row] = await t.tdb.deps.db
    .update(leaders)
    .set({ userId: user.id, name: '张三（幸福小区店）' })
    .where(eq(leaders.code, sale.leaderCode))
    .returning({ id: leaders.id });
  expect(row).toBeDefined();
  unsigned = await longSale();
  signerLogin = user;
  opLogin = await makeUser(t.tdb, ['operator']);
  signer = { sale, session: await loginAs(t.app, user.username, user.password) };
  op = await loginAs(t.app, opLogin.username, opLogin.password);
});
afterAll(() => t.close());

describe('agreement versions with an effective date and a grace period', () => {
  it('refuses a backdated effective date or a bad grace period, naming the field, writing nothing', async () => {
    const past = new Date(t.tdb.deps.clock.now().getTime() - 3 * DAY).toISOString();
    const res = await nothingWritten(t, () =>
      call(t, op, 'POST', '/api/leader-agreements/templates', {
        title: '协议',
        body: TEXT_V1,
        effectiveAt: past,
      }),
    );
    expectError(res, 400, 'onboarding.agreement_effective_past', 'body.effectiveAt');
    const grace = await nothingWritten(t, () =>
      call(t, op, 'POST', '/api/leader-agreements/templates', {
        title: '协议',
        body: TEXT_V1,
        graceDays: -1,
      }),
    );
    expect(grace.statusCode).toBe(400);
    expect(grace.body).toContain('graceDays');
  });

  it('version 1, effective at once without grace: only a leader who signed it sells', async () => {
    const v1 = await call(t, op, 'POST', '/api/leader-agreements/templates', {
      title: '团长合作协议',
      body: TEXT_V1,
    });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, graceDays: 0 });
    await advance(0);
    expectError(await order(signer.sale), 422, 'orders.leader_agreement_unsigned', 'body.leaderCode');
    // The registered name carries the shop in brackets; the leader signs with their own name.
    const signed = await sign(1, TEXT_V1, '张三');
    expect(signed.statusCode, signed.body).toBe(201);
    await advance(0);
    expect((await order(signer.sale)).statusCode).toBe(201);
    expectError(await order(unsigned), 422, 'orders.leader_agreement_unsigned');
  });

  it('publishing version 2 with a grace period keeps leaders who signed version 1 selling, and reminds them', async () => {
    const effectiveAt = new Date(t.tdb.deps.clock.now().getTime() + 2 * DAY);
    const v2 = await call(t, op, 'POST', '/api/leader-agreements/templates', {
      title: '团长合作协议',
      body: TEXT_V2,
      effectiveAt: effectiveAt.toISOString(),
      graceDays: 7,
    });
    expect(v2.statusCode, v2.body).toBe(201);
    const signBy = new Date(effectiveAt.getTime() + 7 * DAY).toISOString();
    expect(v2.json()).toMatchObject({ version: 2, current: true, graceDays: 7, signBy });
    const audit = await t.tdb.deps.pool.query(
      "SELECT after FROM audit_log WHERE action = 'agreement.publish' AND entity_id = $1",
      [v2.json<{ id: string }>().id],
    );
    expect(audit.rows[0]?.after).toMatchObject({
      version: 2,
      graceDays: 7,
      effectiveAt: effectiveAt.toISOString(),
    });

    expect((await order(signer.sale)).statusCode).toBe(201);
    const me = await call(t, signer.session, 'GET', '/api/portal/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      agreementSigned: true,
      agreementNotice: { version: 2, effectiveAt: effectiveAt.toISOString(), signBy },
    });
    // In force, but within the grace period: version 1's signature still counts.
    await advance(5 * DAY);
    expect((await order(signer.sale)).statusCode).toBe(201);
    const mine = await call(t, signer.session, 'GET', '/api/leader-agreements/mine');
    expect(mine.json()).toMatchObject({ signed: false, maySell: true, current: { version: 2 } });
  });

  it('after the grace period refuses leaders who have not signed version 2; signing it restores them', async () => {
    await advance(5 * DAY);
    expectError(await order(signer.sale), 422, 'orders.leader_agreement_unsigned', 'body.leaderCode');
    const me = await call(t, signer.session, 'GET', '/api/portal/me');
    expect(me.json()).toMatchObject({ agreementSigned: false, agreementNotice: { version: 2 } });

    // ASCII brackets in the typed name are the same name.
    const signed = await sign(2, TEXT_V2, '张三(幸福小区店)');
    expect(signed.statusCode, signed.body).toBe(201);
    await advance(0);
    expect((await order(signer.sale)).statusCode).toBe(201);
    expect((await call(t, signer.session, 'GET', '/api/portal/me')).json()).toMatchObject({
      agreementSigned: true,
      agreementNotice: null,
    });
    expectError(await order(unsigned), 422, 'orders.leader_agreement_unsigned');
  });

  it('still refuses a typed name that is not the registered one', async () => {
    const v3 = await call(t, op, 'POST', '/api/leader-agreements/templates', {
      title: '团长合作协议',
      body: `${TEXT_V2}\n第三条`,
      graceDays: 3,
    });
    expect(v3.statusCode, v3.body).toBe(201);
    expectError(
      await sign(3, `${TEXT_V2}\n第三条`, '幸福小区店'),
      400,
      'onboarding.typed_name_mismatch',
      'body.typedName',
    );
  });
});

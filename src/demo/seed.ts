import { count, inArray, sql } from 'drizzle-orm';
import { warehouses } from '../modules/inventory/index.js';
import { regions } from '../modules/leaders/index.js';
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/index.js';
import { createUserTx, hashPassword, ROLE_LABELS, type Role, users } from '../platform/auth/index.js';
import { addDays, localTime } from '../platform/business-time.js';
import { isSteerable } from '../platform/clock.js';
import type { Deps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';
import { seedCampaignsDemo } from './campaigns.seed.js';
import { seedCatalogDemo } from './catalog.seed.js';
import { seedCommissionDemo } from './commission.seed.js';
import { seedCityPartnerDemo, seedPastHotCampaignDemo } from './commission-period.seed.js';
import { seedCustomersDemo } from './customers.seed.js';
import { historyStart, replayDemoHistory } from './history.seed.js';
import { seedInventoryDemo } from './inventory.seed.js';
import { seedLeaderLevelsDemo } from './leader-levels.seed.js';
import { seedLeaderNetworkDemo } from './leader-network.seed.js';
import { seedAgreementAndTrainingDemo, seedApplicationsDemo } from './leader-onboarding.seed.js';
import { seedLeadersDemo } from './leaders.seed.js';
import { seedPayoutSetupDemo, seedWithdrawalReviewDemo } from './ledger.seed.js';
import { seedOrdersDemo } from './orders.seed.js';
import { seedRiskDemo } from './risk.seed.js';

/** One demo account per role; printed by `npm start` so a person can log in at once. */
export const DEMO_ACCOUNTS: { username: string; role: Role; password: string; displayName: string }[] = [
  { username: 'admin', role: 'admin', password: 'admin12345', displayName: '系统管理员' },
  { username: 'operator', role: 'operator', password: 'operator12345', displayName: '运营小王' },
  { username: 'finance', role: 'finance', password: 'finance12345', displayName: '财务李姐' },
  { username: 'warehouse', role: 'warehouse', password: 'warehouse12345', displayName: '仓管老张' },
  { username: 'region', role: 'region_manager', password: 'region12345', displayName: '杭州区域经理' },
  { username: 'leader', role: 'leader', password: 'leader12345', displayName: '西湖花园团长' },
  { username: 'customer', role: 'customer', password: 'customer12345', displayName: '团员小陈' },
];

const SEED_LOCK = 7_464_021_003;

/**
 * Loads the demo company into an empty database, and only when there are no users, so it never
 * touches a database someone is using. The company is made on the morning of the 1st of last month
 * (regions, a warehouse with goods, one user per role, leaders and their network, the agreement,
 * the level ladder, the catalog, the commission plans), in one transaction under an advisory lock;
 * then its weeks up to today are replayed through the real use-cases on the clock sent back to each
 * moment (history.seed.ts); then today: the live and tomorrow's campaigns, the risk queue, the
 * applications to review, agreement v3 to come, a withdrawal to review and today's orders. Every
 * figure on every page comes from those events. `deps.clock` must be steerable (main.ts and the
 * tests' ManualClock are), and the subscribers registered (registerSubscribers).
 */
export async function seedDemo(deps: Deps): Promise<boolean> {
  const clock = deps.clock;
  if (!isSteerable(clock)) throw new Error('the demo replays its past on a steerable clock (SteerableClock)');
  // Cheap check first: hashing seven passwords costs more than the rest of a warm start.
  const [any] = await deps.db.select({ n: count() }).from(users);
  if ((any?.n ?? 0) > 0) return false;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  const started = performance.now();
  const today = clock.now();
  const from = historyStart(today);
  let base: Awaited<ReturnType<typeof seedCompany>>;
  try {
    clock.travel(localTime(from, '08:00'));
    base = await seedCompany(deps, hashes, from);
    if (!base) return false;
    await deps.bus.drain();
    const history = await replayDemoHistory(deps, clock, {
      from,
      until: today,
      warehouseId: base.warehouseId,
      hotCampaignId: base.hotCampaignId,
      regionIds: base.regionIds,
    });
    deps.log.info({ from, ...history }, 'demo: weeks replayed');
  } finally {
    clock.travel(null);
  }
  const skuIds = base.skuIds;
  const regionIds = base.regionIds;
  const today2 = await deps.db.transaction(async (tx) => {
    // Today's live campaign and tomorrow's, the risk queue, the applications, v3, a withdrawal.
    await seedCampaignsDemo(deps, tx, { skuIds, warehouseId: base.warehouseId });
    const risk = await seedRiskDemo(deps, tx);
    const applications = await seedApplicationsDemo(deps, tx, { regionIds });
    const withdrawalFen = await seedWithdrawalReviewDemo(deps, tx);
    return { ...risk, ...applications, withdrawalFen };
  });
  await deps.bus.drain();
  const orders = await seedOrdersDemo(deps);
  await deps.bus.drain();
  deps.log.info({ ...today2, orders, ms: Math.round(performance.now() - started) }, 'demo data loaded');
  return true;
}

/** The company on its first morning; null when someone else got there first. */
async function seedCompany(deps: Deps, hashes: string[], from: string) {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) return null;
    const now = deps.clock.now();
    const zj = newId('region');
    const hz = newId('region');
    const sh = newId('region');
    const regionRows = [
      { id: zj, code: '330000', name: '浙江省', parentId: null, level: 'province' as const, sortOrder: 1 },
      { id: hz, code: '330100', name: '杭州市', parentId: zj, level: 'city' as const, sortOrder: 1 },
      {
        id: newId('region'),
        code: '330106',
        name: '西湖区',
        parentId: hz,
        level: 'district' as const,
        sortOrder: 1,
      },
      {
        id: newId('region'),
        code: '330110',
        name: '余杭区',
        parentId: hz,
        level: 'district' as const,
        sortOrder: 2,
      },
      { id: sh, code: '310000', name: '上海市', parentId: null, level: 'province' as const, sortOrder: 2 },
      {
        id: newId('region'),
        code: '310115',
        name: '浦东新区',
        parentId: sh,
        level: 'district' as const,
        sortOrder: 1,
      },
    ].map((r) => ({ ...r, createdAt: now }));
    await tx.insert(regions).values(regionRows);
    const regionIds = Object.fromEntries(regionRows.map((r) => [r.code, r.id]));
    const warehouseId = newId('warehouse');
    await tx.insert(warehouses).values({
      id: warehouseId,
      code: 'WH-HZ-01',
      name: '杭州中心仓',
      address: '浙江省杭州市余杭区仓前街道文一西路 1 号',
      regionId: hz,
      createdAt: now,
    });
    await recordAudit(tx, deps.clock, SYSTEM_ACTOR, {
      action: 'demo.seed',
      entityType: 'system',
      after: { regions: regionRows.length, warehouses: 1, users: DEMO_ACCOUNTS.length },
    });
    const userIds = new Map<string, string>();
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const user = await createUserTx(deps, tx, SYSTEM_ACTOR, {
        username: a.username,
        displayName: a.displayName,
        roles: [a.role],
        passwordHash: hashes[i] ?? '',
      });
      userIds.set(a.username, user.id);
    }
    // Leaders in the demo districts (the `leader` login is the first one's), and their customers.
    const { pickupPointIds } = await seedLeadersDemo(deps, tx, {
      regionIds,
      leaderUserId: userIds.get('leader') ?? null,
    });
    await seedCustomersDemo(deps, tx, { pickupPointIds });
    // The referral tree under the demo leaders, the 杭州市 region manager and its city partner.
    await seedLeaderNetworkDemo(deps, tx, { regionIds, regionManagerUserId: userIds.get('region') ?? null });
    await seedCityPartnerDemo(deps, tx);
    // Agreement v1 signed by every leader (so each can sell), and the training materials.
    await seedAgreementAndTrainingDemo(deps, tx);
    // The level ladder (银牌 / 金牌 / 合伙人 with their rules); levels change in the replayed weeks.
    await seedLeaderLevelsDemo(deps, tx);
    // Products and the warehouse's first deliveries.
    const { skuIds } = await seedCatalogDemo(deps, tx);
    const ids = Object.values(skuIds);
    await seedInventoryDemo(deps, tx, { warehouseId, skuIds: ids });
    // The hot-product campaign (sold on the 6th day), then the commission plans that name it: v1
    // active from this morning with every rule kind, v2 a draft.
    const hotCampaignId = await seedPastHotCampaignDemo(deps, tx, addDays(from, 5));
    await seedCommissionDemo(deps, tx);
    // Withdrawal rules and the first leaders' payout accounts.
    await seedPayoutSetupDemo(deps, tx);
    return { warehouseId, regionIds, skuIds: ids, hotCampaignId };
  });
}

/** Which accounts the start banner can tell of: the demo accounts, others only, or none at all. */
export type BannerAccounts = 'demo' | 'other' | 'none';

/**
 * The first-admin lines of a start without any user (SEED_DEMO=false on an empty database): the
 * one-time setup link when there is one, and the command that works without it.
 */
export function firstAdminHint(setupLink: string | null): string[] {
  return [
    'No user yet 尚无用户. Create the first administrator 创建首个管理员:',
    ...(setupLink
      ? [
          `  open this one-time link (works once, for 24 hours) 打开一次性设置链接: ${setupLink}`,
          '  or stop the server (Ctrl-C) and run 或停止服务后运行:',
        ]
      : ['  stop the server (Ctrl-C), then run 停止服务后运行:']),
    '  npm run admin -- create --username <name>',
    '  (a password is generated and printed once; see README "First administrator")',
  ];
}

export function demoBanner(
  url: string,
  shareLink: string | null = null,
  paymentSandbox = false,
  accounts: BannerAccounts = 'demo',
  setupLink: string | null = null,
): string {
  const rows = DEMO_ACCOUNTS.map(
    (a) => `  ${a.username.padEnd(10)} ${a.password.padEnd(16)} ${a.role} (${ROLE_LABELS[a.role].zh})`,
  );
  const demo = accounts === 'demo';
  return [
    ...(paymentSandbox ? sandboxWarning() : []),
    '',
    `tuanflow 团购ERP is ready: ${url}`,
    `API docs (OpenAPI): ${url}/docs`,
    ...(shareLink ? [`Customer page of a live campaign 团员下单页: ${url}${shareLink}`] : []),
    // The demo leader's password only where the demo accounts exist: elsewhere it opens nothing.
    demo
      ? `Leader portal 团长端 (open on a phone): ${url}/h5/portal  (log in as leader / ${DEMO_ACCOUNTS.find((d) => d.role === 'leader')?.password ?? ''})`
      : `Leader portal 团长端 (open on a phone): ${url}/h5/portal`,
    '',
    ...(demo
      ? [
          'Demo accounts 演示账号 (username / password / role):',
          ...rows,
          '  (region manages 杭州市: it sees only the leaders, orders and figures of 杭州市 and the districts below)',
        ]
      : accounts === 'none'
        ? firstAdminHint(setupLink)
        : []),
    '',
  ].join('\n');
}

/**
 * What the banner may list: the demo accounts when every one of them exists (seeded earlier, even if
 * SEED_DEMO is now false), "none" on a database without any user, "other" otherwise.
 */
export async function bannerAccounts(deps: Pick<Deps, 'db'>): Promise<BannerAccounts> {
  const names = DEMO_ACCOUNTS.map((a) => a.username);
  const rows = await deps.db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, names));
  if (rows.length === names.length) return 'demo';
  const [any] = await deps.db.select({ n: count() }).from(users);
  return Number(any?.n ?? 0) === 0 ? 'none' : 'other';
}

/**
 * The loud lines the banner starts with while the sandbox payment is on: anyone who can open the
 * storefront can then mark their order paid without paying, which is right for a demo only.
 */
export function sandboxWarning(): string[] {
  const bar = '!'.repeat(78);
  return [
    '',
    bar,
    '!!  沙箱支付已开启 SANDBOX PAYMENT IS ON (PAYMENT_SANDBOX=true)',
    '!!  顾客无需付款即可把订单标记为已付款。仅用于演示；正式使用前请关闭（不设置或 PAYMENT_SANDBOX=false）。',
    '!!  Customers can mark their orders paid without paying. Demo only: unset it or set',
    '!!  PAYMENT_SANDBOX=false before real use.',
    bar,
  ];
}

/**
 * A share link (团长分享链接) of an open campaign, for the start-up banner: the demo `leader` login's
 * own (the portal line beside it logs in as that leader), else any active leader's.
 */
export async function demoShareLink(deps: Deps): Promise<string | null> {
  const r = await deps.pool.query<{ campaign_id: string; code: string }>(
    `SELECT c.id AS campaign_id, l.code FROM campaigns c, leaders l LEFT JOIN users u ON u.id = l.user_id
     WHERE c.state IN ('scheduled', 'live') AND c.starts_at <= $1 AND c.cutoff_at > $1 AND l.status = 'active'
       AND (c.sell_to = 'all' OR l.region_id = ANY(c.region_ids))
     ORDER BY c.starts_at, (u.username = 'leader') IS NOT TRUE, l.code LIMIT 1`,
    [deps.clock.now()],
  );
  const row = r.rows[0];
  return row ? `/h5/c/${row.campaign_id}?leader=${row.code}` : null;
}

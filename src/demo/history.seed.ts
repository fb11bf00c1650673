import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  advanceCampaigns,
  createCampaignTx,
  getCampaignForOrdering,
  scheduleCampaignTx,
} from '../modules/campaigns/index.js';
import { findSkus } from '../modules/catalog/index.js';
import { receiveStockTx, stockLevels } from '../modules/inventory/index.js';
import {
  approveApplication,
  currentAgreement,
  leaderLevels,
  leaders,
  overrideLeaderLevelTx,
  pickupPoints,
  publishAgreementTx,
  recordSignatureTx,
  rejectApplicationTx,
  scribblePng,
  submitApplicationTx,
} from '../modules/leaders/index.js';
import {
  approveWithdrawalTx,
  balancesOf,
  createPayoutBatchTx,
  markPayoutLinePaidTx,
  requestWithdrawalTx,
} from '../modules/ledger/index.js';
import {
  completeOrder,
  deliverToPickupPoint,
  flushBatch,
  markPaid,
  orderLines,
  orders,
  type PendingOrder,
  priceOrder,
  refundOrder,
  shipCampaign,
  verifyPickup,
} from '../modules/orders/index.js';
import { JOB_KINDS } from '../modules.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import { users } from '../platform/auth/index.js';
import { addDays, localDate, localTime } from '../platform/business-time.js';
import type { SteerableClock } from '../platform/clock.js';
import type { Deps } from '../platform/deps.js';
import { AGREEMENT_V2, demoIdNumber } from './leader-onboarding.seed.js';
import { random } from './random.js';

/**
 * The demo's past (演示历史): the weeks before today replayed through the real use-cases, each step
 * on a clock sent back to the moment it stands for, so every figure on every page comes from the
 * same events. A step is a moment and an action; all of them run in time order, and after each one
 * the outbox is drained on that same clock (the roll-ups, the commission accrual and the order
 * confirmation at the cutoff are subscribers, as in use). Steps later than today's real moment are
 * left to the running server (yesterday's campaign is delivered at 09:30; before that, it is not).
 *
 * A day in the demo company (Asia/Shanghai):
 * - 07:00 on Mondays (and the first day) the warehouse receives goods (到货入库) for the week;
 * - 08:00 the day's campaign is created and scheduled; the clock opens it at 09:00 and closes it at
 *   22:00, when its paid orders are confirmed;
 * - 11:00 and 20:00 customers order from their leaders, most pay within minutes; the unpaid ones
 *   expire (the orders-expire job at 21:30);
 * - the next day the warehouse ships at 06:30, delivers to each pickup point at 09:30, customers
 *   pick up with their codes after lunch and after work (a fifth the day after), and a few ask
 *   for a refund;
 * - every night the scheduled jobs run at their hours: freeze 01:00, T+1 settlement 02:00, level
 *   assessment, month close 03:00 on the 1st, recruit check and hot-product ladders 03:30.
 * On some days something else happens: applications are filed and reviewed (two approved leaders
 * then sell), an operator makes 王美玲 a partner, agreement v2 is published and signed, and finance
 * pays a withdrawal.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
const ACTOR: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };
const OPERATOR: Actor = { ...SYSTEM_ACTOR, actorName: 'operator' };
const FINANCE: Actor = { ...SYSTEM_ACTOR, actorName: 'finance' };

/**
 * The first day the demo replays: three weeks back, and at least five days into last month, so
 * the replay always crosses a 1st (a month close and a level assessment on real figures) while
 * staying short enough for a start within a minute (21 to 35 days).
 */
export function historyStart(today: Date): string {
  const day = localDate(today);
  const firstOfMonth = `${day.slice(0, 8)}01`;
  // ISO days sort as text: the earlier of the two.
  const [earlier] = [addDays(day, -21), addDays(firstOfMonth, -5)].sort();
  return earlier ?? day;
}

/** Weekday of a business day, 0 = Sunday. */
function weekday(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

const THEMES = [
  ['周日家庭团', 'weekend'],
  ['周一鲜果团', 'fruit'],
  ['周二粮油团', 'grain'],
  ['周三蔬果早市', 'fruit'],
  ['周四日用百货团', 'daily'],
  ['周五水果节', 'fruit'],
  ['周六家庭团', 'weekend'],
] as const;

/** The demo customers' names (团员), as their leaders know them. */
export const CUSTOMER_NAMES = [
  '王阿姨',
  '李先生',
  '张姐',
  '刘奶奶',
  '陈同学',
  '杨女士',
  '赵师傅',
  '黄小姐',
  '周老师',
  '吴大哥',
  '孙阿姨',
  '郑女士',
  '何阿姨',
  '罗先生',
  '高女士',
  '林奶奶',
];

const REFUND_REASONS = ['少货一份（团长签收时发现）', '水果有坏果，退一份', '顾客只要一份', '包装破损'];

/** How much each demo leader sells, by phone: the `leader` login sells most. Others weigh 1. */
const WEIGHTS: Record<string, number> = {
  '19900000101': 8, // 陈静
  '19900000102': 4, // 刘建国
  '19900000103': 3, // 王美玲
  '19900000201': 2, // 赵敏
};

/** The two applicants the demo approves (they sell afterwards) and the one it turns down. */
const APPROVED = [
  {
    name: '周晓梅',
    phone: '19900000311',
    referrerPhone: '19900000101',
    regionCode: '330106',
    idNumber: ['330106', '19900214', 31],
    point: {
      name: '翠苑三区 12 幢 1 单元门口',
      address: '浙江省杭州市西湖区翠苑三区 12 幢',
      latitude: 30.287211,
      longitude: 120.128804,
    },
  },
  {
    name: '沈佳怡',
    phone: '19900000312',
    referrerPhone: '19900000102',
    regionCode: '330110',
    idNumber: ['330110', '19870708', 46],
    point: {
      name: '未来科技城海创园驿站',
      address: '浙江省杭州市余杭区文一西路 1818 号',
      latitude: 30.290118,
      longitude: 119.996512,
    },
  },
] as const;

const REJECTED = {
  name: '钱多多',
  phone: '19900000504',
  regionCode: '330106',
  idNumber: ['330106', '19990101', 12],
  point: {
    name: '文三路 480 号门口',
    address: '浙江省杭州市西湖区文三路 480 号',
    latitude: 30.278702,
    longitude: 120.124313,
  },
  reason: '自提点与现有团长“西湖花园”距离不足 300 米，暂不新增；可考虑与该团长合作。',
} as const;

interface Seller {
  id: string;
  name: string;
  userId: string | null;
  phoneHash: string;
  regionId: string;
  pointId: string;
  address: string;
  weight: number;
  /**
   * The `leader` login's (陈静): the first order of every round is hers, always paid, and her
   * customers collect the day after, so her portal has pickup codes to verify at any hour.
   */
  demoLogin: boolean;
  /** The business day from which they sell (an approved applicant starts the day after). */
  from: string;
}

interface Step {
  at: Date;
  seq: number;
  run: () => Promise<unknown>;
}

export interface HistoryInput {
  /** The first business day replayed (historyStart); the base company was made on its morning. */
  from: string;
  /** Today's real moment: no step after it runs. */
  until: Date;
  warehouseId: string;
  /** The past hot-product campaign plan v1 pays a ladder on (seedPastHotCampaignDemo), if any. */
  hotCampaignId: string | null;
  regionIds: Record<string, string>;
}

export interface HistoryResult {
  days: number;
  campaigns: number;
  orders: number;
  paid: number;
  refunds: number;
  steps: number;
}

/** Replays the demo's past on `clock` (which `deps` must hold); returns what it did. */
export async function replayDemoHistory(
  deps: Deps,
  clock: SteerableClock,
  input: HistoryInput,
): Promise<HistoryResult> {
  const next = random(20_261_101);
  const result: HistoryResult = { days: 0, campaigns: 0, orders: 0, paid: 0, refunds: 0, steps: 0 };
  const steps: Step[] = [];
  let seq = 0;
  const at = (when: Date, run: () => Promise<unknown>) => {
    steps.push({ at: when, seq: seq++, run });
  };
  const today = localDate(input.until);
  const sellers = await loadSellers(deps, input.from);
  const sellable = await sellableSkus(deps, input.warehouseId);
  if (sellers.length === 0 || sellable.length === 0) return result;

  // Goods for the week, topped up to a level the week's campaigns cannot exhaust.
  const restock = async (day: string) => {
    const levels = await deps.db
      .select({ skuId: stockLevels.skuId, available: stockLevels.available })
      .from(stockLevels)
      .where(
        and(
          eq(stockLevels.warehouseId, input.warehouseId),
          inArray(
            stockLevels.skuId,
            sellable.map((s) => s.skuId),
          ),
        ),
      );
    await deps.db.transaction(async (tx) => {
      for (const l of levels) {
        const missing = 400 - l.available;
        if (missing <= 0) continue;
        const note = `DN-${day.replaceAll('-', '')}-${l.skuId.slice(-4)}`;
        await receiveStockTx(deps, tx, ACTOR, {
          skuId: l.skuId,
          warehouseId: input.warehouseId,
          quantity: missing,
          reason: `每周到货入库 供应商送货单 ${note}`,
          referenceType: 'delivery_note',
          referenceId: note,
        });
      }
    });
  };

  const jobs = new Map(JOB_KINDS.map((k) => [k.name, k]));
  const job = (name: string) => async () => jobs.get(name)?.run(deps);

  for (let day = input.from; day <= today; day = addDays(day, 1)) {
    result.days += 1;
    // The nightly jobs, at their hours (the first day's night belongs to the day before: nothing yet).
    if (day !== input.from) {
      at(localTime(day, '01:00'), job('commission-freeze'));
      at(localTime(day, '02:00'), job('commission-settle'));
      at(localTime(day, '02:05'), job('leader-levels-assess'));
      at(localTime(day, '03:00'), job('commission-month-close'));
      at(localTime(day, '03:30'), job('commission-period-daily'));
    }
    if (day === today) break; // today's campaigns are the live ones (campaigns.seed.ts)
    if (day === input.from || weekday(day) === 1) {
      const d = day;
      at(localTime(day, '07:00'), () => restock(d));
    }
    if (input.hotCampaignId && day === addDays(input.from, 5)) {
      scheduleDay(day, { campaignId: input.hotCampaignId, hot: true });
    } else {
      scheduleDay(day, null);
    }
  }

  function scheduleDay(day: string, hot: { campaignId: string; hot: true } | null) {
    const [title] = THEMES[weekday(day)] ?? THEMES[0];
    const weekend = weekday(day) === 0 || weekday(day) === 6;
    let campaignId = hot?.campaignId ?? '';
    const placed: Array<{
      id: string;
      code: string;
      pointId: string;
      paid: boolean;
      paidDone: boolean;
      round: number | null;
    }> = [];
    at(localTime(day, '08:00'), async () => {
      if (hot) {
        await deps.db.transaction((tx) => scheduleCampaignTx(deps, tx, ACTOR, hot.campaignId));
        result.campaigns += 1;
        return;
      }
      const pick = rotate(sellable, result.days).slice(0, 4);
      const created = await deps.db.transaction(async (tx) => {
        const c = await createCampaignTx(deps, tx, ACTOR, {
          code: `T${day.replaceAll('-', '')}-D`,
          name: `${title}（${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日）`,
          coverUrl: '',
          description: '今晚 22:00 截单，明天上午送到自提点，凭提货码到团长处取货。',
          startsAt: localTime(day, '09:00'),
          cutoffAt: localTime(day, '22:00'),
          endsAt: localTime(day, '22:00'),
          deliveryDate: addDays(day, 1),
          sellTo: 'all',
          regionIds: [],
          items: pick.map((s, i) => ({
            skuId: s.skuId,
            priceFen: Math.max(100, Math.floor((s.listPriceFen * 80) / 1000) * 10),
            stockCap: 120,
            perCustomerLimit: 5,
            sortOrder: i,
          })),
        });
        await scheduleCampaignTx(deps, tx, ACTOR, c.id);
        return c;
      });
      campaignId = created.id;
      result.campaigns += 1;
    });
    at(localTime(day, '09:00'), () => advanceCampaigns(deps));
    for (const [b, time] of (['11:00', '20:00'] as const).entries()) {
      const count = Math.round((weekend ? 7 : 4) * (0.7 + next() * 0.6)) + (hot ? 6 : 0);
      at(localTime(day, time), async () => {
        const campaign = await getCampaignForOrdering(deps.db, campaignId);
        if (!campaign) return;
        const active = sellers.filter((s) => s.from <= day);
        const batch: PendingOrder[] = [];
        for (let n = 0; n < count; n += 1) {
          const seller =
            n === 0
              ? (active.find((s) => s.demoLogin) ?? weighted(active, next()))
              : weighted(active, next());
          if (!seller) continue;
          const first = campaign.items[Math.floor(next() * campaign.items.length)];
          const second = campaign.items[Math.floor(next() * campaign.items.length)];
          if (!first) continue;
          const wanted = [
            { itemId: first.id, quantity: hot ? 2 + Math.floor(next() * 3) : 1 + Math.floor(next() * 2) },
          ];
          if (second && second.id !== first.id && next() < 0.35)
            wanted.push({ itemId: second.id, quantity: 1 });
          const priced = priceOrder(campaign.items, wanted);
          if (!priced.ok) continue;
          // Each leader has a circle of regulars (团员), most of whom order again and again.
          const regular = Math.floor(next() * 8);
          const phone = `139${String(60_000_000 + sellers.indexOf(seller) * 100 + regular).padStart(8, '0')}`;
          const key = `demo-${day}-${b}-${n}`;
          batch.push({
            key,
            requestHash: createHash('sha256').update(key).digest('hex'),
            campaignId,
            leaderId: seller.id,
            pickupPointId: seller.pointId,
            pickupAddress: seller.address,
            phone,
            phoneHash: deps.crypto.hash(phone),
            customerName:
              CUSTOMER_NAMES[(sellers.indexOf(seller) * 3 + regular) % CUSTOMER_NAMES.length] ?? null,
            lines: priced.lines.map((l) => ({ ...l, warehouseId: input.warehouseId })),
            totalFen: priced.totalFen,
            itemCount: priced.itemCount,
            actor: { ...ACTOR, actorName: 'customer' },
          });
        }
        const { answers } = await flushBatch(deps, batch);
        for (const o of batch) {
          const body = answers.get(o.key)?.body as { order?: { id: string; pickupCode: string } } | undefined;
          if (!body?.order) continue;
          result.orders += 1;
          const demoLogin = sellers.find((s) => s.id === o.leaderId)?.demoLogin === true;
          placed.push({
            id: body.order.id,
            round: demoLogin ? 2 + b : null,
            code: body.order.pickupCode,
            pointId: o.pickupPointId,
            paid: demoLogin || next() < 0.9,
            paidDone: false,
          });
        }
      });
      at(new Date(localTime(day, time).getTime() + 4 * MINUTE), async () => {
        for (const o of placed) {
          if (!o.paid || o.paidDone) continue;
          await markPaid(deps, { ...ACTOR, actorName: 'customer' }, o.id, {
            provider: 'offline',
            reference: `WX${o.id.slice(-12)}`,
          });
          o.paidDone = true;
          result.paid += 1;
        }
      });
    }
    at(localTime(day, '21:30'), job('orders-expire'));
    // The clock closes the campaign; the subscriber confirms its paid orders at the cutoff.
    at(localTime(day, '22:01'), () => advanceCampaigns(deps));
    const delivery = addDays(day, 1);
    at(localTime(delivery, '06:30'), () => shipCampaign(deps, ACTOR, campaignId));
    at(localTime(delivery, '09:30'), async () => {
      for (const pointId of new Set(placed.filter((p) => p.paid).map((p) => p.pointId)))
        await deliverToPickupPoint(deps, ACTOR, { campaignId, pickupPointId: pointId });
    });
    // Customers pick up in four rounds: after lunch and after work on the delivery day, and the
    // same the day after (a fifth of them), so the pickup points always hold some parcels.
    const rounds = ['12:30', '18:30', '+12:30', '+18:30'] as const;
    for (const [r, time] of rounds.entries()) {
      const when = time.startsWith('+')
        ? localTime(addDays(delivery, 1), time.slice(1))
        : localTime(delivery, time);
      at(when, async () => {
        for (const [i, p] of placed.entries()) {
          if (!p.paid || (p.round ?? pickupRound(i)) !== r) continue;
          await verifyPickup(deps, ACTOR, {
            pickupPointId: p.pointId,
            pickupCode: p.code,
            leaderUserId: null,
          });
          await completeOrder(deps, ACTOR, p.id);
        }
      });
    }
    // A few after-sales refunds (售后退款), inside the window, after the pickup.
    at(localTime(addDays(delivery, 1), '21:00'), async () => {
      for (const [i, p] of placed.entries()) {
        if (!p.paid || i % 17 !== 5) continue;
        const [line] = await deps.db
          .select({ id: orderLines.id, quantity: orderLines.quantity })
          .from(orderLines)
          .where(eq(orderLines.orderId, p.id))
          .orderBy(asc(orderLines.id));
        const [row] = await deps.db.select({ status: orders.status }).from(orders).where(eq(orders.id, p.id));
        if (!line || row?.status !== 'completed') continue;
        await refundOrder(deps, OPERATOR, p.id, {
          idempotencyKey: `demo-refund-${p.id}`,
          reason: REFUND_REASONS[i % REFUND_REASONS.length] ?? '售后',
          whole: line.quantity < 2,
          lines: line.quantity < 2 ? [] : [{ orderLineId: line.id, quantity: 1 }],
          reference: `微信退款 ${p.id.slice(-10)}`,
        });
        result.refunds += 1;
      }
    });
  }

  scheduleOnboarding(deps, input, sellers, at);
  scheduleMoney(deps, at, today);

  // Run in time order; a step may add steps (the day's pickups), so the queue is re-sorted.
  const until = input.until.getTime();
  const done = new Set<Step>();
  for (;;) {
    const pending = steps.filter((s) => !done.has(s) && s.at.getTime() <= until);
    if (pending.length === 0) break;
    pending.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
    const step = pending[0] as Step;
    done.add(step);
    clock.travel(step.at);
    await step.run();
    await deps.bus.drain();
    result.steps += 1;
  }
  return result;
}

/** The leaders who sell in the demo's past: every active leader with a pickup point, and their weight. */
async function loadSellers(deps: Deps, from: string): Promise<Seller[]> {
  const rows = await deps.db
    .select({
      id: leaders.id,
      name: leaders.name,
      userId: leaders.userId,
      phoneHash: leaders.phoneHash,
      regionId: leaders.regionId,
      pointId: pickupPoints.id,
      address: pickupPoints.address,
    })
    .from(leaders)
    .innerJoin(pickupPoints, eq(pickupPoints.leaderId, leaders.id))
    .where(and(eq(leaders.status, 'active'), eq(pickupPoints.status, 'active')))
    .orderBy(asc(leaders.createdAt), asc(leaders.id), asc(pickupPoints.createdAt), asc(pickupPoints.id));
  const [login] = await deps.db.select({ id: users.id }).from(users).where(eq(users.username, 'leader'));
  const weights = new Map(Object.entries(WEIGHTS).map(([p, w]) => [deps.crypto.hash(p), w]));
  const seen = new Set<string>();
  const out: Seller[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue; // a leader's first pickup point takes their orders
    seen.add(r.id);
    out.push({
      ...r,
      weight: weights.get(r.phoneHash) ?? 1,
      from,
      demoLogin: r.userId !== null && r.userId === login?.id,
    });
  }
  return out;
}

async function sellableSkus(deps: Deps, warehouseId: string) {
  const stocked = await deps.db
    .select({ skuId: stockLevels.skuId, available: stockLevels.available })
    .from(stockLevels)
    .where(eq(stockLevels.warehouseId, warehouseId))
    .orderBy(asc(stockLevels.skuId));
  // Only the lines the warehouse keeps in plenty; the short ones stay short for the stock alert.
  const ids = stocked.filter((s) => s.available >= 40).map((s) => s.skuId);
  return (await findSkus(deps.db, ids))
    .filter((s) => s.skuStatus === 'active' && s.productStatus !== 'off_sale')
    .map((s) => ({ skuId: s.skuId, listPriceFen: s.listPriceFen }));
}

/** Which pickup round an order's customer comes in: 0-1 on the delivery day, 2-3 the day after. */
function pickupRound(i: number): number {
  return [0, 1, 0, 1, 2, 0, 1, 3, 1, 0][(i * 7 + 3) % 10] ?? 1;
}

function rotate<T>(list: T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

function weighted(list: Seller[], r: number): Seller | undefined {
  const total = list.reduce((s, l) => s + l.weight, 0);
  let x = r * total;
  for (const l of list) {
    x -= l.weight;
    if (x < 0) return l;
  }
  return list[list.length - 1];
}

type At = (when: Date, run: () => Promise<unknown>) => void;

/**
 * Recruiting in the demo's past: on day 3 two applications arrive through their referrers' invite
 * links and one more from a stranger; on day 4 an operator approves the two (they sign the agreement
 * and sell from day 5) and turns the third down; on day 9 王美玲 is made a partner; on day 14
 * agreement v2 is published with seven days' grace and the leaders sign it over the next days.
 */
function scheduleOnboarding(deps: Deps, input: HistoryInput, sellers: Seller[], at: At): void {
  const day = (n: number) => addDays(input.from, n);
  const ids = new Map<string, string>();
  const sign = async (leader: { id: string; name: string; userId: string | null }, seed: number) => {
    await deps.db.transaction(async (tx) => {
      const template = await currentAgreement(tx);
      if (!template) return;
      await recordSignatureTx(deps, tx, ACTOR, {
        template,
        leaderId: leader.id,
        userId: leader.userId,
        typedName: leader.name,
        png: scribblePng(seed),
        userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.47',
      });
    });
  };
  const applicant = (ip: string): Actor => ({ actorId: null, actorName: null, requestId: null, ip });
  const referrerCode = async (phone: string) => {
    const [r] = await deps.db
      .select({ code: leaders.code })
      .from(leaders)
      .where(eq(leaders.phoneHash, deps.crypto.hash(phone)));
    return r?.code ?? null;
  };
  for (const [i, a] of [...APPROVED, REJECTED].entries()) {
    at(localTime(day(3), `2${i}:15`), async () => {
      const regionId = input.regionIds[a.regionCode];
      if (!regionId) return;
      const { row } = await deps.db.transaction(async (tx) =>
        submitApplicationTx(
          deps,
          tx,
          applicant(`36.24.1${i}.${20 + i}`),
          {
            name: a.name,
            phone: a.phone,
            idNumber: demoIdNumber(a.idNumber[0], a.idNumber[1], a.idNumber[2]),
            regionId,
            pickupPoint: { ...a.point, openingHours: '08:00-20:00' },
            referrerCode: 'referrerPhone' in a ? await referrerCode(a.referrerPhone) : null,
          },
          { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.47' },
        ),
      );
      ids.set(a.phone, row.id);
    });
  }
  for (const [i, a] of APPROVED.entries()) {
    at(localTime(day(4), `10:${10 + i * 5}`), async () => {
      const id = ids.get(a.phone);
      if (!id) return;
      const approved = await approveApplication(deps, OPERATOR, id);
      const leader = 'leader' in approved ? approved.leader : null;
      if (!leader) return;
      const [point] = await deps.db
        .select({ id: pickupPoints.id, address: pickupPoints.address })
        .from(pickupPoints)
        .where(eq(pickupPoints.leaderId, leader.id));
      const [row] = await deps.db
        .select({ userId: leaders.userId, regionId: leaders.regionId, phoneHash: leaders.phoneHash })
        .from(leaders)
        .where(eq(leaders.id, leader.id));
      if (!point || !row) return;
      const seller: Seller = {
        id: leader.id,
        name: a.name,
        userId: row.userId,
        phoneHash: row.phoneHash,
        regionId: row.regionId,
        pointId: point.id,
        address: point.address,
        weight: 2,
        from: day(5),
        demoLogin: false,
      };
      sellers.push(seller);
      at(localTime(day(4), `19:${30 + i * 7}`), () => sign(seller, 40 + i));
    });
  }
  at(localTime(day(4), '10:40'), async () => {
    const id = ids.get(REJECTED.phone);
    if (id) await deps.db.transaction((tx) => rejectApplicationTx(deps, tx, OPERATOR, id, REJECTED.reason));
  });
  // 王美玲 signed as 上海城市合伙人: an operator sets her level to 合伙人, held for three months.
  at(localTime(day(9), '15:20'), async () => {
    const [wang] = await deps.db
      .select({ id: leaders.id })
      .from(leaders)
      .where(eq(leaders.phoneHash, deps.crypto.hash('19900000103')));
    const [partner] = await deps.db.select().from(leaderLevels).where(eq(leaderLevels.code, 'PARTNER'));
    if (!wang || !partner) return;
    await deps.db.transaction((tx) =>
      overrideLeaderLevelTx(deps, tx, OPERATOR, wang.id, {
        levelId: partner.id,
        reason: '签约上海城市合伙人，保级三个月',
        holdUntil: new Date(deps.clock.now().getTime() + 92 * 24 * HOUR).toISOString(),
      }),
    );
  });
  // Agreement v2 (commission paid T+1 after the after-sales window), then each leader signs it.
  at(localTime(day(14), '10:00'), () =>
    deps.db.transaction((tx) =>
      publishAgreementTx(deps, tx, OPERATOR, { title: '团长合作协议', body: AGREEMENT_V2, graceDays: 7 }),
    ),
  );
  at(localTime(day(14), '10:05'), async () => {
    for (const [i, s] of sellers.entries()) {
      const when = new Date(localTime(day(14 + (i % 4)), '12:00').getTime() + i * 37 * MINUTE);
      at(when, () => sign(s, 60 + i));
    }
  });
}

/**
 * Withdrawals (提现) from what the leaders really earned: 王美玲 was paid by bank four days ago;
 * 刘建国's is approved and waits in an open WeChat batch since yesterday. (The `leader` login's own
 * request, waiting for review, is made today: ledger.seed.ts.)
 */
function scheduleMoney(deps: Deps, at: At, today: string): void {
  const withdraw = async (
    phone: string,
    share: number,
    pay: 'paid' | 'batched',
    method: 'bank' | 'wechat',
  ) => {
    const [leader] = await deps.db
      .select({ id: leaders.id })
      .from(leaders)
      .where(eq(leaders.phoneHash, deps.crypto.hash(phone)));
    if (!leader) return;
    const { availableFen } = await balancesOf(deps.db, leader.id);
    const amountFen = Math.floor((availableFen * share) / 10_000) * 100;
    if (amountFen < 1_000) return;
    await deps.db.transaction(async (tx) => {
      const { withdrawal } = await requestWithdrawalTx(
        deps,
        tx,
        { ...ACTOR, actorName: 'leader' },
        leader.id,
        {
          amountFen,
          idempotencyKey: `demo-withdrawal-${phone}`,
        },
      );
      await approveWithdrawalTx(deps, tx, FINANCE, withdrawal.id);
      const batch = await createPayoutBatchTx(deps, tx, FINANCE, {
        method,
        withdrawalIds: [withdrawal.id],
        ...(pay === 'batched' ? { note: '本周微信打款批次' } : {}),
      });
      const line = batch.lines[0];
      if (pay === 'paid' && line)
        await markPayoutLinePaidTx(deps, tx, FINANCE, line.id, {
          reference: `BANK-${today.replaceAll('-', '')}-01`,
        });
    });
  };
  at(localTime(addDays(today, -4), '15:00'), () => withdraw('19900000103', 80, 'paid', 'bank'));
  at(localTime(addDays(today, -1), '16:00'), () => withdraw('19900000102', 60, 'batched', 'wechat'));
}

import { asc } from 'drizzle-orm';
import {
  completeMaterialTx,
  createMaterialTx,
  idCheckChar,
  leaders,
  publishAgreementTx,
  recordSignatureTx,
  scribblePng,
  submitApplicationTx,
  updateOnboardingSettingsTx,
} from '../modules/leaders/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * Leader onboarding demo (团长招募), in three moments, all through the real use-cases (so each row has
 * its audit record and events):
 * - the company's first morning (seedAgreementAndTrainingDemo): agreement v1, signed by every leader,
 *   and four training materials with some completions;
 * - the replayed weeks (history.seed.ts): applications approved and one turned down, agreement v2
 *   published with seven days' grace and signed by every leader;
 * - today (seedApplicationsDemo): three applications waiting for review (one through an invite link),
 *   and v3 published to take effect in ten days, which nobody has signed yet (the portal reminds).
 * Applicant phones use the 199 0000 05xx range.
 */

const AGREEMENT_V1 = `团长合作协议

甲方：本平台运营方
乙方：团长（签署人）

第一条 合作内容
乙方在甲方平台开展社区团购推广，分享甲方发布的团购活动，并为所在社区的团员提供自提服务。

第二条 自提点服务
乙方应按约定的营业时间开放自提点，及时签收到货商品，核对数量，妥善保管，并为团员核销提货码。

第三条 佣金
甲方按平台公布的佣金方案向乙方计付佣金；订单售后期结束后佣金方可结算，售后退款相应扣减。

第四条 行为规范
乙方不得虚假宣传、不得私下加价或收取额外费用，不得以任何形式收取入门费或发展下线牟利。

第五条 协议期限
本协议自乙方签署之日起生效，任何一方可提前七日书面通知对方终止合作。`;

export const AGREEMENT_V2 = `${AGREEMENT_V1}

第六条 售后处理（v2 新增）
团员反馈少货、破损等问题时，乙方应在 24 小时内于团长端登记，并配合甲方完成退款或补发。

第七条 个人信息保护（v2 新增）
乙方因服务获知的团员手机号、地址等个人信息，仅可用于订单履约，不得泄露、出售或用于其他用途。`;

const AGREEMENT_V3 = `${AGREEMENT_V2}

第八条 冷链商品（v3 新增）
冷链商品到货后乙方应在 30 分钟内放入冷柜，当日未取的次日上午 10 点前提醒团员。`;

const ARTICLE_INTRO = `<h2>社区团购是怎么运作的</h2>
<p>每天晚上平台开团，团长把<strong>带有自己团长码的链接</strong>分享到小区群，团员下单付款。</p>
<ol><li>截单后仓库按团长分拣；</li><li>第二天上午配送到自提点，团长签收；</li><li>团员凭<strong>提货码</strong>到自提点取货，团长核销。</li></ol>
<p>订单完成且过了售后期后，佣金进入可提现余额。</p>`;

const ARTICLE_SERVICE = `<h2>自提点服务规范</h2>
<ul><li>按登记的营业时间开放，临时调整请提前在群里通知；</li>
<li>到货后当场清点，少货、破损当天在团长端登记；</li>
<li>冷链商品放入冰柜，当天未取的次日优先提醒；</li>
<li>核销前核对提货码和团员手机号后四位。</li></ul>
<blockquote>保持自提点整洁，是团员复购的第一步。</blockquote>`;

/** A valid demo ID number (correct check digit) born `birth`, with sequence `seq`. */
export function demoIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17) ?? '0'}`;
}

const applicant = (ip: string): Actor => ({ actorId: null, actorName: null, requestId: null, ip });

export async function seedAgreementAndTrainingDemo(
  deps: Deps,
  tx: Tx,
): Promise<{ signatures: number; materials: number }> {
  const all = await tx
    .select({ id: leaders.id, code: leaders.code, name: leaders.name, userId: leaders.userId })
    .from(leaders)
    .orderBy(asc(leaders.createdAt), asc(leaders.id));

  // Agreement v1, signed by every leader the company starts with.
  const v1 = await publishAgreementTx(deps, tx, SYSTEM_ACTOR, { title: '团长合作协议', body: AGREEMENT_V1 });
  let signatures = 0;
  for (const [i, l] of all.entries()) {
    for (const template of [v1]) {
      await recordSignatureTx(deps, tx, SYSTEM_ACTOR, {
        template,
        leaderId: l.id,
        userId: l.userId,
        typedName: l.name,
        png: scribblePng(i * 3 + template.version),
        userAgent: 'tuanflow demo seed',
      });
      signatures += 1;
    }
  }

  // Training: two required articles, an optional video, a required document; some completions.
  const materials = [
    await createMaterialTx(deps, tx, SYSTEM_ACTOR, {
      title: '团长入门：社区团购是怎么运作的',
      kind: 'article',
      bodyHtml: ARTICLE_INTRO,
      required: true,
      sortOrder: 10,
    }),
    await createMaterialTx(deps, tx, SYSTEM_ACTOR, {
      title: '自提点服务规范',
      kind: 'article',
      bodyHtml: ARTICLE_SERVICE,
      required: true,
      sortOrder: 20,
    }),
    await createMaterialTx(deps, tx, SYSTEM_ACTOR, {
      title: '团长端使用教程（视频）',
      kind: 'video',
      url: 'https://help.tuanflow.example/videos/leader-portal.mp4',
      required: false,
      sortOrder: 30,
    }),
    await createMaterialTx(deps, tx, SYSTEM_ACTOR, {
      title: '食品安全与售后处理指引（PDF）',
      kind: 'document',
      url: 'https://help.tuanflow.example/docs/food-safety-after-sales.pdf',
      required: true,
      sortOrder: 40,
    }),
  ];
  // The first leader finished everything, the next few the first one or two, the rest nothing yet.
  for (const [i, l] of all.entries()) {
    const done = i === 0 ? materials.length : i < 4 ? 2 : i < 6 ? 1 : 0;
    for (const m of materials.slice(0, done)) await completeMaterialTx(deps, tx, SYSTEM_ACTOR, l.id, m.id);
  }
  return { signatures, materials: materials.length };
}

/**
 * Today: three applications waiting for review, the region manager's first review switched on, and
 * agreement v3 published to take effect in ten days with seven days' grace after that.
 */
export async function seedApplicationsDemo(
  deps: Deps,
  tx: Tx,
  input: { regionIds: Record<string, string> },
): Promise<{ applications: number }> {
  const [referrer] = await tx
    .select({ code: leaders.code })
    .from(leaders)
    .orderBy(asc(leaders.createdAt), asc(leaders.id))
    .limit(1);
  // Applications: three pending (the first through the first leader's invite link).
  const xh = input.regionIds['330106'];
  const yh = input.regionIds['330110'];
  const pd = input.regionIds['310115'];
  const applications = [
    {
      regionId: xh,
      ip: '36.24.10.8',
      body: {
        name: '林晓燕',
        phone: '19900000501',
        idNumber: demoIdNumber('330106', '19880612', 24),
        pickupPoint: {
          name: '翠苑一区 12 幢车库',
          address: '浙江省杭州市西湖区翠苑一区 12 幢',
          latitude: 30.285412,
          longitude: 120.131907,
          openingHours: '07:30-20:00',
        },
        referrerCode: referrer?.code ?? null,
      },
    },
    {
      regionId: yh,
      ip: '115.197.3.41',
      body: {
        name: '赵志强',
        phone: '19900000502',
        idNumber: demoIdNumber('330110', '19910305', 57),
        pickupPoint: {
          name: '良渚文化村便利店',
          address: '浙江省杭州市余杭区良渚文化村玉鸟路 8 号',
          latitude: 30.37411,
          longitude: 120.042398,
          openingHours: '08:00-21:30',
        },
        referrerCode: null,
      },
    },
    {
      regionId: pd,
      ip: '101.81.22.5',
      body: {
        name: '何佩琪',
        phone: '19900000503',
        idNumber: demoIdNumber('310115', '19850920', 83),
        pickupPoint: {
          name: '金桥碧云国际社区驿站',
          address: '上海市浦东新区碧云路 188 号',
          latitude: 31.254122,
          longitude: 121.590231,
          openingHours: '09:00-20:00',
        },
        referrerCode: null,
      },
    },
  ];
  let filed = 0;
  for (const a of applications) {
    // A company without this region in its demo data simply gets fewer demo applications.
    if (!a.regionId) continue;
    await submitApplicationTx(
      deps,
      tx,
      applicant(a.ip),
      { ...a.body, regionId: a.regionId },
      { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) MicroMessenger/8.0.47' },
    );
    filed += 1;
  }
  // The demo region manager (region / region12345) first-reviews the pending applications of 杭州.
  await updateOnboardingSettingsTx(deps, tx, SYSTEM_ACTOR, { regionFirstReview: true });

  const effective = new Date(deps.clock.now().getTime() + 10 * 24 * 3_600_000);
  await publishAgreementTx(deps, tx, SYSTEM_ACTOR, {
    title: '团长合作协议',
    body: AGREEMENT_V3,
    effectiveAt: effective.toISOString(),
    graceDays: 7,
  });
  return { applications: filed };
}

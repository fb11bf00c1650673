import { eq, inArray } from 'drizzle-orm';
import {
  assignRegionManagerTx,
  createLeaderTx,
  createPickupPointTx,
  leaders,
} from '../modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * The demo referral network (推荐关系): thirteen more leaders recruited under the three demo leaders,
 * four generations deep under 陈静 (陈静 → 赵敏 → 孙丽 → 周强), a second pickup point for 陈静, the
 * `region` login made manager of 杭州市 (so it sees 西湖区 and 余杭区, not 上海). Their sales are
 * the demo's replayed weeks (history.seed.ts), so team sizes and team GMV come from real orders.
 * Demo phones use the 199 0000 02xx range.
 */
interface DemoRecruit {
  key: string;
  /** The referrer: a key of this list, or the phone of a demo leader from leaders.seed.ts. */
  referrer: string;
  name: string;
  phone: string;
  regionCode: string;
  point: string;
  address: string;
}

const RECRUITS: DemoRecruit[] = [
  {
    key: 'zm',
    referrer: '19900000101',
    name: '赵敏（文鼎苑）',
    phone: '19900000201',
    regionCode: '330106',
    point: '文鼎苑 2 幢架空层',
    address: '浙江省杭州市西湖区文一路 115 号文鼎苑',
  },
  {
    key: 'qw',
    referrer: '19900000101',
    name: '钱伟（闲林）',
    phone: '19900000202',
    regionCode: '330110',
    point: '闲林山水菜鸟驿站',
    address: '浙江省杭州市余杭区闲林街道闲兴路 18 号',
  },
  {
    key: 'fx',
    referrer: '19900000101',
    name: '冯雪（翠苑）',
    phone: '19900000203',
    regionCode: '330106',
    point: '翠苑一区便民店',
    address: '浙江省杭州市西湖区翠苑一区 12 幢底商',
  },
  {
    key: 'sl',
    referrer: 'zm',
    name: '孙丽（嘉绿苑）',
    phone: '19900000204',
    regionCode: '330106',
    point: '嘉绿苑北门水果店',
    address: '浙江省杭州市西湖区嘉绿苑北门',
  },
  {
    key: 'wf',
    referrer: 'zm',
    name: '吴芳（古荡湾）',
    phone: '19900000205',
    regionCode: '330106',
    point: '古荡湾新村 8 幢',
    address: '浙江省杭州市西湖区古荡湾新村 8 幢',
  },
  {
    key: 'zq',
    referrer: 'sl',
    name: '周强（良渚）',
    phone: '19900000206',
    regionCode: '330110',
    point: '良渚文化村随园',
    address: '浙江省杭州市余杭区良渚文化村随园嘉树',
  },
  {
    key: 'zh',
    referrer: 'qw',
    name: '郑浩（五常）',
    phone: '19900000207',
    regionCode: '330110',
    point: '五常港湾家园门卫',
    address: '浙江省杭州市余杭区五常街道港湾家园',
  },
  {
    key: 'hj',
    referrer: '19900000102',
    name: '何军（仓前）',
    phone: '19900000208',
    regionCode: '330110',
    point: '仓前恒生科技园便利店',
    address: '浙江省杭州市余杭区仓前街道文一西路 1218 号',
  },
  {
    key: 'xt',
    referrer: 'hj',
    name: '许婷（梦想小镇）',
    phone: '19900000209',
    regionCode: '330110',
    point: '梦想小镇天使村',
    address: '浙江省杭州市余杭区梦想小镇天使村 3 号',
  },
  {
    key: 'mc',
    referrer: '19900000102',
    name: '马超（绿城西溪）',
    phone: '19900000210',
    regionCode: '330110',
    point: '绿城西溪诚园物业',
    address: '浙江省杭州市余杭区五常大道 181 号',
  },
  {
    key: 'lf',
    referrer: '19900000103',
    name: '林峰（金桥）',
    phone: '19900000211',
    regionCode: '310115',
    point: '金桥碧云社区服务站',
    address: '上海市浦东新区碧云路 88 号',
  },
  {
    key: 'hl',
    referrer: 'lf',
    name: '黄蕾（川沙）',
    phone: '19900000212',
    regionCode: '310115',
    point: '川沙新德路驿站',
    address: '上海市浦东新区川沙新德路 120 号',
  },
  {
    key: 'gy',
    referrer: '19900000103',
    name: '郭阳（陆家嘴）',
    phone: '19900000213',
    regionCode: '310115',
    point: '陆家嘴世茂滨江物业',
    address: '上海市浦东新区潍坊西路 1 弄',
  },
];

export async function seedLeaderNetworkDemo(
  deps: Deps,
  tx: Tx,
  input: { regionIds: Record<string, string>; regionManagerUserId: string | null },
): Promise<{ leaderIds: string[] }> {
  const existing = await tx.select({ id: leaders.id, phone: leaders.phoneHash }).from(leaders);
  const idByPhoneHash = new Map(existing.map((l) => [l.phone, l.id]));
  const idByKey = new Map<string, string>();
  const created: string[] = [];
  for (const r of RECRUITS) {
    const regionId = input.regionIds[r.regionCode];
    const referrerId = idByKey.get(r.referrer) ?? idByPhoneHash.get(deps.crypto.hash(r.referrer));
    // A company without this region or this referrer in its demo data gets a smaller tree.
    if (!regionId || !referrerId) continue;
    const row = await createLeaderTx(deps, tx, SYSTEM_ACTOR, {
      name: r.name,
      phone: r.phone,
      regionId,
      referrerId,
      pickupPoint: { name: r.point, address: r.address, openingHours: '08:00-20:00', capacity: 150 },
    });
    idByKey.set(r.key, row.id);
    created.push(row.id);
  }
  // 陈静 hosts a second pickup point (一个团长可有多个自提点).
  const chenId = idByPhoneHash.get(deps.crypto.hash('19900000101'));
  const [chen] = chenId ? await tx.select().from(leaders).where(eq(leaders.id, chenId)) : [];
  if (chen)
    await createPickupPointTx(deps, tx, SYSTEM_ACTOR, chen, {
      name: '西湖花园南门快递柜旁',
      address: '浙江省杭州市西湖区文三路 478 号西湖花园南门',
      latitude: 30.277301,
      longitude: 120.124502,
      openingHours: '10:00-21:00',
      capacity: 120,
    });
  const hangzhou = input.regionIds['330100'];
  if (hangzhou && input.regionManagerUserId)
    await assignRegionManagerTx(deps, tx, SYSTEM_ACTOR, hangzhou, {
      userId: input.regionManagerUserId,
      weight: 1,
    });
  return { leaderIds: created };
}

/** The demo leader ids by phone, for tests that look at the demo tree. */
export async function demoLeaderIds(deps: Deps, phones: readonly string[]): Promise<Map<string, string>> {
  const rows = await deps.db
    .select({ id: leaders.id, hash: leaders.phoneHash })
    .from(leaders)
    .where(
      inArray(
        leaders.phoneHash,
        phones.map((p) => deps.crypto.hash(p)),
      ),
    );
  const byHash = new Map(rows.map((r) => [r.hash, r.id]));
  return new Map(
    phones.flatMap((p) => {
      const id = byHash.get(deps.crypto.hash(p));
      return id ? [[p, id] as const] : [];
    }),
  );
}

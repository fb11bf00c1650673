import {
  createLeaderTx,
  type LeaderCreateInput,
  listPickupPointsOfLeader,
} from '../modules/leaders/index.js';
import { SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/**
 * Three demo leaders with pickup points in 西湖区, 余杭区 and 浦东新区 (region codes 330106, 330110,
 * 310115). The first is linked to the demo `leader` login. They go through the real use-case, so
 * each has its audit records and events. Demo phones use the 199 0000 xxxx range.
 */
const DEMO_LEADERS: Array<{
  regionCode: string;
  linkLogin: boolean;
  input: Omit<LeaderCreateInput, 'regionId'>;
}> = [
  {
    regionCode: '330106',
    linkLogin: true,
    input: {
      name: '陈静（西湖花园）',
      phone: '19900000101',
      pickupPoint: {
        name: '西湖花园 3 幢门卫室',
        address: '浙江省杭州市西湖区文三路 478 号西湖花园 3 幢',
        latitude: 30.278153,
        longitude: 120.123741,
        openingHours: '08:00-20:30',
        capacity: 300,
      },
    },
  },
  {
    regionCode: '330110',
    linkLogin: false,
    input: {
      name: '刘建国（未来科技城）',
      phone: '19900000102',
      pickupPoint: {
        name: '海创园便利店',
        address: '浙江省杭州市余杭区文一西路 998 号海创园 5 号楼底商',
        latitude: 30.28956,
        longitude: 119.998563,
        openingHours: '07:30-21:00',
        capacity: 500,
      },
    },
  },
  {
    regionCode: '310115',
    linkLogin: false,
    input: {
      name: '王美玲（张江）',
      phone: '19900000103',
      pickupPoint: {
        name: '张江汤臣豪园物业前台',
        address: '上海市浦东新区碧波路 500 弄汤臣豪园 1 号楼',
        latitude: 31.20386,
        longitude: 121.59312,
        openingHours: '09:00-19:00',
        capacity: 200,
      },
    },
  },
];

export async function seedLeadersDemo(
  deps: Deps,
  tx: Tx,
  input: { regionIds: Record<string, string>; leaderUserId: string | null },
): Promise<{ leaderCodes: string[]; pickupPointIds: string[] }> {
  const leaderCodes: string[] = [];
  const pickupPointIds: string[] = [];
  for (const demo of DEMO_LEADERS) {
    const regionId = input.regionIds[demo.regionCode];
    // A company without this region in its demo data simply gets fewer demo leaders.
    if (!regionId) continue;
    const leader = await createLeaderTx(deps, tx, SYSTEM_ACTOR, {
      ...demo.input,
      regionId,
      userId: demo.linkLogin ? input.leaderUserId : null,
    });
    leaderCodes.push(leader.code);
    for (const p of await listPickupPointsOfLeader(tx, leader.id)) pickupPointIds.push(p.id);
  }
  return { leaderCodes, pickupPointIds };
}

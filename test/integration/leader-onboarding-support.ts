import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/test-app.js';

/** Regions of the onboarding tests: 浙江省 > 杭州市 > 西湖区, and 上海市. */
export const R = {
  zj: 'reg_01JONBZJ000000000000000000',
  hz: 'reg_01JONBHZ000000000000000000',
  xh: 'reg_01JONBXH000000000000000000',
  sh: 'reg_01JONBSH000000000000000000',
};

export async function insertRegions(t: TestApp): Promise<void> {
  const rows: Array<[string, string, string, string | null, string]> = [
    [R.zj, '330000', '浙江省', null, 'province'],
    [R.hz, '330100', '杭州市', R.zj, 'city'],
    [R.xh, '330106', '西湖区', R.hz, 'district'],
    [R.sh, '310000', '上海市', null, 'province'],
  ];
  for (const [id, code, name, parent, level] of rows) {
    await t.tdb.deps.pool.query(
      'INSERT INTO regions (id, code, name, parent_id, level, created_at) VALUES ($1, $2, $3, $4, $5, now())',
      [id, code, name, parent, level],
    );
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid ID number (correct check digit) born 1990-01-01 with sequence `seq`. */
export function idNumber(seq: number, birth = '19900101'): string {
  const first17 = `330106${birth}${String(seq % 1000).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

/** The same ID number with a wrong check character. */
export function badChecksum(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return `${id.slice(0, 17)}${last}`;
}

let seq = 0;
export function nextSeq(): number {
  seq += 1;
  return seq;
}

export function applyBody(over: Record<string, unknown> = {}, pp: Record<string, unknown> = {}) {
  const n = nextSeq();
  return {
    name: `申请人${n}`,
    phone: `137 0000 ${String(1000 + n)}`,
    idNumber: idNumber(n),
    regionId: R.xh,
    pickupPoint: {
      name: `文三路驿站 ${n} 号`,
      address: '杭州市西湖区文三路 200 号',
      latitude: 30.2775,
      longitude: 120.1302,
      openingHours: '08:00-21:00',
      ...pp,
    },
    ...over,
  };
}

let ipSeq = 0;
/** Each application from its own client address, so the per-address limit is tested on purpose only. */
export function freshIp(): string {
  ipSeq += 1;
  return `10.1.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}`;
}

export function apply(t: TestApp, body: object, ip = freshIp()): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/leader-applications',
    headers: { 'x-forwarded-for': ip, 'user-agent': 'onboarding-test/1.0' },
    payload: body,
  });
}

export async function applyOk(t: TestApp, body: object) {
  const res = await apply(t, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ applicationNo: string; status: string; statusToken: string }>();
}

export const ONBOARDING_TABLES = [
  'leader_applications',
  'leaders',
  'pickup_points',
  'users',
  'agreement_templates',
  'agreement_signatures',
  'training_materials',
  'training_completions',
  'audit_log',
  'outbox_events',
] as const;

export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ONBOARDING_TABLES) {
    const r = await t.tdb.deps.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = r.rows[0]?.n ?? -1;
  }
  return out;
}

/** Runs a refused request and checks that no onboarding table (nor the audit log or outbox) changed. */
export async function nothingWritten(
  t: TestApp,
  fn: () => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse> {
  const before = await tableCounts(t);
  const res = await fn();
  expect(await tableCounts(t)).toEqual(before);
  return res;
}

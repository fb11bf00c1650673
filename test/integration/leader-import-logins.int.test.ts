import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEADER_IMPORT_COLUMNS, leaderImportSettled } from '../../src/modules/leaders/index.js';
import { headerText } from '../../src/platform/imports/index.js';
import { createTestApp, loginAs, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { makeRegion } from './commission-period-support.js';
import { call, expectError } from './support.js';

/** Issue 16 part 10: a leader import makes logins, and its error report speaks the template's columns. */
let t: TestApp;
let op: Session;
beforeAll(async () => {
  t = await createTestApp();
  op = await sessionFor(t, ['operator']);
  await makeRegion(t.tdb, '账号区');
});
afterAll(async () => {
  await t.close();
});

async function sheet(rows: Record<string, string | number>[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('团长 Leaders');
  ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => headerText(c)));
  for (const r of rows) ws.addRow(LEADER_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function run(rows: Record<string, string | number>[], mode: string) {
  const res = await call(t, op, 'POST', '/api/leaders/imports', { fileBase64: await sheet(rows), mode });
  expect(res.statusCode, res.body).toBe(202);
  const { jobId } = res.json<{ jobId: string }>();
  await leaderImportSettled(jobId);
  const job = await call(t, op, 'GET', `/api/leaders/imports/${jobId}`);
  expect(job.statusCode, job.body).toBe(200);
  return job.json<{
    id: string;
    status: string;
    created: number;
    errors: {
      row: number;
      field: string;
      column?: string;
      code: string;
      messageZh: string;
      message: string;
    }[];
    logins: { downloadable: boolean; downloadedAt: string | null };
  }>();
}

const row = (phone: string, over: Record<string, string | number> = {}) => ({
  name: `账号${phone.slice(-4)}`,
  phone,
  region: '账号区',
  pickup_name: '账号自提点',
  pickup_address: '杭州市西湖区账号路 1 号',
  ...over,
});

/** A sheet row's cells from the first column (exceljs keeps index 0 empty). */
function cellsOf(ws: ExcelJS.Worksheet | undefined, n: number): unknown[] {
  if (!ws) throw new Error('no sheet');
  return (ws.getRow(n).values as unknown[]).slice(1);
}

async function workbook(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(payload).buffer);
  return wb;
}

describe('logins for imported leaders', () => {
  it('creates one login per leader; the sheet of one-time passwords is downloaded once by the importer', async () => {
    const job = await run([row('13600000001', { code: 'ACDE23' }), row('13600000002')], 'import_all');
    expect(job).toMatchObject({
      status: 'completed',
      created: 2,
      logins: { downloadable: true, downloadedAt: null },
    });
    const linked = await t.tdb.deps.pool.query<{ username: string; must: boolean; roles: string[] }>(
      `SELECT u.username, u.must_change_password AS must, u.roles FROM leaders l JOIN users u ON u.id = l.user_id
       WHERE l.name LIKE '账号%' ORDER BY l.name`,
    );
    expect(linked.rows).toHaveLength(2);
    expect(linked.rows.every((r) => r.must && r.roles.join() === 'leader')).toBe(true);
    // Stored only encrypted until downloaded.
    const stored = await t.tdb.deps.pool.query<{ password_enc: string }>(
      'SELECT password_enc FROM leader_import_credentials WHERE import_id = $1',
      [job.id],
    );
    expect(stored.rows).toHaveLength(2);

    // Another operator may not download them.
    const other = await sessionFor(t, ['operator']);
    expectError(
      await call(t, other, 'POST', `/api/leaders/imports/${job.id}/logins`),
      403,
      'leaders.import_logins_not_yours',
      'params.id',
    );

    const res = await call(t, op, 'POST', `/api/leaders/imports/${job.id}/logins`);
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['cache-control'])).toContain('no-store');
    const ws = (await workbook(res.rawPayload)).worksheets[0];
    expect(ws?.getRow(1).values).toEqual([
      undefined,
      '行号 row',
      '姓名 name',
      '手机号 phone',
      '团长码 code',
      '用户名 username',
      '初始密码 one-time password',
    ]);
    const lines = [2, 3].map((i) => ws?.getRow(i).values as unknown[]);
    expect(lines.map((l) => l.slice(1, 5))).toEqual([
      [2, '账号0001', '13600000001', 'ACDE23'],
      [3, '账号0002', '13600000002', expect.any(String)],
    ]);
    expect(lines[0]?.[5]).toBe('leader-acde23');
    for (const l of lines) expect(l[6]).toMatch(/^[A-Za-z2-9]{12}$/);

    // Erased after the download, audited without the passwords; a second download is refused.
    expect(
      (await t.tdb.deps.pool.query('SELECT 1 FROM leader_import_credentials WHERE import_id = $1', [job.id]))
        .rows,
    ).toHaveLength(0);
    const audit = await t.tdb.deps.pool.query<{ after: unknown }>(
      `SELECT after FROM audit_log WHERE action = 'leader.import_logins_download' AND entity_id = $1`,
      [job.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0]?.after)).not.toContain(String(lines[0]?.[6]));
    expectError(
      await call(t, op, 'POST', `/api/leaders/imports/${job.id}/logins`),
      409,
      'leaders.import_logins_downloaded',
      'params.id',
    );
    const after = await call(t, op, 'GET', `/api/leaders/imports/${job.id}`);
    expect(after.json()).toMatchObject({ logins: { downloadable: false, downloadedAt: expect.any(String) } });

    // The leader logs in with the sheet's password and must change it first.
    const username = String(lines[0]?.[5]);
    const password = String(lines[0]?.[6]);
    const leader = await loginAs(t.app, username, password);
    const me = await call(t, leader, 'GET', '/api/portal/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ passwordChangeRequired: true });
    expectError(await call(t, leader, 'GET', '/api/portal/orders'), 403, 'portal.password_change_required');
    const changed = await call(t, leader, 'POST', '/api/auth/change-password', {
      currentPassword: password,
      newPassword: 'Sunflower-route-88',
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    const again = await loginAs(t.app, username, 'Sunflower-route-88');
    expect((await call(t, again, 'GET', '/api/portal/me')).json()).toMatchObject({
      passwordChangeRequired: false,
    });
    expect((await call(t, again, 'GET', '/api/portal/orders')).statusCode).toBe(200);
  });

  it('makes no login for a file that is only validated', async () => {
    const job = await run([row('13600000011')], 'validate');
    expect(job).toMatchObject({ status: 'validated', logins: { downloadable: false } });
    expectError(
      await call(t, op, 'POST', `/api/leaders/imports/${job.id}/logins`),
      404,
      'leaders.import_logins_none',
      'params.id',
    );
  });
});

describe('the error report', () => {
  it('names the template’s columns, says a negative number must be >= 0, and downloads as xlsx with a reason column', async () => {
    const job = await run(
      [row('13600000021', { capacity: -3 }), row('13600000022'), row('12345', { name: '' })],
      'validate',
    );
    expect(job.errors.map((e) => [e.row, e.column, e.messageZh])).toEqual([
      [2, '容量 capacity', '必须 ≥ 0: -3'],
      [4, '姓名 name', '此列必填'],
      [4, '手机号 phone', '手机号格式不正确: 12345'],
    ]);
    expect(job.errors[0]?.message).toBe('Must be >= 0: -3');
    // The stored cells are for the sheet only, never in the API's answer.
    expect(JSON.stringify(job.errors)).not.toContain('cells');

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/leaders/imports/${job.id}/errors.xlsx`,
      headers: op.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const ws = (await workbook(res.rawPayload)).worksheets[0];
    const header = cellsOf(ws, 1);
    expect(header).toEqual([...LEADER_IMPORT_COLUMNS.map((c) => headerText(c)), '错误原因 reason']);
    expect(ws?.rowCount).toBe(3);
    const first = cellsOf(ws, 2);
    expect(first.slice(0, 3)).toEqual(['账号0021', '13600000021', '账号区']);
    expect(first[LEADER_IMPORT_COLUMNS.findIndex((c) => c.key === 'capacity')]).toBe(-3);
    expect(String(first[LEADER_IMPORT_COLUMNS.length])).toContain('容量 capacity：必须 ≥ 0: -3');
    const second = cellsOf(ws, 3);
    expect(String(second[LEADER_IMPORT_COLUMNS.length])).toMatch(
      /第 4 行[\s\S]*姓名 name：此列必填[\s\S]*手机号 phone/,
    );
  });
});

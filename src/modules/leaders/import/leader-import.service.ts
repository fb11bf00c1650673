import { eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../../platform/audit/index.js';
import type { Db } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import {
  addDataSheet,
  addInstructionsSheet,
  chunkByRows,
  getImportJob,
  type ImportChunk,
  type ImportJobView,
  type ImportKind,
  type ImportMode,
  importJobSettled,
  type RowError,
  readImportRows,
  startImportJob,
} from '../../../platform/imports/index.js';
import { freeLeaderCode } from '../leader-login-names.js';
import { createLeaderTx } from '../leaders.service.js';
import { leaders, regions } from '../leaders.tables.js';
import { networkError } from '../network/network.errors.js';
import {
  type LeaderImportContext,
  type LeaderImportPlan,
  type LeaderRawRow,
  type ParsedLeaderRow,
  type PlannedLeader,
  parseLeaderRow,
  planLeaderImport,
} from './leader-import.js';
import { leaderImports } from './leader-import.tables.js';
import { LEADER_IMPORT_COLUMNS, type LeaderColumnKey } from './leader-import-columns.js';
import {
  createImportLoginTx,
  type DrawnPassword,
  drawPasswords,
  type ImportLoginsView,
  importLoginsView,
} from './leader-import-logins.js';

/**
 * The leader import (团长批量导入) on the shared import runner: the same template conventions,
 * modes and row-by-row report as the product import. Rows are written referrers first, each through
 * `createLeaderTx` (audit, events, closure rows and the first referrer period, cause `imported`).
 */
export const LEADER_DATA_SHEET = '团长 Leaders';
export const MAX_LEADER_IMPORT_ROWS = 20_000;
const TABLE = 'leader_imports';

function isExampleRow(raw: LeaderRawRow): boolean {
  return LEADER_IMPORT_COLUMNS.every((c) => {
    const v = raw[c.key];
    return (v === null || v === undefined ? '' : String(v)).trim() === c.example;
  });
}

export function readLeaderSheet(file: Buffer) {
  const field = 'body.fileBase64';
  return readImportRows<LeaderColumnKey>(file, {
    columns: LEADER_IMPORT_COLUMNS,
    keyColumn: 'phone',
    maxRows: MAX_LEADER_IMPORT_ROWS,
    isExample: isExampleRow,
    problems: {
      fileInvalid: () => networkError('leaders.import_file_invalid', { field }),
      missingColumns: (detail) => networkError('leaders.import_missing_columns', { field, detail }),
      tooManyRows: (detail) => networkError('leaders.import_too_many_rows', { field, detail }),
      empty: () => networkError('leaders.import_empty', { field }),
    },
  });
}

/** The template: the data sheet with an example row, the instructions, and the regions to choose from. */
export async function buildLeaderTemplate(db: Db): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tuanflow';
  const ws = addDataSheet(wb, LEADER_DATA_SHEET, LEADER_IMPORT_COLUMNS, (key) =>
    key === 'pickup_address' ? 36 : key === 'name' || key === 'pickup_name' ? 22 : 14,
  );
  ws.getColumn('phone').numFmt = '@';
  ws.addRow(Object.fromEntries(LEADER_IMPORT_COLUMNS.map((c) => [c.key, c.example])));
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  addInstructionsSheet(wb, LEADER_IMPORT_COLUMNS, [
    ['每一行是一位团长及其第一个自提点。', 'One row is one leader with their first pickup point.'],
    [
      '第 2 行是示例，未修改时导入会忽略它，可直接覆盖或删除。',
      'Row 2 is an example; left unchanged it is skipped. Overwrite or delete it.',
    ],
    [
      '推荐人可以是本文件中任意一行（按其团长码）或系统中已有的团长；推荐关系不能形成循环。',
      'A referrer is any row of this file (by its code) or an existing leader; referrals cannot form a cycle.',
    ],
    [
      '推荐人所在行有错误时，其下线各行也不会导入。',
      'When a referrer’s row has errors, the rows below it are not imported either.',
    ],
    ['导入前会先校验全部行，并逐行列出错误。', 'Every row is checked first; errors are listed row by row.'],
    [
      '文件有错误时不会写入任何数据，除非选择"仅导入正确的行"。',
      'Nothing is written from a file with errors unless you choose to import the good rows.',
    ],
    [`单个文件最多 ${MAX_LEADER_IMPORT_ROWS} 行。`, `At most ${MAX_LEADER_IMPORT_ROWS} rows per file.`],
  ]);
  const list = wb.addWorksheet('区域 Regions');
  list.columns = [
    { header: '区域编码 code', key: 'code', width: 16 },
    { header: '区域名称 name', key: 'name', width: 24 },
  ];
  list.getRow(1).font = { bold: true };
  for (const r of await db.select().from(regions).orderBy(regions.code))
    list.addRow({ code: r.code, name: r.name });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function lookupContext(deps: Deps, parsed: readonly ParsedLeaderRow[]): Promise<LeaderImportContext> {
  const regionMap = new Map<string, string>();
  const nameCount = new Map<string, number>();
  const all = await deps.db.select().from(regions);
  for (const r of all) nameCount.set(r.name.toLowerCase(), (nameCount.get(r.name.toLowerCase()) ?? 0) + 1);
  for (const r of all) {
    // A name two regions share (two 朝阳区) is ambiguous: such a region is found by its code only.
    if (nameCount.get(r.name.toLowerCase()) === 1) regionMap.set(r.name.toLowerCase(), r.id);
  }
  for (const r of all) regionMap.set(r.code.toLowerCase(), r.id);
  const codes = [
    ...new Set(parsed.flatMap((r) => [r.code, r.referrerCode]).filter((c): c is string => c !== null)),
  ];
  const leaderCodes = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 1000) {
    const part = codes.slice(i, i + 1000);
    for (const l of await deps.db
      .select({ id: leaders.id, code: leaders.code })
      .from(leaders)
      .where(inArray(leaders.code, part)))
      leaderCodes.set(l.code, l.id);
  }
  const phones = [...new Set(parsed.flatMap((r) => (r.phone ? [r.phone] : [])))];
  const phoneOfHash = new Map(phones.map((p) => [deps.crypto.hash(p), p]));
  const takenPhones = new Set<string>();
  const hashes = [...phoneOfHash.keys()];
  for (let i = 0; i < hashes.length; i += 1000) {
    const r = await deps.db.execute<{ h: string }>(sql`
      select phone_hash as h from leaders where phone_hash = any(${sql.param(hashes.slice(i, i + 1000))}::text[])`);
    for (const x of r.rows) {
      const p = phoneOfHash.get(x.h);
      if (p) takenPhones.add(p);
    }
  }
  return { regions: regionMap, leaderCodes, takenPhones };
}

/**
 * The leaders an earlier run of the job wrote, by their code in the file: a row may name its referrer
 * by a code that is only a link inside the file (not a share code, so not stored), and the rows left
 * to write still need to find it. A written row's leader is found by its phone, unique per leader.
 */
async function doneRowCodes(deps: Deps, done: readonly ParsedLeaderRow[]): Promise<Map<string, string>> {
  const withCode = done.filter((r) => r.code !== null && r.phone !== null);
  const out = new Map<string, string>();
  for (let i = 0; i < withCode.length; i += 1000) {
    const part = withCode.slice(i, i + 1000);
    const codeOfHash = new Map(part.map((r) => [deps.crypto.hash(r.phone ?? ''), r.code ?? '']));
    const r = await deps.db.execute<{ id: string; h: string }>(sql`
      select id, phone_hash as h from leaders where phone_hash = any(${sql.param([...codeOfHash.keys()])}::text[])`);
    for (const x of r.rows) {
      const code = codeOfHash.get(x.h);
      if (code) out.set(code, x.id);
    }
  }
  return out;
}

/**
 * The plan's leaders as write transactions; a leader's id is remembered for the rows below it. Each
 * leader gets a login (leader-import-logins.ts) in the same transaction as the leader and the
 * chunk's record of written rows, so a resumed job, leaving those rows out, never makes one twice.
 */
function* writeChunks(
  deps: Deps,
  actor: Actor,
  importId: string,
  plan: LeaderImportPlan,
): Generator<ImportChunk> {
  const idOfRow = new Map<number, string>();
  for (const chunk of chunkByRows<PlannedLeader>(plan.leaders, () => 1)) {
    yield {
      rowNumbers: chunk.map((p) => p.row),
      label: `row ${chunk
        .map((p) => p.row)
        .join(', ')
        .slice(0, 60)}`,
      write: async (tx) => {
        const passwords = await drawPasswords(chunk.length);
        const made = new Map<number, string>();
        for (const [i, p] of chunk.entries()) {
          const referrerId =
            p.referrer === null
              ? null
              : p.referrer.kind === 'existing'
                ? p.referrer.leaderId
                : (made.get(p.referrer.row) ?? idOfRow.get(p.referrer.row) ?? null);
          const code = p.shareCode ?? (await freeLeaderCode(tx));
          const login = await createImportLoginTx(deps, tx, actor, {
            importId,
            row: p.row,
            code,
            name: p.name,
            drawn: passwords[i] as DrawnPassword,
          });
          const row = await createLeaderTx(
            deps,
            tx,
            actor,
            {
              name: p.name,
              phone: p.phone,
              regionId: p.regionId,
              userId: login.userId,
              referrerId,
              pickupPoint: p.pickupPoint,
            },
            { code, periodCause: 'imported' },
          );
          await login.saveCredential(row.id);
          made.set(p.row, row.id);
        }
        // Only a committed chunk's leaders may be referred to by later chunks.
        for (const [r, id] of made) idOfRow.set(r, id);
        return { created: made.size, updated: 0 };
      },
    };
  }
}

/**
 * The row's cells as uploaded, kept on the row's first error only: the finished job no longer has
 * the file, and the error sheet gives back the bad rows as they were, with the reason beside them.
 */
function withCells(errors: readonly RowError[], rawOf: ReadonlyMap<number, LeaderRawRow>): RowError[] {
  const seen = new Set<number>();
  return errors.map((e) => {
    if (seen.has(e.row)) return e;
    seen.add(e.row);
    const raw = rawOf.get(e.row);
    return raw ? { ...e, cells: raw } : e;
  });
}

/** The leader import as the shared runner (re)builds it from the stored file. */
export const leaderImportKind: ImportKind = {
  table: TABLE,
  auditAction: 'leader.import',
  prepare: async (deps, actor, file, importId) => {
    const sheet = await readLeaderSheet(file);
    const rawOf = new Map(sheet.rows.map(({ row, raw }) => [row, raw]));
    const parsed = sheet.rows.map(({ row, raw }) => parseLeaderRow(raw, row));
    return {
      totalRows: sheet.rows.length,
      plan: async (done) => {
        // Rows an earlier run of the job wrote are left out: their leaders exist now, and the rows
        // they recruited find them by code as existing leaders.
        const rest = parsed.filter((r) => !done.has(r.row));
        const ctx = await lookupContext(deps, rest);
        const plan = planLeaderImport(rest, {
          ...ctx,
          leaderCodes: new Map([
            ...ctx.leaderCodes,
            ...(await doneRowCodes(
              deps,
              parsed.filter((r) => done.has(r.row)),
            )),
          ]),
        });
        return {
          errors: withCells(plan.errors, rawOf),
          goodRows: plan.goodRows,
          chunks: writeChunks(deps, actor, importId, plan),
        };
      },
    };
  },
};

export async function startLeaderImport(
  deps: Deps,
  actor: Actor,
  input: { fileBase64: string; mode: ImportMode },
): Promise<{ jobId: string }> {
  return startImportJob(deps, actor, leaderImportKind, {
    mode: input.mode,
    file: Buffer.from(input.fileBase64, 'base64'),
  });
}

export function leaderImportSettled(jobId: string): Promise<void> {
  return importJobSettled(jobId);
}

/** The job's progress and report, and whether its sheet of one-time passwords can be downloaded. */
export async function getLeaderImport(
  db: Db,
  id: string,
): Promise<ImportJobView & { logins: ImportLoginsView }> {
  const view = await getImportJob(db, TABLE, id, () =>
    networkError('leaders.import_not_found', { field: 'params.id', detail: id }),
  );
  const logins = await importLoginsView(db, id);
  // Only once the job has finished: the sheet must hold every login the job makes.
  return { ...view, logins: { ...logins, downloadable: logins.downloadable && view.status !== 'running' } };
}

/**
 * The error sheet (错误行): the bad rows as uploaded, under the template's own headers, with a
 * reason column naming each problem's column. Fixed in place, it can be uploaded again as it is
 * (the reader ignores the reason column).
 */
export async function buildLeaderImportErrorSheet(db: Db, id: string): Promise<Buffer> {
  const [job] = await db
    .select({ status: leaderImports.status, errors: leaderImports.errors })
    .from(leaderImports)
    .where(eq(leaderImports.id, id));
  if (!job) throw networkError('leaders.import_not_found', { field: 'params.id', detail: id });
  if (job.status === 'running') throw networkError('leaders.import_running', { field: 'params.id' });
  const byRow = new Map<number, RowError[]>();
  for (const e of job.errors as RowError[]) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tuanflow';
  const ws = addDataSheet(wb, LEADER_DATA_SHEET, LEADER_IMPORT_COLUMNS, (key) =>
    key === 'pickup_address' ? 36 : key === 'name' || key === 'pickup_name' ? 22 : 14,
  );
  ws.getColumn('phone').numFmt = '@';
  const reasonCol = LEADER_IMPORT_COLUMNS.length + 1;
  const header = ws.getRow(1).getCell(reasonCol);
  header.value = '错误原因 reason';
  header.font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(reasonCol).width = 70;
  ws.getColumn(reasonCol).alignment = { wrapText: true, vertical: 'top' };
  for (const [row, errs] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const cells = errs.find((e) => e.cells)?.cells ?? {};
    const reason = [
      `第 ${row} 行 row ${row}`,
      ...errs.map((e) => `${e.column ?? e.field}：${e.messageZh}（${e.message}）`),
    ].join('\n');
    ws.addRow([...LEADER_IMPORT_COLUMNS.map((c) => cells[c.key] ?? null), reason]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

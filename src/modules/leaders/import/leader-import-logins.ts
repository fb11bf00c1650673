import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import { createUserTx, hashPassword, users } from '../../../platform/auth/index.js';
import type { Db, Tx } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { freeLeaderUsername } from '../leader-login-names.js';
import { networkError } from '../network/network.errors.js';
import { generateInitialPassword } from '../onboarding/initial-login.js';
import { leaderImportCredentials, leaderImports } from './leader-import.tables.js';

/**
 * The logins a leader import makes (团长账号): one per imported leader, named as an approved
 * application's login is (`leader-<code>`), with a one-time password the leader must change at the
 * first login (`users.must_change_password`). The passwords are kept encrypted with the field key
 * until the importing operator downloads them once as an xlsx sheet; the download erases them.
 */

/** A one-time password and its hash, drawn before the chunk's transaction does any work. */
export interface DrawnPassword {
  password: string;
  hash: string;
}

/**
 * Passwords for a chunk's leaders. Hashing is slow on purpose: the chunk's hashes run side by side
 * (node's thread pool) before any row is locked.
 */
export function drawPasswords(n: number): Promise<DrawnPassword[]> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const password = generateInitialPassword();
      return { password, hash: await hashPassword(password) };
    }),
  );
}

/** Creates the login of one imported leader inside the chunk's transaction; answers its user id. */
export async function createImportLoginTx(
  deps: Pick<Deps, 'clock' | 'bus' | 'crypto'>,
  tx: Tx,
  actor: Actor,
  input: { importId: string; row: number; code: string; name: string; drawn: DrawnPassword },
): Promise<{ userId: string; saveCredential(leaderId: string): Promise<void> }> {
  const user = await createUserTx(deps, tx, actor, {
    username: await freeLeaderUsername(tx, input.code),
    displayName: input.name,
    roles: ['leader'],
    passwordHash: input.drawn.hash,
  });
  await tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
  return {
    userId: user.id,
    saveCredential: async (leaderId) => {
      await tx.insert(leaderImportCredentials).values({
        id: `${input.importId}-${input.row}`,
        importId: input.importId,
        row: input.row,
        leaderId,
        userId: user.id,
        username: user.username,
        passwordEnc: deps.crypto.encrypt(input.drawn.password),
      });
    },
  };
}

/** What the console shows of an import's logins (one per imported leader). */
export interface ImportLoginsView {
  /** True while the sheet of one-time passwords can still be downloaded (once). */
  downloadable: boolean;
  downloadedAt: string | null;
}

export async function importLoginsView(db: Db, importId: string): Promise<ImportLoginsView> {
  const r = await db.execute<{ waiting: number; downloaded_at: Date | string | null }>(sql`
    select (select count(*)::int from leader_import_credentials where import_id = ${importId}) as waiting,
      credentials_downloaded_at as downloaded_at
    from leader_imports where id = ${importId}`);
  const row = r.rows[0];
  return {
    downloadable: (row?.waiting ?? 0) > 0,
    downloadedAt: row?.downloaded_at ? new Date(row.downloaded_at).toISOString() : null,
  };
}

/**
 * The sheet of one-time passwords (初始密码表), once: only for the operator who ran the import, only
 * after the job has finished. In one transaction the rows are read under lock, decrypted into the
 * sheet, deleted, and the download is audited (without the passwords); a second download finds
 * nothing and is refused.
 */
export async function downloadImportLogins(deps: Deps, actor: Actor, importId: string): Promise<Buffer> {
  return deps.db.transaction(async (tx) => {
    const [job] = await tx
      .select({
        status: leaderImports.status,
        actorId: leaderImports.actorId,
        created: leaderImports.created,
        downloadedAt: leaderImports.credentialsDownloadedAt,
      })
      .from(leaderImports)
      .where(eq(leaderImports.id, importId))
      .for('update');
    if (!job) throw networkError('leaders.import_not_found', { field: 'params.id', detail: importId });
    if (job.status === 'running') throw networkError('leaders.import_running', { field: 'params.id' });
    if (job.actorId === null || job.actorId !== actor.actorId)
      throw networkError('leaders.import_logins_not_yours', { field: 'params.id' });
    if (job.downloadedAt) throw networkError('leaders.import_logins_downloaded', { field: 'params.id' });
    const rows = await tx.execute<{
      row: number;
      username: string;
      password_enc: string;
      name: string;
      code: string;
      phone_enc: string;
    }>(sql`
      select c.row, c.username, c.password_enc, l.name, l.code, l.phone_enc
      from leader_import_credentials c join leaders l on l.id = c.leader_id
      where c.import_id = ${importId} order by c.row`);
    if (rows.rows.length === 0) throw networkError('leaders.import_logins_none', { field: 'params.id' });
    const wb = new ExcelJS.Workbook();
    wb.creator = 'tuanflow';
    const ws = wb.addWorksheet('团长账号 Logins', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: '行号 row', key: 'row', width: 10 },
      { header: '姓名 name', key: 'name', width: 22 },
      { header: '手机号 phone', key: 'phone', width: 16 },
      { header: '团长码 code', key: 'code', width: 12 },
      { header: '用户名 username', key: 'username', width: 22 },
      { header: '初始密码 one-time password', key: 'password', width: 24 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getColumn('phone').numFmt = '@';
    for (const r of rows.rows)
      ws.addRow({
        row: r.row,
        name: r.name,
        phone: deps.crypto.decrypt(r.phone_enc),
        code: r.code,
        username: r.username,
        password: deps.crypto.decrypt(r.password_enc),
      });
    ws.addRow({});
    ws.addRow({
      name: '首次登录后须修改密码。本表只能下载一次，请妥善转交并删除。',
    });
    ws.addRow({
      name: 'Each leader must change the password at the first login. This sheet is downloadable once: hand it over safely, then delete it.',
    });
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    await tx.delete(leaderImportCredentials).where(eq(leaderImportCredentials.importId, importId));
    const now = deps.clock.now();
    await tx
      .update(leaderImports)
      .set({ credentialsDownloadedAt: now })
      .where(eq(leaderImports.id, importId));
    await recordAudit(tx, deps.clock, actor, {
      action: 'leader.import_logins_download',
      entityType: 'importJob',
      entityId: importId,
      after: { logins: rows.rows.length, usernames: rows.rows.map((r) => r.username).slice(0, 1000) },
    });
    return file;
  });
}

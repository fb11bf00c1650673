import { type Actor, recordAudit } from '../audit/index.js';
import type { Deps } from '../deps.js';
import { redactFilter } from '../redact.js';

export interface ExportAudit {
  /** `<entity>.exported`, e.g. `order.exported`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What the export was asked for (the query); phone numbers in it are masked before it is stored. */
  filter: Record<string, unknown>;
  /** Rows in the file, when known before it is sent (a file built whole); streamed exports say it at the end. */
  rows?: number;
}

/**
 * Records that personal data left the system as a file: who, when, what filter, how many rows. It is
 * written before the first byte is sent, so an export that the audit log cannot record is not sent
 * at all, and one that a client breaks off is still on record.
 */
export async function auditExport(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  e: ExportAudit,
): Promise<void> {
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.clock, actor, {
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      after: { filter: redactFilter(e.filter), ...(e.rows === undefined ? {} : { rows: e.rows }) },
    }),
  );
}

/**
 * The audit of a streamed export: `start()` writes `<entity>.exported` with the filter once the first
 * page has been read (and before the 200 goes out); `onFinished` (given to `xlsxExport`) writes
 * `<entity>.export_finished` with the rows once the whole file is written, always after the first
 * record. A failure of the second is logged: the file is already sent.
 */
export function streamedExportAudit(
  deps: Pick<Deps, 'db' | 'clock' | 'log'>,
  actor: Actor,
  e: Omit<ExportAudit, 'rows'>,
): { start(): Promise<void>; onFinished(rows: number): Promise<void> } {
  let opened: (ok: boolean) => void = () => {};
  const gate = new Promise<boolean>((resolve) => {
    opened = resolve;
  });
  return {
    async start() {
      try {
        await auditExport(deps, actor, e);
        opened(true);
      } catch (err) {
        opened(false);
        throw err;
      }
    },
    async onFinished(rows) {
      if (!(await gate)) return;
      try {
        await deps.db.transaction((tx) =>
          recordAudit(tx, deps.clock, actor, {
            action: e.action.replace(/\.exported$/, '.export_finished'),
            entityType: e.entityType,
            entityId: e.entityId ?? null,
            after: { rows },
          }),
        );
      } catch (err) {
        deps.log.error({ err, action: e.action }, 'export finished but not recorded in the audit log');
      }
    },
  };
}

import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db, Executor } from '../db/database.js';
import { platformError } from '../errors.js';

/** One column of an export: its header (Chinese, then English) and how a row fills it. */
export interface ExportColumn<R> {
  header: string;
  width: number;
  value(row: R): string | number;
  /** Excel number format, e.g. `0.00` for yuan. */
  numFmt?: string;
  /** Summed into the footer row, rounded to 2 decimals (the values must be numbers). */
  total?: boolean;
}

/** Where a failure is logged (the request's logger). */
interface ErrorLog {
  error(obj: object, msg: string): void;
}

/**
 * Reads the export's rows through `db` and hands them over a page at a time, in order, awaiting each
 * hand-over (it waits while the client is behind, and throws once the client has gone).
 */
export type PagedRows<R> = (db: Executor, write: (page: readonly R[]) => Promise<void>) => Promise<void>;

/**
 * Exports reading at once in this process. Each holds a database connection (its snapshot) while
 * it reads, which a slow download stretches, and a few of them must not take the pool that orders
 * need.
 */
export const MAX_RUNNING_EXPORTS = 2;
let running = 0;

/**
 * The download, and a promise that settles once the first page has been read (or the export has
 * ended without one): a route awaits it before it answers, so that a filter the database refuses
 * is an error answer and not a 200 whose file breaks off.
 */
export type XlsxDownload = Readable & { started: Promise<void> };

export interface ExportLimits {
  /** A download that takes nothing for this long is abandoned (its snapshot is let go). */
  stallMs?: number;
  /** Told the number of rows once the whole file is written (the audit's `export_finished`). */
  onFinished?: (rows: number) => Promise<void>;
}

/**
 * One sheet of a workbook export: its columns, its rows a page at a time, and what its 合计 row
 * counts. `counts` leaves rows out of the total (they are still listed, e.g. cancelled orders), and
 * `totalLabel` says in the row itself what was counted, so nobody has to guess.
 */
export interface ExportSheet<R> {
  name: string;
  columns: readonly ExportColumn<R>[];
  pages: PagedRows<R>;
  counts?(row: R): boolean;
  totalLabel?(counted: number): string;
}

/**
 * A list export of any length as a streamed xlsx (ExcelJS's streaming writer): each page of rows is
 * written as it is read, so memory stays flat however many rows the filter matches, and the
 * download starts at once. The pages are read in one read-only repeatable-read transaction, so the
 * file is one snapshot even while orders keep arriving. The header row is bold and frozen; the last
 * row reads `合计 Total: <rows>` with the sum of each `total` column. An error before the first page
 * rejects `started` (the route answers it as any error); an error after it ends the download broken
 * (the status is already sent) and is logged. Past `MAX_RUNNING_EXPORTS` it throws `export.busy`
 * (429) before anything is sent.
 */
export function xlsxExport<R>(
  db: Db,
  sheetName: string,
  columns: readonly ExportColumn<R>[],
  pages: PagedRows<R>,
  log: ErrorLog,
  limits: ExportLimits = {},
): XlsxDownload {
  const sheet: ExportSheet<R> = { name: sheetName, columns, pages };
  return xlsxWorkbookExport(db, [sheet], log, limits);
}

/**
 * Like `xlsxExport`, with several sheets written one after the other from the same snapshot (each
 * sheet reads its own pages once the one before is finished, so memory stays flat here too). The
 * audit's row count is the rows of the first sheet, counted in its total or not.
 */
export function xlsxWorkbookExport(
  db: Db,
  // Each sheet has its own row type; the columns and the pages of one sheet agree on it.
  sheets: readonly ExportSheet<unknown>[],
  log: ErrorLog,
  { stallMs = 60_000, onFinished }: ExportLimits = {},
): XlsxDownload {
  if (running >= MAX_RUNNING_EXPORTS) throw platformError('export.busy');
  running += 1;
  const out = new PassThrough();
  let begun = false;
  let begin: () => void = () => {};
  let refuse: (err: unknown) => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    begin = () => {
      begun = true;
      resolve();
    };
    refuse = reject;
  });
  // Marked handled: a caller that never awaits it (a test) must not see an unhandled rejection.
  started.catch(() => {});
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'tuanflow';
  const writeSheet = async (tx: Executor, sheet: ExportSheet<unknown>): Promise<number> => {
    const { columns } = sheet;
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    const totals = columns.map(() => 0);
    let counted = 0;
    let written = 0;
    const write = async (page: readonly unknown[]) => {
      if (out.destroyed) throw new Error('the download was closed');
      begin();
      for (const r of page) {
        const values = columns.map((c) => c.value(r));
        if (sheet.counts?.(r) ?? true) {
          for (const [i, c] of columns.entries())
            if (c.total) totals[i] = (totals[i] ?? 0) + Number(values[i]);
          counted += 1;
        }
        ws.addRow(values).commit();
        written += 1;
      }
      // A slow client: read the next page once it has taken what is buffered.
      if (out.writableNeedDrain) await once(out, 'drain', { signal: AbortSignal.timeout(stallMs) });
    };
    await sheet.pages(tx, write);
    const label = sheet.totalLabel?.(counted) ?? `合计 Total: ${counted}`;
    const footer = ws.addRow(
      columns.map((c, i) => (i === 0 ? label : c.total ? Math.round((totals[i] ?? 0) * 100) / 100 : null)),
    );
    footer.font = { bold: true };
    footer.commit();
    ws.commit();
    return written;
  };
  const run = async () => {
    let count = 0;
    try {
      await db.transaction(
        async (tx) => {
          for (const [i, sheet] of sheets.entries()) {
            const n = await writeSheet(tx, sheet);
            if (i === 0) count = n;
          }
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    } finally {
      // The slot is the connection: free once the snapshot is let go, whatever the client does next.
      running -= 1;
    }
    begin();
    await wb.commit();
    await onFinished?.(count);
  };
  run().catch((err: unknown) => {
    if (!begun) {
      // Nothing was sent yet: the route answers this error itself, with its own status and log line.
      refuse(err);
      out.destroy();
      return;
    }
    log.error({ err, sheet: sheets[0]?.name }, 'xlsx export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return Object.assign(out, { started });
}

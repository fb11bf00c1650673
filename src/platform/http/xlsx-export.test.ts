import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db, Executor } from '../db/database.js';
import { DomainError } from '../errors.js';
import { type ExportColumn, MAX_RUNNING_EXPORTS, type PagedRows, xlsxExport } from './xlsx-export.js';

/** A database whose transaction hands the callback a stand-in executor (the pages below ignore it). */
const fakeDb = {
  transaction: <T>(fn: (tx: Executor) => Promise<T>) => fn({} as Executor),
} as unknown as Db;

interface Row {
  name: string;
  yuan: number;
}
const COLUMNS: ExportColumn<Row>[] = [
  { header: '名称 Name', width: 10, value: (r) => r.name },
  { header: '金额 Amount', width: 10, numFmt: '0.00', value: (r) => r.yuan, total: true },
];

function collector() {
  const errors: { obj: object; msg: string }[] = [];
  return { errors, log: { error: (obj: object, msg: string) => errors.push({ obj, msg }) } };
}

async function read(stream: NodeJS.ReadableStream): Promise<ExcelJS.Worksheet | undefined> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  return wb.worksheets[0];
}

describe('xlsxExport', () => {
  it('writes the header, every page in order, and a total row summed to the fen', async () => {
    const pages: PagedRows<Row> = async (_db, write) => {
      await write([
        { name: 'a', yuan: 0.1 },
        { name: 'b', yuan: 0.2 },
      ]);
      await write([]);
      await write([{ name: 'c', yuan: 1.15 }]);
    };
    const { log, errors } = collector();
    const ws = await read(xlsxExport(fakeDb, '测试 Test', COLUMNS, pages, log));
    expect(ws?.name).toBe('测试 Test');
    expect(ws?.getRow(1).values).toEqual([undefined, '名称 Name', '金额 Amount']);
    expect([2, 3, 4].map((n) => ws?.getRow(n).getCell(1).value)).toEqual(['a', 'b', 'c']);
    expect(ws?.getRow(5).getCell(1).value).toBe('合计 Total: 3');
    // 0.1 + 0.2 + 1.15 in floating point is 1.4500000000000002: the total is rounded to the fen.
    expect(ws?.getRow(5).getCell(2).value).toBe(1.45);
    expect(ws?.getRow(1).font?.bold).toBe(true);
    expect(errors).toEqual([]);
  });

  it('ends the download broken and logs when reading fails part-way', async () => {
    const pages: PagedRows<Row> = async (_db, write) => {
      await write([{ name: 'a', yuan: 1 }]);
      throw new Error('connection lost');
    };
    const { log, errors } = collector();
    await expect(read(xlsxExport(fakeDb, 'T', COLUMNS, pages, log))).rejects.toThrow('connection lost');
    expect(errors.map((e) => e.msg)).toEqual(['xlsx export failed']);
  });

  it('rejects `started` and logs nothing when reading fails before the first page', async () => {
    const pages: PagedRows<Row> = async () => {
      throw new Error('invalid input syntax');
    };
    const { log, errors } = collector();
    const file = xlsxExport(fakeDb, 'T', COLUMNS, pages, log);
    await expect(file.started).rejects.toThrow('invalid input syntax');
    expect(errors).toEqual([]);
    // The slot is free again: as many exports as allowed start at once.
    const small: PagedRows<Row> = async (_db, write) => write([{ name: 'a', yuan: 1 }]);
    const files = Array.from({ length: MAX_RUNNING_EXPORTS }, () =>
      xlsxExport(fakeDb, 'T', COLUMNS, small, log),
    );
    await Promise.all(files.map((f) => f.started));
    await Promise.all(files.map((f) => read(f)));
  });

  it('resolves `started` once the first page is in, and for an export with no pages at all', async () => {
    const { log } = collector();
    const none = xlsxExport(fakeDb, 'T', COLUMNS, async () => {}, log);
    await none.started;
    expect((await read(none))?.getRow(2).getCell(1).value).toBe('合计 Total: 0');
    let pagesRead = 0;
    const pages: PagedRows<Row> = async (_db, write) => {
      pagesRead += 1;
      await write([{ name: 'a', yuan: 1 }]);
    };
    const one = xlsxExport(fakeDb, 'T', COLUMNS, pages, log);
    await one.started;
    expect(pagesRead).toBe(1);
    await read(one);
  });

  it('stops reading once the client has gone', async () => {
    let pagesRead = 0;
    const pages: PagedRows<Row> = async (_db, write) => {
      for (let i = 0; i < 1_000; i++) {
        pagesRead += 1;
        await write([{ name: `r${i}`, yuan: 1 }]);
        await new Promise((r) => setImmediate(r));
      }
    };
    const { log, errors } = collector();
    const file = xlsxExport(fakeDb, 'T', COLUMNS, pages, log);
    file.pipe(new PassThrough()).resume();
    await new Promise((r) => setImmediate(r));
    file.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(pagesRead).toBeLessThan(1_000);
    expect(errors.map((e) => e.msg)).toEqual(['xlsx export failed']);
  });

  it(`refuses a third export while ${MAX_RUNNING_EXPORTS} run (429 export.busy), and admits one again after`, async () => {
    const gates: (() => void)[] = [];
    const held: PagedRows<Row> = async (_db, write) => {
      await new Promise<void>((r) => gates.push(r));
      await write([{ name: 'a', yuan: 1 }]);
    };
    const { log } = collector();
    const running = Array.from({ length: MAX_RUNNING_EXPORTS }, () =>
      xlsxExport(fakeDb, 'T', COLUMNS, held, log),
    );
    let refused: unknown;
    try {
      xlsxExport(fakeDb, 'T', COLUMNS, held, log);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('export.busy');
    expect((refused as DomainError).status).toBe(429);

    // One download finishes: its slot is free again.
    const openAll = () => {
      for (const open of gates) open();
    };
    gates[0]?.();
    await read(running[0] as NodeJS.ReadableStream);
    await new Promise((r) => setImmediate(r)); // its 'close' follows the end of the data
    const next = xlsxExport(fakeDb, 'T', COLUMNS, held, log);
    await new Promise((r) => setImmediate(r));
    openAll();
    await Promise.all([running[1], next].map((f) => read(f as NodeJS.ReadableStream)));
  });

  it('abandons a download nobody reads, letting go of its snapshot', async () => {
    let pagesRead = 0;
    const pages: PagedRows<Row> = async (_db, write) => {
      for (let i = 0; i < 500; i++) {
        pagesRead += 1;
        // Random names, so the compressed file grows and fills the buffers.
        await write(Array.from({ length: 100 }, () => ({ name: Math.random().toString(36), yuan: 1 })));
        await new Promise((r) => setImmediate(r));
      }
    };
    const { log, errors } = collector();
    const file = xlsxExport(fakeDb, 'T', COLUMNS, pages, log, { stallMs: 100 });
    await new Promise<void>((resolve) => file.once('close', () => resolve()));
    expect(pagesRead).toBeLessThan(500);
    expect(errors.map((e) => e.msg)).toEqual(['xlsx export failed']);
  });

  it('frees its slot when its snapshot ends, even if nobody ever reads the file', async () => {
    const small: PagedRows<Row> = async (_db, write) => write([{ name: 'a', yuan: 1 }]);
    const { log } = collector();
    for (let i = 0; i < MAX_RUNNING_EXPORTS; i++) xlsxExport(fakeDb, 'T', COLUMNS, small, log);
    await new Promise((r) => setTimeout(r, 20));
    const files = Array.from({ length: MAX_RUNNING_EXPORTS }, () =>
      xlsxExport(fakeDb, 'T', COLUMNS, small, log),
    );
    await Promise.all(files.map((f) => read(f as NodeJS.ReadableStream)));
  });
});

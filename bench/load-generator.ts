import net from 'node:net';
import { parseArgs } from 'node:util';

/**
 * bench/load-generator: the flash-sale load, run as its own process so the server under test does
 * not share an event loop with its clients. N clients, each on one keep-alive HTTP/1.1 connection,
 * loop: send a request, wait for the whole answer, send the next one (no pipelining). Each request
 * carries a fresh Idempotency-Key and a fresh customer phone. Prints one JSON object on stdout.
 *
 * The client is a minimal HTTP/1.1 writer and reader over `net` (what autocannon does): undici is
 * not installed here, and global fetch spends several times more CPU per request, which on a 2-core
 * machine is CPU taken from the server being measured.
 *
 * Started by bench/flash-sale.ts, bench/flash-sale-2proc.ts and bench/chaos.ts; by hand:
 *   node --import tsx bench/load-generator.ts --target http://127.0.0.1:3000 --path /api/orders \
 *     --campaign cmp_.. --leader ABC234 --pickup pp_.. --item cmi_.. --concurrency 256 --seconds 10
 * With an IPC channel (child_process.fork or stdio 'ipc') it reports `window-start` and
 * `window-end`, and stops early on a `{ stop: true }` message.
 */

const { values: args } = parseArgs({
  options: {
    target: { type: 'string', multiple: true },
    path: { type: 'string', default: '/api/orders' },
    campaign: { type: 'string', default: '' },
    leader: { type: 'string', default: '' },
    pickup: { type: 'string', default: '' },
    item: { type: 'string', default: '' },
    concurrency: { type: 'string', default: '256' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'max-requests': { type: 'string', default: '0' },
    'phone-start': { type: 'string', default: '0' },
    'key-prefix': { type: 'string', default: `k${process.pid}` },
    record: { type: 'boolean', default: false },
  },
});

const targets = (args.target ?? ['http://127.0.0.1:3000']).map((t) => new URL(t));
const concurrency = Number(args.concurrency);
const seconds = Number(args.seconds);
const warmupSeconds = Number(args.warmup);
const maxRequests = Number(args['max-requests']);
const phoneStart = Number(args['phone-start']);
const keyPrefix = args['key-prefix'];
const record = args.record;

/** Phones 13000000000 + n: valid mainland mobiles (1[3-9] and nine digits) for n < 7e9. */
const PHONE_BASE = 13_000_000_000;

interface Answer {
  status: number;
  body: Buffer;
}

/** One keep-alive connection with at most one request in flight. */
class Connection {
  private readonly socket: net.Socket;
  private chunks: Buffer[] = [];
  private size = 0;
  private waiting: { resolve: (a: Answer) => void; reject: (e: Error) => void } | undefined;
  private readonly ready: Promise<void>;
  closed = false;

  constructor(url: URL) {
    this.socket = net.connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.ready.catch(() => {});
    this.socket.on('data', (d: Buffer) => this.onData(d));
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  private fail(err: Error): void {
    this.closed = true;
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(err);
  }

  private onData(d: Buffer): void {
    this.chunks.push(d);
    this.size += d.length;
    const buf = this.chunks.length === 1 ? d : Buffer.concat(this.chunks, this.size);
    const headEnd = buf.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = buf.toString('latin1', 0, headEnd);
    const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!m) {
      this.fail(new Error(`response without content-length: ${head.slice(0, 200)}`));
      this.socket.destroy();
      return;
    }
    const total = headEnd + 4 + Number(m[1]);
    if (buf.length < total) {
      this.chunks = [buf];
      return;
    }
    // No pipelining: nothing may follow the one answer we asked for.
    this.chunks = [];
    this.size = 0;
    const status = Number(head.slice(9, 12));
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve({ status, body: buf.subarray(headEnd + 4, total) });
    if (/\r\nconnection:\s*close/i.test(head)) {
      this.closed = true;
      this.socket.destroy();
    }
  }

  async send(request: string): Promise<Answer> {
    await this.ready;
    if (this.closed) throw new Error('connection closed');
    return new Promise<Answer>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(request);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

interface Counts {
  byStatus: Record<string, number>;
  byCode: Record<string, number>;
}
const total: Counts & { sent: number; errors: number; errorKinds: Record<string, number> } = {
  sent: 0,
  errors: 0,
  errorKinds: {},
  byStatus: {},
  byCode: {},
};
const win: Counts & { latencies: number[] } = { byStatus: {}, byCode: {}, latencies: [] };
const acks: { key: string; orderId: string }[] = [];
const bump = (o: Record<string, number>, k: string) => {
  o[k] = (o[k] ?? 0) + 1;
};

let seq = 0;
let stopping = false;
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;

function requestFor(url: URL, n: number): { key: string; text: string } {
  const key = `${keyPrefix}-${n}`;
  const body = JSON.stringify({
    campaignId: args.campaign,
    leaderCode: args.leader,
    pickupPointId: args.pickup,
    customer: { phone: String(PHONE_BASE + phoneStart + n), name: '压测' },
    items: [{ itemId: args.item, quantity: 1 }],
  });
  const text =
    `POST ${args.path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
    `Idempotency-Key: ${key}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return { key, text };
}

function errorCode(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { code?: string } };
    return parsed.error?.code ?? 'none';
  } catch {
    return 'unparsable';
  }
}

async function client(index: number): Promise<void> {
  const url = targets[index % targets.length] as URL;
  let conn: Connection | undefined;
  while (!stopping) {
    if (maxRequests > 0 && seq >= maxRequests) break;
    const n = seq++;
    const { key, text } = requestFor(url, n);
    conn ??= new Connection(url);
    total.sent += 1;
    const t0 = performance.now();
    let answer: Answer;
    try {
      answer = await conn.send(text);
    } catch (err) {
      total.errors += 1;
      bump(total.errorKinds, (err as NodeJS.ErrnoException).code ?? (err as Error).message);
      conn.close();
      conn = undefined;
      // The server is gone (chaos) or refusing: do not spin.
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    const t1 = performance.now();
    if (conn.closed) conn = undefined;
    const status = String(answer.status);
    bump(total.byStatus, status);
    const code = answer.status >= 400 ? errorCode(answer.body) : undefined;
    if (code) bump(total.byCode, code);
    if (t1 >= windowStart && t1 <= windowEnd) {
      bump(win.byStatus, status);
      if (code) bump(win.byCode, code);
      win.latencies.push(t1 - t0);
    }
    if (record && answer.status === 201) {
      const parsed = JSON.parse(answer.body.toString('utf8')) as { order: { id: string } };
      acks.push({ key, orderId: parsed.order.id });
    }
  }
  conn?.close();
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function main(): Promise<void> {
  const t0 = performance.now();
  process.on('message', (m: unknown) => {
    if (m && typeof m === 'object' && 'stop' in m) stopping = true;
  });
  const sale = maxRequests > 0;
  // A sell-out run counts everything from the first request; a timed run measures a window
  // after a warm-up, and stops when the window closes.
  windowStart = sale ? t0 : t0 + warmupSeconds * 1000;
  windowEnd = sale ? Number.POSITIVE_INFINITY : windowStart + seconds * 1000;
  const timers: NodeJS.Timeout[] = [];
  if (!sale) {
    timers.push(setTimeout(() => process.send?.({ event: 'window-start' }), windowStart - t0));
    timers.push(
      setTimeout(
        () => {
          process.send?.({ event: 'window-end' });
          stopping = true;
        },
        windowEnd - t0 + 1,
      ),
    );
  } else {
    process.send?.({ event: 'window-start' });
  }
  await Promise.all(Array.from({ length: concurrency }, (_, i) => client(i)));
  for (const t of timers) clearTimeout(t);
  const ended = performance.now();
  if (sale) process.send?.({ event: 'window-end' });
  const measured = sale ? (ended - t0) / 1000 : seconds;
  const lat = Float64Array.from(win.latencies).sort();
  const responses = win.latencies.length;
  const result = {
    targets: targets.map((t) => t.origin),
    path: args.path,
    concurrency,
    warmupSeconds: sale ? 0 : warmupSeconds,
    seconds: round2(measured),
    maxRequests: sale ? maxRequests : null,
    window: {
      responses,
      perSecond: round2(responses / measured),
      byStatus: win.byStatus,
      byCode: win.byCode,
      okPerSecond: round2(((win.byStatus['201'] ?? 0) + (win.byStatus['200'] ?? 0)) / measured),
      p50Ms: round2(percentile(lat, 0.5)),
      p90Ms: round2(percentile(lat, 0.9)),
      p99Ms: round2(percentile(lat, 0.99)),
      p999Ms: round2(percentile(lat, 0.999)),
      maxMs: round2(lat[lat.length - 1] ?? 0),
    },
    total,
    loadGeneratorCpuSeconds: round2((process.cpuUsage().user + process.cpuUsage().system) / 1e6),
    ...(record ? { acks } : {}),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // The IPC channel would keep the process alive.
  process.disconnect?.();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

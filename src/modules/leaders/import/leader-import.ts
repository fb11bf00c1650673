import { type Cell, headerText, type RowError } from '../../../platform/imports/index.js';
import { normalizePhone } from '../../customers/index.js';
import { normalizeLeaderCode } from '../leader-code.js';
import { type LeaderNetworkErrorCode, leaderNetworkErrors } from '../network/network.errors.js';
import { cycleFrom } from '../network/network-rules.js';
import { LEADER_IMPORT_COLUMNS, type LeaderColumnKey } from './leader-import-columns.js';

/**
 * Row-by-row validation of a leader import (团长导入), as pure functions: `parseLeaderRow` checks one
 * row alone; `planLeaderImport` checks rows against each other (phones and codes repeated, referrers
 * that name no one, referrals that form a cycle) and against what the database holds (passed in),
 * and orders the good rows so every referrer is written before the leaders it recruited.
 */

export type LeaderRawRow = Partial<Record<LeaderColumnKey, Cell>>;

export interface ParsedLeaderRow {
  row: number;
  name: string | null;
  phone: string | null;
  region: string | null;
  /** The row's code as written (upper case, no spaces), for other rows to refer to. */
  code: string | null;
  referrerCode: string | null;
  pickupName: string | null;
  pickupAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  capacity: number | null;
  errors: RowError[];
}

/**
 * One row's problem, naming its column as the template's header does ("容量 capacity"), so the
 * report and its xlsx point at the column a person sees; `field` keeps the stable key.
 */
export function leaderRowError(
  row: number,
  field: LeaderColumnKey,
  code: LeaderNetworkErrorCode,
  detail?: string,
): RowError {
  const spec = leaderNetworkErrors[code];
  const tail = detail === undefined ? '' : `: ${detail}`;
  const column = LEADER_IMPORT_COLUMNS.find((c) => c.key === field);
  return {
    row,
    field,
    column: column ? headerText(column) : field,
    code,
    message: `${spec.en}${tail}`,
    messageZh: `${spec.zh}${tail}`,
  };
}

function text(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const s = String(cell).trim();
  return s === '' ? null : s;
}

const ROW_CODE = /^[A-Z0-9_-]{1,32}$/;

/** A code as rows refer to it: spaces removed, upper case. */
export function rowCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function parseLeaderRow(raw: LeaderRawRow, row: number): ParsedLeaderRow {
  const errors: RowError[] = [];
  const fail = (field: LeaderColumnKey, code: LeaderNetworkErrorCode, detail?: string) =>
    errors.push(leaderRowError(row, field, code, detail));
  const required = (field: LeaderColumnKey, max: number): string | null => {
    const v = text(raw[field]);
    if (v === null) fail(field, 'leaders.row.required');
    else if (v.length > max) fail(field, 'leaders.row.too_long', `max ${max}`);
    else return v;
    return null;
  };
  const optional = (field: LeaderColumnKey, max: number): string | null => {
    const v = text(raw[field]);
    if (v !== null && v.length > max) {
      fail(field, 'leaders.row.too_long', `max ${max}`);
      return null;
    }
    return v;
  };
  const number = (field: LeaderColumnKey): number | null => {
    const v = text(raw[field]);
    if (v === null) return null;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      fail(field, 'leaders.row.invalid_number', v.slice(0, 32));
      return null;
    }
    return n;
  };

  const name = required('name', 50);
  const phoneText = text(raw.phone);
  let phone: string | null = null;
  if (phoneText === null) fail('phone', 'leaders.row.required');
  else {
    phone = normalizePhone(phoneText);
    if (phone === null) fail('phone', 'leaders.row.invalid_phone', phoneText.slice(0, 32));
  }
  const region = required('region', 64);
  const codeText = text(raw.code);
  let code: string | null = null;
  if (codeText !== null) {
    code = rowCode(codeText);
    if (!ROW_CODE.test(code)) {
      fail('code', 'leaders.row.invalid_code', codeText.slice(0, 32));
      code = null;
    }
  }
  const referrerText = text(raw.referrer_code);
  const referrerCode = referrerText === null ? null : rowCode(referrerText);
  const pickupName = required('pickup_name', 100);
  const pickupAddress = required('pickup_address', 300);
  const latitude = number('latitude');
  const longitude = number('longitude');
  const latBad = latitude !== null && Math.abs(latitude) > 90;
  const lngBad = longitude !== null && Math.abs(longitude) > 180;
  if (latBad || lngBad || (latitude === null) !== (longitude === null)) {
    const field = latBad || (latitude === null && longitude !== null) ? 'latitude' : 'longitude';
    fail(field, 'leaders.row.coordinates', `${latitude ?? '—'}, ${longitude ?? '—'}`);
  }
  const openingHours = optional('opening_hours', 200);
  const capacityRaw = number('capacity');
  let capacity: number | null = null;
  if (capacityRaw !== null) {
    if (capacityRaw < 0) fail('capacity', 'leaders.row.negative', String(capacityRaw));
    else if (!Number.isInteger(capacityRaw) || capacityRaw > 1_000_000)
      fail('capacity', 'leaders.row.not_whole_number', String(capacityRaw));
    else capacity = capacityRaw;
  }
  return {
    row,
    name,
    phone,
    region,
    code,
    referrerCode,
    pickupName,
    pickupAddress,
    latitude: latBad || lngBad ? null : latitude,
    longitude: latBad || lngBad ? null : longitude,
    openingHours,
    capacity,
    errors,
  };
}

/** What the database holds, looked up once for the phones, codes and regions the file mentions. */
export interface LeaderImportContext {
  /** Region id by lower-cased code, and by lower-cased name where the name is unique. */
  regions: ReadonlyMap<string, string>;
  /** Existing leaders' ids by their share code. */
  leaderCodes: ReadonlyMap<string, string>;
  /** Normalised phones that already belong to a leader. */
  takenPhones: ReadonlySet<string>;
}

/** One leader to create. `referrer` names an existing leader or another planned row. */
export interface PlannedLeader {
  row: number;
  name: string;
  phone: string;
  regionId: string;
  /** The share code to keep, when the row's code is a valid free one. */
  shareCode: string | null;
  referrer: { kind: 'existing'; leaderId: string } | { kind: 'row'; row: number } | null;
  pickupPoint: {
    name: string;
    address: string;
    latitude: number | null;
    longitude: number | null;
    openingHours: string;
    capacity: number | null;
  };
}

export interface LeaderImportPlan {
  /** Good rows, each after the row of its referrer. */
  leaders: PlannedLeader[];
  errors: RowError[];
  totalRows: number;
  goodRows: number;
}

/**
 * Checks rows against each other and the database, and orders the good ones. A row whose referrer
 * row has errors cannot be written either (its upline would be missing), so errors spread down the
 * referral chain; a cycle spoils every row on it.
 */
export function planLeaderImport(
  parsed: readonly ParsedLeaderRow[],
  ctx: LeaderImportContext,
): LeaderImportPlan {
  const errors: RowError[] = parsed.flatMap((r) => r.errors);
  const bad = new Set(errors.map((e) => e.row));
  const fail = (
    r: ParsedLeaderRow,
    field: LeaderColumnKey,
    code: LeaderNetworkErrorCode,
    detail?: string,
  ) => {
    errors.push(leaderRowError(r.row, field, code, detail));
    bad.add(r.row);
  };
  const regionOf = new Map<number, string>();
  const seenPhones = new Set<string>();
  const rowByCode = new Map<string, ParsedLeaderRow>();
  for (const r of parsed) {
    if (r.region !== null) {
      const id = ctx.regions.get(r.region.toLowerCase());
      if (id === undefined) fail(r, 'region', 'leaders.row.unknown_region', r.region.slice(0, 64));
      else regionOf.set(r.row, id);
    }
    if (r.phone !== null) {
      if (ctx.takenPhones.has(r.phone)) fail(r, 'phone', 'leaders.row.phone_taken');
      else if (seenPhones.has(r.phone)) fail(r, 'phone', 'leaders.row.duplicate_phone');
      seenPhones.add(r.phone);
    }
    if (r.code !== null) {
      if (rowByCode.has(r.code)) fail(r, 'code', 'leaders.row.duplicate_code', r.code);
      else {
        rowByCode.set(r.code, r);
        if (normalizeLeaderCode(r.code) !== null && ctx.leaderCodes.has(r.code))
          fail(r, 'code', 'leaders.row.code_taken', r.code);
      }
    }
  }
  // Referrers: a row of this file first (its code), then an existing leader's share code.
  const parentRow = new Map<number, number>();
  const existingParent = new Map<number, string>();
  for (const r of parsed) {
    if (r.referrerCode === null) continue;
    const inFile = rowByCode.get(r.referrerCode);
    if (inFile) parentRow.set(r.row, inFile.row);
    else {
      const id = ctx.leaderCodes.get(r.referrerCode);
      if (id === undefined)
        fail(r, 'referrer_code', 'leaders.row.unknown_referrer', r.referrerCode.slice(0, 32));
      else existingParent.set(r.row, id);
    }
  }
  const byRow = new Map(parsed.map((r) => [r.row, r]));
  const onCycle = new Set<number>();
  for (const r of parsed) {
    if (onCycle.has(r.row)) continue;
    const cycle = cycleFrom(String(r.row), (id) => {
      const p = parentRow.get(Number(id));
      return p === undefined ? null : String(p);
    });
    if (cycle) for (const id of cycle) onCycle.add(Number(id));
  }
  for (const row of [...onCycle].sort((a, b) => a - b)) {
    const r = byRow.get(row);
    if (r) fail(r, 'referrer_code', 'leaders.row.referrer_cycle', r.referrerCode ?? '');
  }
  // A row under a bad row is bad too, down the chain (repeat until nothing changes).
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of parsed) {
      const p = parentRow.get(r.row);
      if (p !== undefined && bad.has(p) && !bad.has(r.row)) {
        fail(r, 'referrer_code', 'leaders.row.referrer_row_invalid', `row ${p}`);
        changed = true;
      }
    }
  }
  // Good rows in an order where every referrer row comes first (depth-first from each row's root).
  const ordered: PlannedLeader[] = [];
  const placed = new Set<number>();
  const place = (r: ParsedLeaderRow) => {
    const chain: ParsedLeaderRow[] = [];
    for (let cur: ParsedLeaderRow | undefined = r; cur && !placed.has(cur.row); ) {
      chain.push(cur);
      const p = parentRow.get(cur.row);
      cur = p === undefined ? undefined : byRow.get(p);
    }
    for (const c of chain.reverse()) {
      placed.add(c.row);
      ordered.push(toPlanned(c, regionOf, parentRow, existingParent, ctx));
    }
  };
  for (const r of parsed) if (!bad.has(r.row) && !placed.has(r.row)) place(r);
  errors.sort((a, b) => a.row - b.row);
  return { leaders: ordered, errors, totalRows: parsed.length, goodRows: ordered.length };
}

function toPlanned(
  r: ParsedLeaderRow,
  regionOf: ReadonlyMap<number, string>,
  parentRow: ReadonlyMap<number, number>,
  existingParent: ReadonlyMap<number, string>,
  ctx: LeaderImportContext,
): PlannedLeader {
  const p = parentRow.get(r.row);
  const e = existingParent.get(r.row);
  const share = r.code === null ? null : normalizeLeaderCode(r.code);
  return {
    row: r.row,
    name: r.name as string,
    phone: r.phone as string,
    regionId: regionOf.get(r.row) as string,
    shareCode: share !== null && !ctx.leaderCodes.has(share) ? share : null,
    referrer:
      p !== undefined ? { kind: 'row', row: p } : e !== undefined ? { kind: 'existing', leaderId: e } : null,
    pickupPoint: {
      name: r.pickupName as string,
      address: r.pickupAddress as string,
      latitude: r.latitude,
      longitude: r.longitude,
      openingHours: r.openingHours ?? '',
      capacity: r.capacity,
    },
  };
}

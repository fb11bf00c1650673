import { describe, expect, it } from 'vitest';
import {
  type LeaderImportContext,
  type LeaderRawRow,
  parseLeaderRow,
  planLeaderImport,
} from './leader-import.js';

const ctx: LeaderImportContext = {
  regions: new Map([
    ['330106', 'reg_xh'],
    ['西湖区', 'reg_xh'],
  ]),
  leaderCodes: new Map([['ABCDEF', 'ldr_existing']]),
  takenPhones: new Set(['13900000009']),
};

let phone = 13_800_000_000;
function raw(over: LeaderRawRow = {}): LeaderRawRow {
  phone += 1;
  return {
    name: '张三',
    phone: String(phone),
    region: '西湖区',
    pickup_name: '阳光小区 5 幢',
    pickup_address: '杭州市西湖区阳光路 1 号',
    ...over,
  };
}

function plan(rows: LeaderRawRow[]) {
  return planLeaderImport(
    rows.map((r, i) => parseLeaderRow(r, i + 2)),
    ctx,
  );
}

describe('parseLeaderRow', () => {
  it('accepts a complete row and normalises phone and codes', () => {
    const r = parseLeaderRow(
      raw({
        phone: '+86 139 1234 5678',
        code: ' hz 001 ',
        referrer_code: 'abcdef',
        latitude: 30.2,
        longitude: '120.1',
        capacity: 200,
      }),
      2,
    );
    expect(r.errors).toEqual([]);
    expect(r.phone).toBe('13912345678');
    expect(r.code).toBe('HZ001');
    expect(r.referrerCode).toBe('ABCDEF');
    expect([r.latitude, r.longitude, r.capacity]).toEqual([30.2, 120.1, 200]);
  });
  it('names the column of every problem, in both languages', () => {
    const r = parseLeaderRow(
      {
        name: '',
        phone: '12345',
        region: '',
        pickup_name: 'x',
        pickup_address: 'y',
        latitude: 91,
        longitude: 120,
        capacity: -1,
        code: 'a/b',
      },
      7,
    );
    expect(r.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [7, 'name', 'leaders.row.required'],
      [7, 'phone', 'leaders.row.invalid_phone'],
      [7, 'region', 'leaders.row.required'],
      [7, 'code', 'leaders.row.invalid_code'],
      [7, 'latitude', 'leaders.row.coordinates'],
      [7, 'capacity', 'leaders.row.negative'],
    ]);
    expect(r.errors.every((e) => e.message.length > 0 && e.messageZh.length > 0)).toBe(true);
    // The column as the template's header names it, Chinese first.
    expect(r.errors.map((e) => e.column)).toEqual([
      '姓名 name',
      '手机号 phone',
      '所属区域 region',
      '团长码 code',
      '纬度 latitude',
      '容量 capacity',
    ]);
  });
  it('says a negative number must be >= 0, and a fraction must be whole', () => {
    const [neg] = parseLeaderRow(raw({ capacity: '-3' }), 2).errors;
    expect(neg).toMatchObject({
      code: 'leaders.row.negative',
      messageZh: '必须 ≥ 0: -3',
      message: 'Must be >= 0: -3',
    });
    const [frac] = parseLeaderRow(raw({ capacity: 2.5 }), 2).errors;
    expect(frac).toMatchObject({ code: 'leaders.row.not_whole_number' });
    expect(frac?.messageZh).not.toContain('不是有效的数字');
  });
  it('wants both coordinates or neither', () => {
    expect(parseLeaderRow(raw({ latitude: 30 }), 2).errors.map((e) => e.field)).toEqual(['longitude']);
  });
});

describe('planLeaderImport', () => {
  it('links referrers in the file and in the system, writing referrers first', () => {
    const p = plan([
      raw({ code: 'C3', referrer_code: 'C2' }),
      raw({ code: 'C1', referrer_code: 'ABCDEF' }),
      raw({ code: 'C2', referrer_code: 'c1' }),
    ]);
    expect(p.errors).toEqual([]);
    expect(p.leaders.map((l) => l.row)).toEqual([3, 4, 2]);
    expect(p.leaders[0]?.referrer).toEqual({ kind: 'existing', leaderId: 'ldr_existing' });
    expect(p.leaders[1]?.referrer).toEqual({ kind: 'row', row: 3 });
    expect(p.leaders[2]?.referrer).toEqual({ kind: 'row', row: 4 });
  });
  it('keeps a valid free share code and only links by other codes', () => {
    const p = plan([raw({ code: 'HZK7PQ' }), raw({ code: 'OLD-1' })]);
    expect(p.leaders.map((l) => l.shareCode)).toEqual(['HZK7PQ', null]);
  });
  it('refuses unknown referrers, cycles, and the rows below a bad row', () => {
    const p = plan([
      raw({ code: 'A1', referrer_code: 'A2' }),
      raw({ code: 'A2', referrer_code: 'A1' }),
      raw({ code: 'B1', referrer_code: 'NOBODY' }),
      raw({ code: 'B2', referrer_code: 'B1' }),
      raw({ code: 'S1', referrer_code: 'S1' }),
      raw({ code: 'OK' }),
    ]);
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'leaders.row.referrer_cycle'],
      [3, 'leaders.row.referrer_cycle'],
      [4, 'leaders.row.unknown_referrer'],
      [5, 'leaders.row.referrer_row_invalid'],
      [6, 'leaders.row.referrer_cycle'],
    ]);
    expect(p.leaders.map((l) => l.row)).toEqual([7]);
    expect(p.goodRows).toBe(1);
  });
  it('refuses phones and codes repeated in the file or already taken, and unknown regions', () => {
    const p = plan([
      raw({ phone: '13900000009' }),
      raw({ phone: '13700000001', code: 'D1' }),
      raw({ phone: '13700000001', code: 'D1' }),
      raw({ code: 'ABCDEF' }),
      raw({ region: '火星' }),
    ]);
    expect(p.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'phone', 'leaders.row.phone_taken'],
      [4, 'phone', 'leaders.row.duplicate_phone'],
      [4, 'code', 'leaders.row.duplicate_code'],
      [5, 'code', 'leaders.row.code_taken'],
      [6, 'region', 'leaders.row.unknown_region'],
    ]);
    expect(p.leaders.map((l) => l.row)).toEqual([3]);
  });
});

import type { ImportColumn } from '../../../platform/imports/import-sheet.js';

/**
 * The columns of the leader import template (团长导入模板), in sheet order. One row is one leader
 * with their first pickup point. Either name in a header cell is enough ("手机号 phone", "phone").
 */
export const LEADER_IMPORT_COLUMNS = [
  {
    key: 'name',
    zh: '姓名',
    required: true,
    noteZh: '必填，最多 50 字。',
    noteEn: 'Required, at most 50 characters.',
    example: '张三（阳光小区）',
  },
  {
    key: 'phone',
    zh: '手机号',
    required: true,
    noteZh: '必填，11 位大陆手机号；每位团长唯一。',
    noteEn: 'Required, a mainland mobile number; one per leader.',
    example: '13800000001',
  },
  {
    key: 'region',
    zh: '所属区域',
    required: true,
    noteZh: '必填，系统中已有区域的编码或名称（如 330106 或 西湖区）。',
    noteEn: 'Required: an existing region, by code or by name (e.g. 330106 or 西湖区).',
    example: '330106',
  },
  {
    key: 'code',
    zh: '团长码',
    required: false,
    noteZh:
      '选填。原系统中的团长编号，供其他行的"推荐人团长码"引用；若为 6 位有效团长码（不含 0、O、1、I）且未被占用，则沿用为分享码，否则系统生成新码。',
    noteEn:
      'Optional. The leader’s number in the old system, for other rows’ referrer column; kept as the share code when it is a valid free 6-character code (no 0, O, 1, I), otherwise a new code is generated.',
    example: 'ZS2024',
  },
  {
    key: 'referrer_code',
    zh: '推荐人团长码',
    required: false,
    noteZh: '选填。文件中另一行的团长码，或系统中已有团长的团长码。不能形成循环。',
    noteEn: 'Optional. Another row’s code in this file, or an existing leader’s code. No cycles.',
    example: '',
  },
  {
    key: 'pickup_name',
    zh: '自提点名称',
    required: true,
    noteZh: '必填，团长的第一个自提点，最多 100 字。',
    noteEn: 'Required: the leader’s first pickup point, at most 100 characters.',
    example: '阳光小区 5 幢门卫',
  },
  {
    key: 'pickup_address',
    zh: '自提点地址',
    required: true,
    noteZh: '必填，最多 300 字。',
    noteEn: 'Required, at most 300 characters.',
    example: '浙江省杭州市西湖区阳光路 1 号',
  },
  {
    key: 'latitude',
    zh: '纬度',
    required: false,
    noteZh: '选填，-90 到 90；与经度同时填写或同时留空。',
    noteEn: 'Optional, -90 to 90; give both coordinates or neither.',
    example: '30.27',
  },
  {
    key: 'longitude',
    zh: '经度',
    required: false,
    noteZh: '选填，-180 到 180。',
    noteEn: 'Optional, -180 to 180.',
    example: '120.13',
  },
  {
    key: 'opening_hours',
    zh: '营业时间',
    required: false,
    noteZh: '选填，如 08:00-20:00。',
    noteEn: 'Optional, e.g. 08:00-20:00.',
    example: '08:00-20:00',
  },
  {
    key: 'capacity',
    zh: '容量',
    required: false,
    noteZh: '选填，自提点每日可存放的订单数，非负整数。',
    noteEn: 'Optional: orders the pickup point can hold a day, a whole number ≥ 0.',
    example: '200',
  },
] as const satisfies readonly ImportColumn[];

export type LeaderColumnKey = (typeof LEADER_IMPORT_COLUMNS)[number]['key'];

import { defineErrors, errorFactory } from '../../../platform/errors.js';

/**
 * Error codes of the referral network, regions, region managers and the leader import (推荐关系 /
 * 区域 / 区域经理 / 团长导入). Codes start with `leaders.` like the rest of the module; this is a
 * catalogue of its own so the parts of the leaders module can grow without editing one file.
 */
export const leaderNetworkErrors = defineErrors({
  'leaders.referrer_not_found': {
    kind: 'validation',
    en: 'No leader has this referrer id or code',
    zh: '推荐人不存在',
  },
  'leaders.referrer_cycle': {
    kind: 'validation',
    en: 'The referrer is the leader or one of their own team: this would form a cycle',
    zh: '推荐人不能是该团长本人或其下级团队成员（会形成循环）',
  },
  'leaders.referrer_unchanged': {
    kind: 'conflict',
    en: 'The leader already has this referrer',
    zh: '该团长的推荐人已是此人',
  },
  'leaders.reason_required': {
    kind: 'validation',
    en: 'Give a reason for this change',
    zh: '请填写变更原因',
  },
  'leaders.date_range_invalid': {
    kind: 'validation',
    en: 'The start of the range is after its end',
    zh: '开始日期晚于结束日期',
  },
  'leaders.region_parent_not_found': {
    kind: 'validation',
    en: 'No region has this parent id',
    zh: '上级区域不存在',
  },
  'leaders.region_missing': { kind: 'not_found', en: 'Region not found', zh: '区域不存在' },
  'leaders.region_cycle': {
    kind: 'validation',
    en: 'A region cannot be moved under itself or one of the regions below it',
    zh: '区域不能移动到自身或其下级区域之下',
  },
  'leaders.region_code_taken': {
    kind: 'conflict',
    en: 'Another region already has this code',
    zh: '区域编码已被使用',
  },
  'leaders.region_manager_user_invalid': {
    kind: 'validation',
    en: 'This login does not exist or does not have the region manager role',
    zh: '该账号不存在或不是区域经理角色',
  },
  'leaders.region_manager_not_found': {
    kind: 'not_found',
    en: 'This user is not a manager of this region',
    zh: '该账号不是此区域的区域经理',
  },
  'leaders.region_manager_exists': {
    kind: 'conflict',
    en: 'This user already manages this region',
    zh: '该账号已是此区域的区域经理',
  },
  'leaders.import_file_invalid': {
    kind: 'validation',
    en: 'The file is not a readable xlsx workbook',
    zh: '文件不是可读取的 xlsx 工作簿',
  },
  'leaders.import_missing_columns': {
    kind: 'validation',
    en: 'The sheet lacks required columns',
    zh: '表格缺少必填列',
  },
  'leaders.import_too_many_rows': {
    kind: 'payload_too_large',
    en: 'The sheet has too many rows',
    zh: '表格行数过多',
  },
  'leaders.import_empty': { kind: 'validation', en: 'The sheet has no data rows', zh: '表格没有数据行' },
  'leaders.import_not_found': { kind: 'not_found', en: 'Import job not found', zh: '导入任务不存在' },
  'leaders.row.required': { kind: 'validation', en: 'This column is required', zh: '此列必填' },
  'leaders.row.too_long': { kind: 'validation', en: 'The value is too long', zh: '内容过长' },
  'leaders.row.invalid_phone': {
    kind: 'validation',
    en: 'Not a mainland China mobile number',
    zh: '手机号格式不正确',
  },
  'leaders.row.duplicate_phone': {
    kind: 'validation',
    en: 'Another row of this file has the same phone',
    zh: '文件中另一行的手机号相同',
  },
  'leaders.row.phone_taken': {
    kind: 'validation',
    en: 'A leader with this phone already exists',
    zh: '已有团长使用该手机号',
  },
  'leaders.row.duplicate_code': {
    kind: 'validation',
    en: 'Another row of this file has the same leader code',
    zh: '文件中另一行的团长码相同',
  },
  'leaders.row.code_taken': {
    kind: 'validation',
    en: 'A leader with this code already exists',
    zh: '团长码已被使用',
  },
  'leaders.row.invalid_code': {
    kind: 'validation',
    en: 'A leader code is 6 letters and digits (no 0, O, 1, I)',
    zh: '团长码应为 6 位字母数字（不含 0、O、1、I）',
  },
  'leaders.row.unknown_region': {
    kind: 'validation',
    en: 'No region has this code or name',
    zh: '区域不存在',
  },
  'leaders.row.unknown_referrer': {
    kind: 'validation',
    en: 'No leader in the system or earlier in this file has this referrer code',
    zh: '推荐人团长码不存在（系统中或文件前面的行中均未找到）',
  },
  'leaders.row.referrer_cycle': {
    kind: 'validation',
    en: 'The referrers of these rows form a cycle',
    zh: '这些行的推荐关系形成了循环',
  },
  'leaders.row.referrer_row_invalid': {
    kind: 'validation',
    en: 'The referrer’s own row has errors',
    zh: '推荐人所在行有错误',
  },
  'leaders.row.invalid_number': { kind: 'validation', en: 'Not a valid number', zh: '不是有效的数字' },
  'leaders.row.negative': { kind: 'validation', en: 'Must be >= 0', zh: '必须 ≥ 0' },
  'leaders.row.not_whole_number': {
    kind: 'validation',
    en: 'Must be a whole number from 0 to 1,000,000',
    zh: '必须是 0 到 1,000,000 之间的整数',
  },
  'leaders.import_running': {
    kind: 'conflict',
    en: 'The import is still running; its files can be downloaded when it has finished',
    zh: '导入仍在进行中，完成后才能下载',
  },
  'leaders.import_logins_none': {
    kind: 'not_found',
    en: 'This import created no logins',
    zh: '该导入没有创建登录账号',
  },
  'leaders.import_logins_downloaded': {
    kind: 'conflict',
    en: 'The one-time passwords were downloaded once and then erased; reset a leader’s password on the users page',
    zh: '初始密码表已下载过一次并已删除；如需重发，请在用户管理中重置密码',
  },
  'leaders.import_logins_not_yours': {
    kind: 'forbidden',
    en: 'Only the operator who ran the import may download its one-time passwords',
    zh: '只有发起导入的操作员可以下载初始密码表',
  },
  'leaders.row.coordinates': {
    kind: 'validation',
    en: 'Latitude must be within ±90 and longitude within ±180, both or neither',
    zh: '纬度须在 ±90 之间、经度须在 ±180 之间，且须同时填写或同时留空',
  },
});

export type LeaderNetworkErrorCode = keyof typeof leaderNetworkErrors;

export const networkError = errorFactory(leaderNetworkErrors);

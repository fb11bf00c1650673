import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of risk review (风控); each code starts with `risk.`. */
export const riskErrors = defineErrors({
  'risk.limit_invalid': {
    kind: 'validation',
    en: 'A limit must be a whole number from 1 to 1,000,000, or empty for no limit',
    zh: '限额须为 1 至 1,000,000 的整数，留空表示不限',
  },
  'risk.phone_invalid': {
    kind: 'validation',
    en: 'Not a mainland China mobile number (11 digits starting 13-19)',
    zh: '手机号格式不正确（应为 11 位大陆手机号）',
  },
  'risk.address_too_short': {
    kind: 'validation',
    en: 'A blocked address needs at least 3 letters or digits (spaces and punctuation do not count)',
    zh: '黑名单地址至少需要 3 个有效字符（空格和标点不计）',
  },
  'risk.blocklist_duplicate': {
    kind: 'conflict',
    en: 'This phone number or address is already on the blocklist',
    zh: '该手机号或地址已在黑名单中',
  },
  'risk.blocklist_not_found': {
    kind: 'not_found',
    en: 'No such blocklist entry',
    zh: '黑名单记录不存在',
  },
  'risk.blocklist_already_removed': {
    kind: 'conflict',
    en: 'This blocklist entry was already removed',
    zh: '该黑名单记录已被移除',
  },
  'risk.hold_not_found': {
    kind: 'not_found',
    en: 'No order on hold has this id',
    zh: '没有该订单的风控审核记录',
  },
  'risk.hold_already_decided': {
    kind: 'conflict',
    en: 'This hold was already decided',
    zh: '该订单已审核过，不能重复处理',
  },
});

export const riskError = errorFactory(riskErrors);

import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the leaders module; each code starts with `leaders.`. */
export const leadersErrors = defineErrors({
  'leaders.not_found': { kind: 'not_found', en: 'Leader not found', zh: '团长不存在' },
  'leaders.pickup_point_not_found': { kind: 'not_found', en: 'Pickup point not found', zh: '自提点不存在' },
  'leaders.region_not_found': { kind: 'validation', en: 'No region has this id', zh: '区域不存在' },
  'leaders.invalid_phone': {
    kind: 'validation',
    en: 'Not a mainland China mobile number (11 digits starting 13-19)',
    zh: '手机号格式不正确（应为 11 位大陆手机号）',
  },
  'leaders.coordinates_incomplete': {
    kind: 'validation',
    en: 'Give both latitude and longitude, or neither',
    zh: '经度和纬度须同时填写或同时留空',
  },
  'leaders.user_not_found': { kind: 'validation', en: 'No login user has this id', zh: '登录账号不存在' },
  'leaders.phone_taken': {
    kind: 'conflict',
    en: 'Another leader already has this phone number',
    zh: '该手机号已被其他团长使用',
  },
  'leaders.user_taken': {
    kind: 'conflict',
    en: 'This login user is already linked to another leader',
    zh: '该登录账号已关联其他团长',
  },
  'leaders.status_unchanged': {
    kind: 'conflict',
    en: 'The leader or pickup point already has this status',
    zh: '团长或自提点已处于该状态',
  },
  'leaders.code_exhausted': {
    kind: 'unavailable',
    en: 'Could not find a free leader code, try again',
    zh: '暂时无法生成团长码，请重试',
  },
});

export type LeadersErrorCode = keyof typeof leadersErrors;

export const leadersError = errorFactory(leadersErrors);

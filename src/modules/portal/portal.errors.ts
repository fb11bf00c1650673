import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the leader portal (团长端); each code starts with `portal.`. */
export const portalErrors = defineErrors({
  'portal.not_a_leader': {
    kind: 'not_found',
    en: 'This login is not linked to a leader; ask the operator to link it',
    zh: '该登录账号未关联团长，请联系运营人员关联',
  },
  'portal.password_change_required': {
    kind: 'forbidden',
    en: 'Change the initial password you were given before using the portal',
    zh: '请先修改审核通过时发放的初始密码',
  },
  'portal.pickup_point_not_own': {
    kind: 'validation',
    en: 'This pickup point is not one of yours',
    zh: '该自提点不是您的自提点',
  },
  'portal.pickup_code_not_found': {
    kind: 'validation',
    en: 'No order waiting at your pickup points has this pickup code',
    zh: '您的自提点没有待提货的订单使用该提货码',
  },
  'portal.pickup_point_ambiguous': {
    kind: 'validation',
    en: 'Orders with this code wait at more than one of your pickup points; choose the pickup point',
    zh: '该提货码在您的多个自提点都有待提货订单，请选择自提点',
  },
  'portal.date_invalid': {
    kind: 'validation',
    en: 'Not a calendar date (YYYY-MM-DD)',
    zh: '日期格式不正确（应为 YYYY-MM-DD）',
  },
});

export type PortalErrorCode = keyof typeof portalErrors;
export const portalError = errorFactory(portalErrors);

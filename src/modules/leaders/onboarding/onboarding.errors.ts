import { defineErrors, errorFactory } from '../../../platform/errors.js';

/**
 * Error codes of leader onboarding (团长招募: application, review, e-signing, training); each code
 * starts with `onboarding.`. Every refusal names the field at fault.
 */
export const onboardingErrors = defineErrors({
  'onboarding.invalid_phone': {
    kind: 'validation',
    en: 'Not a mainland China mobile number (11 digits starting 13-19)',
    zh: '手机号格式不正确（应为 11 位大陆手机号）',
  },
  'onboarding.id_number_format': {
    kind: 'validation',
    en: 'An ID number has 18 characters: 17 digits and a last digit or X',
    zh: '身份证号应为 18 位：17 位数字加 1 位数字或 X',
  },
  'onboarding.id_number_birth_date': {
    kind: 'validation',
    en: 'The birth date in the ID number is not a real date',
    zh: '身份证号中的出生日期无效',
  },
  'onboarding.id_number_checksum': {
    kind: 'validation',
    en: 'The ID number’s check digit is wrong; please check the number',
    zh: '身份证号校验位不正确，请核对号码',
  },
  'onboarding.applicant_underage': {
    kind: 'validation',
    en: 'Leaders sign a contract and must be at least 18 years old',
    zh: '团长需签署合作协议，须年满 18 周岁',
  },
  'onboarding.latitude_out_of_range': {
    kind: 'validation',
    en: 'Latitude must be a number between -90 and 90',
    zh: '纬度须为 -90 到 90 之间的数字',
  },
  'onboarding.longitude_out_of_range': {
    kind: 'validation',
    en: 'Longitude must be a number between -180 and 180',
    zh: '经度须为 -180 到 180 之间的数字',
  },
  'onboarding.region_not_found': { kind: 'validation', en: 'No region has this id', zh: '区域不存在' },
  'onboarding.referrer_not_found': {
    kind: 'validation',
    en: 'No leader has this referrer code',
    zh: '推荐人团长码不存在',
  },
  'onboarding.referrer_inactive': {
    kind: 'validation',
    en: 'The referrer is suspended and cannot recruit leaders now',
    zh: '推荐人已停用，暂时不能推荐新团长',
  },
  'onboarding.too_many_applications': {
    kind: 'rate_limited',
    en: 'Too many applications from this phone number or network; try again after this many seconds',
    zh: '该手机号或网络提交的申请过多，请在以下秒数之后再试',
  },
  'onboarding.phone_has_application': {
    kind: 'conflict',
    en: 'This phone number already has an application that is pending review or approved',
    zh: '该手机号已有待审核或已通过的申请，请勿重复申请',
  },
  'onboarding.id_number_has_application': {
    kind: 'conflict',
    en: 'This ID number already has an application that is pending review or approved',
    zh: '该身份证号已有待审核或已通过的申请，请勿重复申请',
  },
  'onboarding.phone_is_leader': {
    kind: 'conflict',
    en: 'This phone number already belongs to a leader',
    zh: '该手机号已是团长',
  },
  'onboarding.application_not_found': {
    kind: 'not_found',
    en: 'Application not found',
    zh: '申请不存在',
  },
  'onboarding.status_link_invalid': {
    kind: 'not_found',
    en: 'This status link is not valid; use the link you were given when you applied',
    zh: '查询链接无效，请使用提交申请时获得的链接',
  },
  'onboarding.already_decided': {
    kind: 'conflict',
    en: 'This application has already been approved or rejected',
    zh: '该申请已审核，不能重复处理',
  },
  'onboarding.reason_required': {
    kind: 'validation',
    en: 'Give the reason for rejecting the application',
    zh: '请填写驳回原因',
  },
  'onboarding.not_a_leader': {
    kind: 'not_found',
    en: 'This login is not linked to a leader',
    zh: '当前账号未关联团长',
  },
  'onboarding.password_change_required': {
    kind: 'forbidden',
    en: 'Change the initial password before continuing',
    zh: '请先修改初始密码',
  },
  'onboarding.no_current_agreement': {
    kind: 'conflict',
    en: 'No agreement has been published yet',
    zh: '暂无需要签署的协议',
  },
  'onboarding.agreement_outdated': {
    kind: 'conflict',
    en: 'A newer version of the agreement was published; read it again before signing',
    zh: '协议已更新，请重新阅读后签署',
  },
  'onboarding.agreement_already_signed': {
    kind: 'conflict',
    en: 'You have already signed this version of the agreement',
    zh: '您已签署过该版本协议',
  },
  'onboarding.agreement_effective_past': {
    kind: 'validation',
    en: 'The effective date cannot be before today',
    zh: '生效日期不能早于今天',
  },
  'onboarding.first_review_disabled': {
    // A state of the company, not a missing permission: 409, so a 403 always means "not your role".
    kind: 'conflict',
    en: 'Region managers’ first review of applications is turned off for this company',
    zh: '公司未开启区域经理初审',
  },
  'onboarding.first_review_not_pending': {
    kind: 'conflict',
    en: 'Only a pending application can be first-reviewed',
    zh: '只有待审核的申请可以初审',
  },
  'onboarding.typed_name_mismatch': {
    kind: 'validation',
    en: 'Type your name as registered (the shop name in brackets may be left out)',
    zh: '请输入与登记一致的姓名（括号中的店名可省略）',
  },
  'onboarding.consent_required': {
    kind: 'validation',
    en: 'Tick the box to confirm you have read and agree to the agreement',
    zh: '请勾选“已阅读并同意”',
  },
  'onboarding.signature_invalid': {
    kind: 'validation',
    en: 'The signature must be a PNG image drawn on the signing page',
    zh: '签名须为在签署页手写生成的 PNG 图片',
  },
  'onboarding.signature_blank': {
    kind: 'validation',
    en: 'The signature is empty; draw your signature',
    zh: '签名为空，请手写签名',
  },
  'onboarding.signature_too_large': {
    kind: 'payload_too_large',
    en: 'The signature image is too large',
    zh: '签名图片过大',
  },
  'onboarding.signature_not_found': {
    kind: 'not_found',
    en: 'Signed agreement record not found',
    zh: '签署记录不存在',
  },
  'onboarding.material_not_found': {
    kind: 'not_found',
    en: 'Training material not found',
    zh: '培训资料不存在',
  },
  'onboarding.material_body_required': {
    kind: 'validation',
    en: 'An article needs some text',
    zh: '图文资料须填写正文',
  },
  'onboarding.material_url_required': {
    kind: 'validation',
    en: 'A video or document needs its link (http or https)',
    zh: '视频或文档资料须填写链接（http 或 https）',
  },
  'onboarding.material_archived': {
    kind: 'conflict',
    en: 'This training material has been archived',
    zh: '该培训资料已下架',
  },
  'onboarding.material_status_unchanged': {
    kind: 'conflict',
    en: 'The training material already has this status',
    zh: '培训资料已处于该状态',
  },
});

export type OnboardingErrorCode = keyof typeof onboardingErrors;

export const onboardingError = errorFactory(onboardingErrors);

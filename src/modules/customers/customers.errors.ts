import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the customers module; each code starts with `customers.`. */
export const customersErrors = defineErrors({
  'customers.not_found': { kind: 'not_found', en: 'Customer not found', zh: '用户不存在' },
  'customers.invalid_phone': {
    kind: 'validation',
    en: 'Not a mainland China mobile number (11 digits starting 13-19)',
    zh: '手机号格式不正确（应为 11 位大陆手机号）',
  },
  'customers.phone_unreadable': {
    kind: 'internal',
    en: 'The stored phone number cannot be decrypted with the current key',
    zh: '当前密钥无法解密已存储的手机号',
  },
});

export type CustomersErrorCode = keyof typeof customersErrors;

export const customersError = errorFactory(customersErrors);

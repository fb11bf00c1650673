import type { Entry } from '../i18n';

/** Words of the customers page (用户 / 团员), Chinese first. */
export const customersMessages = {
  'nav.customers': { zh: '用户/团员', en: 'Customers' },

  'customers.searchPlaceholder': { zh: '完整手机号或姓名', en: 'Full phone number or name' },
  'customers.searchHint': {
    zh: '手机号加密存储，只能按完整号码查找',
    en: 'Phones are stored encrypted; search by the whole number',
  },
  'customers.phone': { zh: '手机号', en: 'Phone' },
  'customers.name': { zh: '姓名', en: 'Name' },
  'customers.defaultPickupPoint': { zh: '常用自提点', en: 'Usual pickup point' },
  'customers.createdAt': { zh: '首次下单', en: 'First seen' },
  'customers.reveal': { zh: '显示号码', en: 'Show number' },
  'customers.revealHint': {
    zh: '查看完整号码会记入审计日志',
    en: 'Viewing the full number is recorded in the audit log',
  },
} as const satisfies Record<string, Entry>;

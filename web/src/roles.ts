import type { Lang } from './i18n';

/**
 * How each role is named and coloured. The server owns which roles exist; a role the console does not
 * know yet is still shown, under its code, so a newer server never makes a user disappear.
 */
const ROLE_INFO: Record<string, { zh: string; en: string; color: string }> = {
  admin: { zh: '管理员', en: 'Admin', color: 'red' },
  operator: { zh: '运营', en: 'Operator', color: 'blue' },
  finance: { zh: '财务', en: 'Finance', color: 'gold' },
  warehouse: { zh: '仓管', en: 'Warehouse', color: 'cyan' },
  region_manager: { zh: '区域经理', en: 'Region manager', color: 'purple' },
  leader: { zh: '团长', en: 'Leader', color: 'green' },
  customer: { zh: '用户', en: 'Customer', color: 'default' },
};

export const KNOWN_ROLES: readonly string[] = Object.keys(ROLE_INFO);

export function roleLabel(role: string, lang: Lang): string {
  return ROLE_INFO[role]?.[lang] ?? role;
}

export function roleColor(role: string): string {
  return ROLE_INFO[role]?.color ?? 'default';
}

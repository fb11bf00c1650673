/**
 * The console's words, Chinese first and English second. Every key carries both languages so that a
 * missing translation is a type error rather than a blank label.
 */
export type Lang = 'zh' | 'en';

export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface Entry {
  zh: string;
  en: string;
}

// Each business module keeps its words in its own file, merged here.
import { campaignsMessages } from './messages/campaigns';
import { catalogMessages } from './messages/catalog';
import { commissionMessages } from './messages/commission';
import { commissionEntriesMessages } from './messages/commission-entries';
import { commissionPeriodMessages } from './messages/commission-period';
import { customersMessages } from './messages/customers';
import { financeMessages } from './messages/finance';
import { inventoryMessages } from './messages/inventory';
import { leaderLevelsMessages } from './messages/leader-levels';
import { leaderNetworkMessages } from './messages/leader-network';
import { leaderOnboardingMessages } from './messages/leader-onboarding';
import { leaderPortalMessages } from './messages/leader-portal';
import { leadersMessages } from './messages/leaders';
import { ordersMessages } from './messages/orders';
import { riskMessages } from './messages/risk';
import { storefrontMessages } from './messages/storefront';

const coreMessages = {
  'app.name': { zh: 'tuanflow 团购ERP', en: 'tuanflow 团购ERP' },
  'app.lang.zh': { zh: '中文', en: '中文' },
  'app.lang.en': { zh: 'English', en: 'English' },
  'app.loading': { zh: '加载中…', en: 'Loading…' },
  'app.sessionExpired': { zh: '登录已失效，请重新登录', en: 'Your session has ended; please log in again' },
  'app.unexpectedError': { zh: '发生未知错误', en: 'Something went wrong' },

  'login.title': { zh: '登录', en: 'Log in' },
  'setup.title': { zh: '创建首个管理员', en: 'Create the first administrator' },
  'setup.intro': {
    zh: '系统中还没有任何用户。此一次性链接只能使用一次；其他用户请登录后在用户管理中创建。',
    en: 'There is no user yet. This one-time link works once; create every other user on the users page after logging in.',
  },
  'setup.noToken': {
    zh: '链接缺少令牌：请使用服务启动时打印的完整链接，或运行 npm run admin -- create。',
    en: 'The link has no token: use the whole link the server printed at start, or run npm run admin -- create.',
  },
  'setup.displayName': { zh: '显示名称', en: 'Display name' },
  'setup.passwordHint': {
    zh: '至少 10 个字符，不含用户名，不能是常见密码。',
    en: 'At least 10 characters, not containing the username, not a common password.',
  },
  'setup.submit': { zh: '创建管理员', en: 'Create administrator' },
  'setup.done': { zh: '管理员 {username} 已创建，请登录。', en: 'Administrator {username} created; log in.' },
  'setup.toLogin': { zh: '去登录', en: 'Go to log in' },
  'login.username': { zh: '用户名', en: 'Username' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.submit': { zh: '登录', en: 'Log in' },
  'login.usernameRequired': { zh: '请输入用户名', en: 'Enter your username' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'app.tooManyTriesMinutes': {
    zh: '尝试次数过多，请 {minutes} 分钟后再试',
    en: 'Too many tries; please try again in {minutes} min',
  },
  'app.tooManyTriesSeconds': {
    zh: '尝试次数过多，请 {seconds} 秒后再试',
    en: 'Too many tries; please try again in {seconds} s',
  },
  'login.throttled': {
    zh: '登录失败次数过多，请 {seconds} 秒后再试',
    en: 'Too many failed logins; try again in {seconds} s',
  },

  'header.logout': { zh: '退出登录', en: 'Log out' },
  'account.changePassword': { zh: '修改密码', en: 'Change password' },
  'account.currentPassword': { zh: '当前密码', en: 'Current password' },
  'account.confirmPassword': { zh: '确认新密码', en: 'Confirm the new password' },
  'account.passwordsDiffer': { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  'account.passwordChanged': {
    zh: '密码已修改，其他设备上的登录已退出',
    en: 'Password changed; your other sessions were logged out',
  },
  'header.language': { zh: '语言', en: 'Language' },

  'nav.dashboard': { zh: '工作台', en: 'Dashboard' },
  'nav.users': { zh: '用户管理', en: 'Users' },
  'nav.audit': { zh: '审计日志', en: 'Audit log' },
  'nav.events': { zh: '事件', en: 'Outbox events' },

  'forbidden.title': { zh: '无权访问', en: 'Access denied' },
  'forbidden.subtitle': {
    zh: '您没有访问此页面的权限，如需开通请联系管理员。',
    en: 'You do not have permission to view this page. Ask an administrator if you need it.',
  },
  'notFound.title': { zh: '页面不存在', en: 'Page not found' },
  'common.backHome': { zh: '返回工作台', en: 'Back to dashboard' },
  'common.search': { zh: '查询', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.refresh': { zh: '刷新', en: 'Refresh' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.ok': { zh: '确定', en: 'OK' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.total': { zh: '共 {total} 条', en: '{total} in total' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.none': { zh: '无', en: 'None' },

  'dashboard.welcome': { zh: '欢迎，{name}', en: 'Welcome, {name}' },
  'dashboard.roles': { zh: '角色', en: 'Roles' },
  'dashboard.permissions': { zh: '权限', en: 'Permissions' },

  'users.searchPlaceholder': { zh: '搜索用户名或姓名', en: 'Search username or name' },
  'users.create': { zh: '新建用户', en: 'Create user' },
  'users.edit': { zh: '编辑用户', en: 'Edit user' },
  'users.username': { zh: '用户名', en: 'Username' },
  'users.displayName': { zh: '姓名', en: 'Display name' },
  'users.password': { zh: '密码', en: 'Password' },
  'users.newPassword': { zh: '新密码', en: 'New password' },
  'users.roles': { zh: '角色', en: 'Roles' },
  'users.status': { zh: '状态', en: 'Status' },
  'users.lastLogin': { zh: '最后登录', en: 'Last login' },
  'users.createdAt': { zh: '创建时间', en: 'Created' },
  'users.status.active': { zh: '正常', en: 'Active' },
  'users.status.disabled': { zh: '已停用', en: 'Disabled' },
  'users.disable': { zh: '停用', en: 'Disable' },
  'users.enable': { zh: '启用', en: 'Enable' },
  'users.disableConfirm': {
    zh: '确定停用用户 {name}？停用后该用户无法登录。',
    en: 'Disable {name}? They will not be able to log in.',
  },
  'users.enableConfirm': { zh: '确定启用用户 {name}？', en: 'Enable {name}?' },
  'users.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'users.resetPasswordTitle': { zh: '重置 {name} 的密码', en: 'Reset the password of {name}' },
  'users.passwordReset': { zh: '密码已重置', en: 'Password reset' },
  'users.created': { zh: '用户已创建', en: 'User created' },
  'users.usernameRequired': { zh: '请输入用户名', en: 'Enter a username' },
  'users.usernameRule': {
    zh: '3-32 位字母、数字或 _ . -',
    en: '3-32 letters, digits, _ . or -',
  },
  'users.displayNameRequired': { zh: '请输入姓名', en: 'Enter a display name' },
  'users.passwordRule': {
    zh: '密码至少 10 位，不能包含用户名，不能是常见密码',
    en: 'At least 10 characters, not containing the username, not a common password',
  },
  'users.rolesRequired': { zh: '请至少选择一个角色', en: 'Choose at least one role' },
  'users.neverLoggedIn': { zh: '从未登录', en: 'Never' },

  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.entityType': { zh: '对象类型', en: 'Entity type' },
  'audit.entityId': { zh: '对象 ID', en: 'Entity ID' },
  'audit.requestId': { zh: '请求 ID', en: 'Request ID' },
  'audit.ip': { zh: 'IP', en: 'IP' },
  'audit.dateRange': { zh: '时间范围', en: 'Date range' },
  'audit.actorPlaceholder': { zh: '用户名或用户 ID', en: 'Username or user ID' },
  'audit.before': { zh: '变更前', en: 'Before' },
  'audit.after': { zh: '变更后', en: 'After' },
  'audit.system': { zh: '系统', en: 'System' },
  'audit.verify': { zh: '校验哈希链', en: 'Verify chain' },
  'audit.verifyOk': {
    zh: '哈希链完整，已校验 {checked} 条记录',
    en: 'The chain is intact; {checked} records checked',
  },
  'audit.verifyBroken': {
    zh: '哈希链在第 {seq} 条记录处断裂（已校验 {checked} 条）',
    en: 'The chain breaks at record #{seq} ({checked} records checked)',
  },
  'audit.verifyProblem': { zh: '审计日志校验未通过', en: 'The audit log did not verify' },
  'audit.verifyHeadBehind': {
    zh: '审计日志被截断：现在止于第 {head} 条，而 {at} 的检查点已记到第 {seq} 条，其后的记录被删除了',
    en: 'The audit log was cut short: it now ends at record #{head}, but the checkpoint of {at} reached #{seq}; the records after it were removed',
  },
  'audit.verifyHashDiffers': {
    zh: '第 {seq} 条记录与 {at} 的检查点不一致：它或它之前的记录被改写了',
    en: 'Record #{seq} differs from the checkpoint of {at}: it or a record before it was rewritten',
  },
  'audit.verifyBadCheckpoints': {
    zh: '检查点文件中有 {count} 行签名无效（文件被改动过）',
    en: '{count} lines of the checkpoint file have an invalid signature (the file was edited)',
  },
  'audit.verifyOtherKey': {
    zh: '{count} 个检查点由另一个审计密钥签名，未参与校验',
    en: '{count} checkpoints were signed with another audit key and were not checked',
  },
  'audit.verifyLastCheckpoint': {
    zh: '最近的检查点：第 {seq} 条（{at}）；第 {keyed} 条起为密钥哈希',
    en: 'Last checkpoint: record #{seq} ({at}); records are keyed from #{keyed}',
  },
  'audit.verifyNoCheckpoint': {
    zh: '尚无检查点；第 {keyed} 条起为密钥哈希',
    en: 'No checkpoint yet; records are keyed from #{keyed}',
  },

  'events.type': { zh: '事件类型', en: 'Type' },
  'events.aggregate': { zh: '聚合', en: 'Aggregate' },
  'events.createdAt': { zh: '创建时间', en: 'Created' },
  'events.deliveries': { zh: '投递', en: 'Deliveries' },
  'events.subscriber': { zh: '订阅者', en: 'Subscriber' },
  'events.status': { zh: '投递状态', en: 'Delivery status' },
  'events.attempts': { zh: '尝试 {count} 次', en: '{count} attempts' },
  'events.attemptsTitle': { zh: '尝试次数', en: 'Attempts' },
  'events.status.all': { zh: '全部状态', en: 'All statuses' },
  'events.nextAttempt': { zh: '下次重试', en: 'Next attempt' },
  'events.lastError': { zh: '最近错误', en: 'Last error' },
  'events.deliveredAt': { zh: '投递时间', en: 'Delivered' },
  'events.payload': { zh: '事件内容', en: 'Payload' },
  'events.noDeliveries': { zh: '无订阅者', en: 'No subscribers' },
  'events.status.pending': { zh: '待投递', en: 'Pending' },
  'events.status.delivered': { zh: '已投递', en: 'Delivered' },
  'events.status.dead': { zh: '投递失败', en: 'Dead' },
} as const satisfies Record<string, Entry>;

export const messages = {
  ...coreMessages,
  ...catalogMessages,
  ...inventoryMessages,
  ...campaignsMessages,
  ...leadersMessages,
  ...customersMessages,
  ...ordersMessages,
  ...storefrontMessages,
  ...leaderPortalMessages,
  ...leaderOnboardingMessages,
  ...leaderNetworkMessages,
  ...leaderLevelsMessages,
  ...riskMessages,
  ...commissionMessages,
  ...commissionEntriesMessages,
  ...commissionPeriodMessages,
  ...financeMessages,
};

export type MessageKey = keyof typeof messages;

export type MessageVars = Record<string, string | number>;

/** Looks a key up and fills `{name}` placeholders; unknown placeholders are left visible to be noticed. */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text: string = messages[key][lang];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Picks the server's message in the reader's language; the server always sends both. */
export function localizedMessage(lang: Lang, error: { message: string; messageZh: string }): string {
  return lang === 'zh' ? error.messageZh : error.message;
}

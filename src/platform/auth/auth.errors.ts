import { defineErrors, errorFactory } from '../errors.js';

export const usersErrors = defineErrors({
  'users.not_found': { kind: 'not_found', en: 'User not found', zh: '用户不存在' },
  'users.username_taken': { kind: 'conflict', en: 'This username is already taken', zh: '用户名已被占用' },
  'users.invalid_role': { kind: 'validation', en: 'Unknown role', zh: '未知角色' },
  'users.password_too_short': {
    kind: 'validation',
    en: 'The password must have at least 10 characters',
    zh: '密码至少需要 10 个字符',
  },
  'users.password_contains_username': {
    kind: 'validation',
    en: 'The password must not be or contain the username',
    zh: '密码不能是用户名，也不能包含用户名',
  },
  'users.password_too_common': {
    kind: 'validation',
    en: 'This password is among the most common ones and easy to guess; choose another',
    zh: '该密码属于最常见的密码，容易被猜中，请换一个',
  },
  'users.wrong_current_password': {
    kind: 'validation',
    en: 'The current password is wrong',
    zh: '当前密码不正确',
  },
  'users.password_change_throttled': {
    kind: 'rate_limited',
    en: 'Too many wrong current passwords; try again after this many seconds',
    zh: '当前密码错误次数过多，请在以下秒数之后再试',
  },
  'users.setup_link_invalid': {
    kind: 'validation',
    en: 'This setup link is invalid, used or expired: restart the server for a new one, or run npm run admin -- create',
    zh: '设置链接无效、已使用或已过期：请重启服务获取新链接，或运行 npm run admin -- create',
  },
  'users.setup_done': {
    kind: 'conflict',
    en: 'The first administrator already exists; log in instead',
    zh: '首个管理员已创建，请直接登录',
  },
  'users.password_unchanged': {
    kind: 'validation',
    en: 'The new password must differ from the current one',
    zh: '新密码不能与当前密码相同',
  },
  'users.cannot_disable_self': {
    kind: 'unprocessable',
    en: 'You cannot disable your own account or remove your own admin role',
    zh: '不能停用自己的账号或移除自己的管理员角色',
  },
  'users.last_admin': {
    kind: 'unprocessable',
    en: 'At least one active admin must remain',
    zh: '系统中必须至少保留一个启用的管理员',
  },
});

export const usersError = errorFactory(usersErrors);

export { delayAfterFailures, retryAfterSeconds, type ThrottlePolicy } from './attempt-delay.js';
export {
  clearThrottle,
  clearThrottlePrefix,
  type FailureCount,
  purgeStaleThrottles,
  recordFailure,
  ThrottledError,
  type ThrottleKey,
  throttledError,
  throttleWait,
} from './attempt-throttle.js';
export { usersErrors } from './auth.errors.js';
export { attemptThrottles, sessions, users } from './auth.tables.js';
export {
  ADMIN_COMMAND_ACTOR,
  completeSetup,
  createAdmin,
  GENERATED_PASSWORD_LENGTH,
  generatePassword,
  issueSetupToken,
  SETUP_LINK_TTL_MS,
  userCount,
} from './first-admin.js';
export { hashPassword, verifyPassword } from './password.js';
export {
  isCommonPassword,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  passwordProblem,
} from './password-policy.js';
export {
  type Access,
  ALL_PERMISSIONS,
  allows,
  isRole,
  PERMISSIONS,
  type Permission,
  permissionsOf,
  ROLE_LABELS,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from './rbac.js';
export {
  clearLoginThrottle,
  countLiveSessions,
  hashToken,
  type LoginResult,
  login,
  loginThrottleKeys,
  logout,
  purgeExpiredSessions,
  resolveSession,
  revokeUserSessions,
  type SessionInfo,
} from './sessions.service.js';
export {
  changeOwnPassword,
  createUser,
  createUserTx,
  getUser,
  listUsers,
  type NewUser,
  type PublicUser,
  publicUser,
  resetPassword,
  type UserPatch,
  updateUser,
} from './users.service.js';

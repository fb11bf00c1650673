export { usersErrors } from './auth.errors.js';
export { sessions, users } from './auth.tables.js';
export { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from './password.js';
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
  countLiveSessions,
  hashToken,
  type LoginResult,
  login,
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

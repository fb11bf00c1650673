/**
 * The shapes the server's JSON API returns. They mirror the server's response schemas by hand because
 * the console is built separately from the server and must not import its code.
 */
export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface RoleInfo {
  role: string;
  /** The server's names for the role; the console falls back to its own when they are absent. */
  zh?: string;
  en?: string;
  permissions: string[];
}

export interface AuditRecord {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  headSeq: number | null;
  keyedFromSeq: number;
  /** The chain is shorter than a checkpoint says, or a record differs from its checkpoint. */
  truncation: {
    reason: 'head_behind' | 'hash_differs';
    checkpointSeq: number;
    checkpointAt: string;
    headSeq: number | null;
  } | null;
  lastCheckpoint: { seq: number; at: string } | null;
  badCheckpoints: number;
  otherKeyCheckpoints: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface EventDelivery {
  subscriber: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

export interface OutboxEvent {
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  createdAt: string;
  deliveries: EventDelivery[];
}

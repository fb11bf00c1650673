/**
 * Names for the shapes the server's JSON API returns, taken from the generated api-schema.d.ts (the
 * server's OpenAPI document), so a changed response schema shows up here as a compile error.
 */
import type { ApiResponse } from './api';

export type User = ApiResponse<'/api/auth/me'>['user'];

export type UserStatus = User['status'];

export type SessionInfo = ApiResponse<'/api/auth/me'>;

/** A page of a list: every paged list route answers `{ items, total }`. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** The server's names for a role; the console falls back to its own when they are absent. */
export type RoleInfo = ApiResponse<'/api/roles'>['items'][number];

export type AuditRecord = ApiResponse<'/api/audit'>['items'][number];

export type AuditVerifyResult = ApiResponse<'/api/audit/verify'>;

export type OutboxEvent = ApiResponse<'/api/events'>['items'][number];

export type EventDelivery = OutboxEvent['deliveries'][number];

export type DeliveryStatus = EventDelivery['status'];

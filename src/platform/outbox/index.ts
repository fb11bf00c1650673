export { MAX_ATTEMPTS, retryDelayMs } from './backoff.js';
export { type BatchHandler, type DomainEvent, EventBus, type Handler, type NewEvent } from './event-bus.js';
export { listEvents } from './outbox.queries.js';
export { eventDeliveries, outboxEvents } from './outbox.tables.js';

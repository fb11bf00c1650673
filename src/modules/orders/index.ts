/**
 * Orders module (order center). So far its pure core: the first-come-first-served, all-or-nothing
 * allocation of a group-committed batch. The intake, the flusher and the lifecycle build on it.
 */
export {
  allocateBatch,
  type BatchLine,
  type BatchOrder,
  type BatchResult,
  type BatchState,
  boughtKey,
  type OrderDecision,
  type Refusal,
  stockKey,
} from './domain/allocate-batch.js';

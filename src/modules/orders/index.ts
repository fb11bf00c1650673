/**
 * Orders module (order center). The intake takes orders through a leader's link and commits them in
 * groups (intake/): validated and priced in memory, decided by the pure `allocateBatch`, written
 * with their stock allocation, audit trail and events in one transaction per batch.
 */

export { customerScopeOf } from './customer-scope.js';
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
export { ORDER_STATUS_LABELS } from './domain/order-state.js';
export { priceOrder } from './domain/price-order.js';
export { type Answer, flushBatch, type PendingOrder } from './intake/flush-batch.js';
export { type AllAccepted, acceptAll, type IntakeWriter } from './intake/intake-writer.js';
export { INTAKE_CONNECTION_NAME, type IntakeStats } from './intake/order-intake.js';
export { ORDER_EXPORT_PAGE, orderExportColumns } from './order-export.js';
export {
  completeOrder,
  deliverToPickupPoint,
  shipCampaign,
  verifyPickup,
} from './order-fulfilment.service.js';
export { approveHeldOrderTx, rejectHeldOrderTx } from './order-holds.service.js';
export {
  cancelOrder,
  confirmPaidOrders,
  expireUnpaidOrders,
  markPaid,
  sandboxPay,
} from './order-lifecycle.service.js';
export { ordersErrors } from './orders.errors.js';
export { ordersModule } from './orders.module.js';
export {
  completedOrderFacts,
  getOrderDetail,
  listOrders,
  orderExportPages,
  orderPages,
} from './orders.queries.js';
export { type IntakeSetup, ordersRoutes, ordersRoutesWith } from './orders.routes.js';
export { registerOrderSubscribers } from './orders.subscribers.js';
export {
  customerItemCounts,
  ORDER_STATUSES,
  type OrderStatus,
  orderEvents,
  orderLines,
  orderRequests,
  orders,
  // The commission accrual reads when each order was paid (the plan and levels of that moment).
  payments as orderPayments,
} from './orders.tables.js';
export type {
  PaymentProvider,
  PayRequest,
  ProviderReceipt,
  RefundRequest,
} from './payments/payment-provider.js';
export { SANDBOX_PAY_LIMITS } from './payments/payments.routes.js';
export { paymentProvider, paymentProviders } from './payments/providers.js';
export type { RefundView } from './refunds.queries.js';
export { type OrderRefundedPayload, type RefundInput, refundOrder } from './refunds.service.js';
export { orderRefundLines, orderRefunds } from './refunds.tables.js';

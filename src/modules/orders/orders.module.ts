import type { ModuleManifest } from '../../platform/module-manifest.js';
import { expireUnpaidOrders } from './order-lifecycle.service.js';
import { ordersErrors } from './orders.errors.js';
import { ordersRoutes } from './orders.routes.js';
import { registerOrderSubscribers } from './orders.subscribers.js';

/** Orders (订单中心): the group-committed intake, the order lifecycle, refunds, payments. */
export const ordersModule: ModuleManifest = {
  name: 'orders',
  routes: [ordersRoutes],
  subscribers: [registerOrderSubscribers],
  jobs: [
    {
      // Unpaid orders past their payment deadline are cancelled and their stock goes back on sale.
      name: 'orders-expire',
      cron: '* * * * *',
      run: (deps) => expireUnpaidOrders(deps),
    },
  ],
  importKinds: [],
  errors: { orders: ordersErrors },
  causeTypes: {},
};

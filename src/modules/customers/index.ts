/**
 * Customers module (团员 / 用户). The order intake uses `normalizePhone` to check a number,
 * `upsertCustomerByPhoneTx` / `upsertCustomersByPhoneTx` to find or make the customer inside its
 * transaction, and `findCustomerByPhone` for "my orders". Phone numbers are stored only encrypted.
 */

export { customersErrors } from './customers.errors.js';
export { customersModule } from './customers.module.js';
export { customersRoutes } from './customers.routes.js';
export { customers } from './customers.tables.js';
export {
  type CustomerListQuery,
  type CustomerScopeOf,
  getCustomerDetail,
  listCustomers,
  revealCustomerPhone,
} from './customers-console.service.js';
export {
  type CustomerByPhone,
  type CustomerUpsertInput,
  type CustomerUpsertResult,
  findCustomerByPhone,
  upsertCustomerByPhoneTx,
  upsertCustomersByPhoneTx,
  upsertCustomersParts,
} from './customers-upsert.service.js';
export { maskPhone, normalizePhone } from './phone.js';

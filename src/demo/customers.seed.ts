import { upsertCustomersByPhoneTx } from '../modules/customers/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

/** Ten demo customers (团员) spread over the demo pickup points; phones in the 199 0001 xxxx range. */
const DEMO_CUSTOMERS: Array<{ phone: string; name: string | null }> = [
  { phone: '19900010001', name: '张阿姨' },
  { phone: '19900010002', name: '李先生' },
  { phone: '19900010003', name: '王女士' },
  { phone: '19900010004', name: '赵大爷' },
  { phone: '19900010005', name: '孙小姐' },
  { phone: '19900010006', name: '周宝妈' },
  { phone: '19900010007', name: '吴老师' },
  { phone: '19900010008', name: null },
  { phone: '19900010009', name: '郑师傅' },
  { phone: '19900010010', name: '冯同学' },
];

export async function seedCustomersDemo(
  deps: Deps,
  tx: Tx,
  input: { pickupPointIds: string[] },
): Promise<{ customerIds: string[] }> {
  const points = input.pickupPointIds;
  const results = await upsertCustomersByPhoneTx(
    deps,
    tx,
    DEMO_CUSTOMERS.map((c, i) => ({
      phone: c.phone,
      name: c.name,
      pickupPointId: points.length > 0 ? (points[i % points.length] ?? null) : null,
    })),
  );
  return { customerIds: results.map((r) => r.customerId) };
}

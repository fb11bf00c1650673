/** Orders placed on this device, remembered with their phone so the customer can find them again. */
export interface LocalOrder {
  id: string;
  phone: string;
  pickupCode: string;
  campaignId: string;
  campaignName: string;
  leaderCode: string;
  totalFen: number;
  placedAt: string;
}

const KEY = 'tuanflow.h5.orders';
const MAX = 50;

function isLocalOrder(value: unknown): value is LocalOrder {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.phone === 'string' && typeof v.pickupCode === 'string';
}

export function loadLocalOrders(): LocalOrder[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isLocalOrder) : [];
  } catch {
    return [];
  }
}

export function rememberOrder(order: LocalOrder): void {
  const rest = loadLocalOrders().filter((o) => o.id !== order.id);
  try {
    window.localStorage.setItem(KEY, JSON.stringify([order, ...rest].slice(0, MAX)));
  } catch {
    // Private mode may refuse storage; the order page still works for this visit.
  }
}

export function findLocalOrder(id: string): LocalOrder | undefined {
  return loadLocalOrders().find((o) => o.id === id);
}

import type { Entry } from '../i18n';

/** Words of the inventory pages, Chinese first. */
export const inventoryMessages = {
  'nav.inventory': { zh: '库存', en: 'Inventory' },
} as const satisfies Record<string, Entry>;

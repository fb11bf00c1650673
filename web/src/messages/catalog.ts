import type { Entry } from '../i18n';

/** Words of the catalog pages, Chinese first. */
export const catalogMessages = {
  'nav.catalog': { zh: '商品', en: 'Products' },
} as const satisfies Record<string, Entry>;

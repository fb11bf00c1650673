import type { Entry } from '../i18n';

/** Words of the campaigns pages, Chinese first. */
export const campaignsMessages = {
  'nav.campaigns': { zh: '团购活动', en: 'Campaigns' },
} as const satisfies Record<string, Entry>;

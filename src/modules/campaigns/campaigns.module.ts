import type { ModuleManifest } from '../../platform/module-manifest.js';
import { advanceCampaigns } from './campaign-transitions.service.js';
import { campaignsErrors } from './campaigns.errors.js';
import { campaignsRoutes } from './campaigns.routes.js';
import { registerCampaignLiveSubscribers } from './live-hub.js';

/** Campaigns (团购活动): campaigns and their items, the clock-driven state machine, the live stream. */
export const campaignsModule: ModuleManifest = {
  name: 'campaigns',
  routes: [campaignsRoutes],
  subscribers: [registerCampaignLiveSubscribers],
  jobs: [
    {
      // Campaigns open at their start and close at their cutoff by the clock, never by a page visit.
      name: 'campaigns-tick',
      cron: '* * * * *',
      run: (deps) => advanceCampaigns(deps),
    },
  ],
  importKinds: [],
  errors: { campaigns: campaignsErrors },
  causeTypes: {},
};

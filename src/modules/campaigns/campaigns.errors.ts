import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the campaigns module; each code starts with `campaigns.`. */
export const campaignsErrors = defineErrors({});

export const campaignsError = errorFactory(campaignsErrors);

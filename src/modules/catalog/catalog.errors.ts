import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the catalog module; each code starts with `catalog.`. */
export const catalogErrors = defineErrors({});

export const catalogError = errorFactory(catalogErrors);

import { defineErrors, errorFactory } from '../../platform/errors.js';

/** Error codes of the inventory module; each code starts with `inventory.`. */
export const inventoryErrors = defineErrors({});

export const inventoryError = errorFactory(inventoryErrors);

// A lint fixture, never run: platform code that imports a module (even through its index.js) and the
// module list, which the boundary rule in biome.json must refuse (see ../deep-import.ts).
import { MODULES } from '../../../src/modules.js';
import { ordersModule } from '../../../src/modules/orders/index.js';

export const platformKnowsModules = [MODULES, ordersModule];

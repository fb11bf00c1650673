// A lint fixture, never run: it reaches into another module's internals, which the boundary rule in
// biome.json must refuse. `npm run lint` skips this folder; src/lint-boundaries.test.ts lints it with
// the fixtures config and expects exactly these refusals.
import { flushBatch } from '../../src/modules/orders/intake/flush-batch.js';
import { checkInvariants } from '../../src/modules/ledger/invariants.js';

export const reachedInto = [flushBatch, checkInvariants];

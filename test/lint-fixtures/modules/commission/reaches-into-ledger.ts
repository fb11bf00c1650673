// A lint fixture, never run: code of the commission module that reaches into the ledger module's
// internals, which the boundary rule in biome.json must refuse (see ../../deep-import.ts). The import
// through the ledger's index.js is allowed.
import { postTransfersTx } from '../../../../src/modules/ledger/index.js';
import { checkInvariants } from '../../../../src/modules/ledger/invariants.js';

export const reachedInto = [postTransfersTx, checkInvariants];

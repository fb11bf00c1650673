import { MODULES } from './modules.js';
import type { Deps } from './platform/deps.js';

/**
 * Every module's event subscribers (from the manifests in src/modules.ts), registered once per
 * process before the outbox starts (and before the demo replays its weeks, so its events reach them
 * on the moment they stand for).
 */
export function registerSubscribers(deps: Deps): void {
  for (const module of MODULES) {
    for (const register of module.subscribers) register(deps);
  }
}

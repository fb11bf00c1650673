/**
 * In-process notice that a published campaign's content changed (cap, price, items, cutoff, closed
 * early). The order routes keep campaigns in a short-lived cache to price orders; they drop the
 * campaign at once when told here, so an order placed in this process after the change commits is
 * priced by the new content. Other processes are not told: their cache entry lives one second.
 * Keyed by `deps` (one per process, or per test app), like the live hub.
 */
type Listener = (campaignId: string) => void;

const registry = new WeakMap<object, Set<Listener>>();

/** Listens for edits of this process's campaigns; returns the function that stops listening. */
export function onCampaignEdited(deps: object, listener: Listener): () => void {
  let set = registry.get(deps);
  if (!set) {
    set = new Set();
    registry.set(deps, set);
  }
  set.add(listener);
  const own = set;
  return () => {
    own.delete(listener);
  };
}

/** Tells every listener, after the edit committed. A listener that throws does not stop the others. */
export function announceCampaignEdited(deps: object, campaignId: string): void {
  for (const l of registry.get(deps) ?? []) {
    try {
      l(campaignId);
    } catch {
      // A listener only drops a cache entry; its failure must not turn a committed edit into an error.
    }
  }
}

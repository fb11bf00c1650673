/**
 * A tiny read-through cache for the intake's lookups (campaign, leader, pickup point, warehouse), so
 * a flash sale does not turn every request into four queries. Entries live `ttlMs`; what they guard
 * is re-checked under lock in the batch transaction, so a stale entry can delay a refusal by at most
 * the TTL but never lets a wrong order through.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    const t = this.now();
    if (hit && hit.until > t) return hit.value;
    const value = load();
    this.entries.set(key, { value, until: t + this.ttlMs });
    // A failed load is not cached.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > 10_000) this.entries.clear();
    return value;
  }

  /** Forgets one entry, so the next `get` loads it (the value it held is known to have changed). */
  delete(key: string): void {
    this.entries.delete(key);
  }
}

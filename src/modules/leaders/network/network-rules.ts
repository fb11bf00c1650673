/**
 * Rules of the referral tree (推荐关系) as pure functions over plain values. The service applies the
 * same rules in set-based SQL; these are the specification the tests hold that SQL to.
 */

/** One row of the closure table: `ancestor` is `depth` steps above `descendant` (0 = the leader itself). */
export interface ClosureRow {
  ancestor: string;
  descendant: string;
  depth: number;
}

export type MoveProblem = 'cycle' | 'unchanged' | null;

/**
 * Whether moving `leaderId` under `newReferrerId` is allowed. `newReferrerUpline` is the new
 * referrer's own chain upwards, the new referrer first. A leader cannot be placed under themselves
 * or anyone in their own team: that is exactly when the leader appears in the new referrer's upline.
 */
export function moveProblem(
  leaderId: string,
  currentReferrerId: string | null,
  newReferrerId: string | null,
  newReferrerUpline: readonly string[],
): MoveProblem {
  if (newReferrerId === currentReferrerId) return 'unchanged';
  if (newReferrerId === null) return null;
  if (newReferrerId === leaderId || newReferrerUpline.includes(leaderId)) return 'cycle';
  return null;
}

/** The closure rows of a forest given each node's parent; throws on a cycle. */
export function closureOf(parents: ReadonlyMap<string, string | null>): ClosureRow[] {
  const rows: ClosureRow[] = [];
  for (const node of parents.keys()) {
    const seen = new Set<string>();
    let current: string | null = node;
    let depth = 0;
    while (current !== null) {
      if (seen.has(current)) throw new Error(`cycle through ${current}`);
      seen.add(current);
      rows.push({ ancestor: current, descendant: node, depth });
      current = parents.get(current) ?? null;
      depth += 1;
    }
  }
  return rows;
}

/**
 * The closure table after moving `leaderId` (with its whole team) under `newParent`, computed the
 * way the SQL does it: drop every link from the leader's old ancestors into the moved subtree, then
 * link every ancestor of the new parent (itself included) to every member of the subtree.
 */
export function closureAfterMove(
  rows: readonly ClosureRow[],
  leaderId: string,
  newParent: string | null,
): ClosureRow[] {
  const subtree = rows.filter((r) => r.ancestor === leaderId);
  const members = new Set(subtree.map((r) => r.descendant));
  const oldAncestors = new Set(
    rows.filter((r) => r.descendant === leaderId && r.depth > 0).map((r) => r.ancestor),
  );
  if (newParent !== null && members.has(newParent)) throw new Error('cycle');
  const kept = rows.filter((r) => !(oldAncestors.has(r.ancestor) && members.has(r.descendant)));
  const added =
    newParent === null
      ? []
      : rows
          .filter((r) => r.descendant === newParent)
          .flatMap((sup) =>
            subtree.map((sub) => ({
              ancestor: sup.ancestor,
              descendant: sub.descendant,
              depth: sup.depth + sub.depth + 1,
            })),
          );
  return [...kept, ...added];
}

/** Rows in a stable order, for comparing two closure tables. */
export function sortClosure(rows: readonly ClosureRow[]): ClosureRow[] {
  return [...rows].sort(
    (a, b) =>
      a.ancestor.localeCompare(b.ancestor) || a.descendant.localeCompare(b.descendant) || a.depth - b.depth,
  );
}

/**
 * The first node of a cycle reachable from `start` by following `parentOf`, or null. Used where
 * many new links are made at once (an import), before anything is written.
 */
export function cycleFrom(
  start: string,
  parentOf: (id: string) => string | null | undefined,
): string[] | null {
  const path: string[] = [];
  const index = new Map<string, number>();
  let current: string | null | undefined = start;
  while (current !== null && current !== undefined) {
    const at = index.get(current);
    if (at !== undefined) return path.slice(at);
    index.set(current, path.length);
    path.push(current);
    current = parentOf(current);
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { closureAfterMove, closureOf, cycleFrom, moveProblem, sortClosure } from './network-rules.js';

/**
 *   A        F
 *   ├─ B
 *   │  └─ D
 *   │     └─ E
 *   └─ C
 */
const parents = new Map<string, string | null>([
  ['A', null],
  ['B', 'A'],
  ['C', 'A'],
  ['D', 'B'],
  ['E', 'D'],
  ['F', null],
]);

describe('moveProblem', () => {
  it('refuses a move under the leader themselves or anyone in their team', () => {
    // D's upline: D, B, A. Moving B under D would make B its own ancestor.
    expect(moveProblem('B', 'A', 'D', ['D', 'B', 'A'])).toBe('cycle');
    expect(moveProblem('B', 'A', 'B', ['B', 'A'])).toBe('cycle');
    expect(moveProblem('B', 'A', 'E', ['E', 'D', 'B', 'A'])).toBe('cycle');
  });
  it('allows a move elsewhere, to the top, and refuses a move to the same referrer', () => {
    expect(moveProblem('B', 'A', 'F', ['F'])).toBeNull();
    expect(moveProblem('D', 'B', 'C', ['C', 'A'])).toBeNull();
    expect(moveProblem('B', 'A', null, [])).toBeNull();
    expect(moveProblem('B', 'A', 'A', ['A'])).toBe('unchanged');
    expect(moveProblem('A', null, null, [])).toBe('unchanged');
  });
});

describe('closureOf', () => {
  it('has a self row per leader and one row per ancestor with its distance', () => {
    const rows = closureOf(parents);
    expect(rows).toHaveLength(6 + 1 + 1 + 2 + 3);
    expect(rows).toContainEqual({ ancestor: 'A', descendant: 'E', depth: 3 });
    expect(rows).toContainEqual({ ancestor: 'F', descendant: 'F', depth: 0 });
  });
  it('throws on a cycle', () => {
    expect(() =>
      closureOf(
        new Map([
          ['X', 'Y'],
          ['Y', 'X'],
        ]),
      ),
    ).toThrow(/cycle/);
  });
});

describe('closureAfterMove (the plan the SQL follows)', () => {
  it('equals the closure of the tree after the move, for every legal move', () => {
    const ids = [...parents.keys()];
    const before = closureOf(parents);
    for (const leader of ids) {
      for (const target of [null, ...ids]) {
        const upline =
          target === null
            ? []
            : closureOf(parents)
                .filter((r) => r.descendant === target)
                .map((r) => r.ancestor);
        if (moveProblem(leader, parents.get(leader) ?? null, target, upline) !== null) continue;
        const after = new Map(parents);
        after.set(leader, target);
        expect(sortClosure(closureAfterMove(before, leader, target))).toEqual(sortClosure(closureOf(after)));
      }
    }
  });
  it('never touches rows outside the moved team', () => {
    const before = closureOf(parents);
    const after = closureAfterMove(before, 'D', 'C');
    const outside = (rows: typeof before) => rows.filter((r) => r.descendant !== 'D' && r.descendant !== 'E');
    expect(sortClosure(outside(after))).toEqual(sortClosure(outside(before)));
  });
  it('throws when asked for a move into the team', () => {
    expect(() => closureAfterMove(closureOf(parents), 'B', 'E')).toThrow(/cycle/);
  });
});

describe('cycleFrom', () => {
  it('finds the cycle reachable from a node, or null', () => {
    const p = new Map([
      ['1', '2'],
      ['2', '3'],
      ['3', '2'],
      ['4', null],
    ]);
    expect(cycleFrom('1', (x) => p.get(x))?.sort()).toEqual(['2', '3']);
    expect(cycleFrom('4', (x) => p.get(x))).toBeNull();
    expect(cycleFrom('5', () => '5')).toEqual(['5']);
  });
});

import { describe, expect, it } from 'vitest';
import { forEachKeysetPage, type KeysetCursor } from './keyset.js';

/** Rows sorted by (at desc, id desc), with ties on `at`, paged as the SQL keyset condition does. */
const ROWS = [
  { at: '3', id: 'c' },
  { at: '3', id: 'b' },
  { at: '3', id: 'a' },
  { at: '2', id: 'z' },
  { at: '1', id: 'y' },
];
const after = (c: KeysetCursor | null) => (r: KeysetCursor) =>
  !c || r.at < c.at || (r.at === c.at && r.id < c.id);

describe('forEachKeysetPage', () => {
  it.each([1, 2, 3, 5, 6])('reads every row once, in order, at page size %i', async (size) => {
    const seen: string[] = [];
    let reads = 0;
    await forEachKeysetPage(
      size,
      async (c) => {
        reads += 1;
        return ROWS.filter(after(c)).slice(0, size);
      },
      (r) => r,
      async (rows) => {
        seen.push(...rows.map((r) => r.id));
      },
    );
    expect(seen).toEqual(['c', 'b', 'a', 'z', 'y']);
    // A short page ends it; a full last page costs one more (empty) read.
    expect(reads).toBe(Math.floor(ROWS.length / size) + 1);
  });
});

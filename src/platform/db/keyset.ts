/** The position after which the next page starts: the exact sort timestamp (as text) and the id. */
export interface KeysetCursor {
  at: string;
  id: string;
}

/**
 * Reads a list a page at a time in its sort order, each page starting after the last row of the one
 * before (keyset paging: every row read once, however deep; OFFSET would re-read all rows before
 * the page). `fetchPage` returns up to `pageSize` rows after the cursor (all from the start when
 * null); `onPage` is awaited before the next page is read.
 */
export async function forEachKeysetPage<Row>(
  pageSize: number,
  fetchPage: (after: KeysetCursor | null) => Promise<Row[]>,
  cursorOf: (row: Row) => KeysetCursor,
  onPage: (rows: Row[]) => Promise<void>,
): Promise<void> {
  let after: KeysetCursor | null = null;
  for (;;) {
    const page = await fetchPage(after);
    await onPage(page);
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) return;
    after = cursorOf(last);
  }
}

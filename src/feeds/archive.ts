/** One feed document: the head (subscription) feed or an archive page. */
export interface FeedPage<T> {
  /** 0 for the head, 1… for archives (1 = oldest). */
  archive: number;
  /** Newest first. */
  items: T[];
  /** Archive number of the next older document, if any (RFC 5005 prev-archive, JSON Feed next_url). */
  older?: number;
  /** Archive number of the next newer archive; undefined for the head and the newest archive (whose newer neighbour is the head). */
  newer?: number;
}

/**
 * RFC 5005 archives. The head holds the newest `size` items; every older item is in exactly one
 * archive, so a subscriber walking prev-archive from the head sees each item once. Archives are cut
 * oldest-first into chunks of `size`, so archive N covers the same stretch of history in every
 * build: only the newest archive, while the head still overlaps its chunk, is partial, and it only
 * ever gains items until it is full and then never changes.
 */
export function planFeedPages<T>(newestFirst: readonly T[], size: number): FeedPage<T>[] {
  const total = newestFirst.length;
  const head = newestFirst.slice(0, size);
  const archived = total - head.length; // the oldest `archived` items are not in the head
  const archives: FeedPage<T>[] = [];
  for (let n = 1; (n - 1) * size < archived; n++) {
    // oldest-first index i ↔ newest-first index total - 1 - i
    const items = newestFirst.slice(total - Math.min(n * size, archived), total - (n - 1) * size);
    archives.push({ archive: n, items });
  }
  const newest = archives.length;
  for (const page of archives) {
    if (page.archive > 1) page.older = page.archive - 1;
    if (page.archive < newest) page.newer = page.archive + 1;
  }
  return [{ archive: 0, items: head, ...(newest > 0 ? { older: newest } : {}) }, ...archives];
}

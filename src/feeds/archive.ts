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
 * RFC 5005 archives. Items are cut oldest-first into fixed chunks of `size`, so archive N always
 * holds the same items and never changes once full; the head holds the newest `size` items.
 * Every full chunk not wholly inside the head is an archive, so head + archives hold every item.
 */
export function planFeedPages<T>(newestFirst: readonly T[], size: number): FeedPage<T>[] {
  const total = newestFirst.length;
  const head = newestFirst.slice(0, size);
  const headOldestIndex = total - head.length; // index of the head's oldest item in oldest-first order
  const archives: FeedPage<T>[] = [];
  for (let n = 1; n * size <= total; n++) {
    const start = (n - 1) * size;
    if (start >= headOldestIndex) break;
    // oldest-first index i ↔ newest-first index total - 1 - i
    const items = newestFirst.slice(total - n * size, total - start);
    archives.push({ archive: n, items });
  }
  const newest = archives.length;
  for (const page of archives) {
    if (page.archive > 1) page.older = page.archive - 1;
    if (page.archive < newest) page.newer = page.archive + 1;
  }
  return [{ archive: 0, items: head, ...(newest > 0 ? { older: newest } : {}) }, ...archives];
}

/** One feed document: the head (subscription) feed or an archive page. */
export interface FeedPage<T> {
  /** 0 for the head, 1… for archives (1 = oldest). */
  archive: number;
  /** Newest first. */
  items: T[];
  /** Archive number of the next older document, if any (RFC 5005 prev-archive, JSON Feed next_url). */
  older?: number;
}

/** How many archive pages a feed of `total` items has (see planFeedPages), without planning them. */
export const archiveCountOf = (total: number, size: number): number => (total >= 2 * size ? Math.floor(total / size) - 1 : 0);

/**
 * RFC 5005 archives that never change once written. Archive N (1 = oldest) holds the oldest items
 * N × size − size + 1 … N × size, counted from the oldest, and only complete chunks become archives:
 * the head keeps the rest, between `size` and `2 × size − 1` items (fewer only while the whole feed
 * is smaller than `size`). Adding newer items therefore never rewrites an archive; when the head
 * reaches 2 × size its oldest `size` items become the next archive, which is complete from its first
 * version. Removing or backdating an item shifts every newer item by one place: the archives from
 * its position up are rewritten, the older ones stay byte for byte (see the README for why this
 * pure rule is kept instead of remembering boundaries between builds).
 */
export function planFeedPages<T>(newestFirst: readonly T[], size: number): FeedPage<T>[] {
  const total = newestFirst.length;
  const archiveCount = archiveCountOf(total, size);
  const headSize = total - archiveCount * size;
  const archives: FeedPage<T>[] = [];
  for (let n = 1; n <= archiveCount; n++) {
    // oldest-first index i ↔ newest-first index total - 1 - i
    archives.push({ archive: n, items: newestFirst.slice(total - n * size, total - (n - 1) * size) });
  }
  // Only links to older documents: a next-archive link would change the newest archive the day a
  // newer one is cut, and RFC 5005 makes it optional (rel="current" leads back to the head).
  for (const page of archives) if (page.archive > 1) page.older = page.archive - 1;
  return [{ archive: 0, items: newestFirst.slice(0, headSize), ...(archiveCount > 0 ? { older: archiveCount } : {}) }, ...archives];
}

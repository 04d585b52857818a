import type { FeedFormat } from "./scope.js";
import type { FeedItem } from "./items.js";

/** What one item is built from: an article (site, provider and topic feeds) or a story (stories feeds). */
export type ItemSubject = object;

interface Held {
  item: FeedItem;
  /** Documents still to be rendered that hold the item. */
  refs: number;
  rendered: Partial<Record<FeedFormat, unknown>>;
}

/**
 * Feed items, and each item's serialisation in every format, kept from the first document that
 * holds the item to the last: an article is in the site's feeds, its outlet's and each of its
 * topics', and serialising it once per format instead of once per document was most of the
 * feeds' speed. Kept for the whole render instead, every item of every format was held at once
 * (about 7 KB an article in all formats, 10,000 articles: 70 MB per format), and the heap grew
 * with the corpus. Each document says how many documents hold each of its items (`expect`), and
 * `release` lets an item go when the last of them is done; the caller renders documents in an
 * order where that is soon (see planDocuments).
 */
export class SharedItems {
  /** Head and archived items of the same subject differ (see createItemFactory), so each has its own. */
  private readonly head = new Map<ItemSubject, Held>();
  private readonly archived = new Map<ItemSubject, Held>();
  private readonly headRefs = new Map<ItemSubject, number>();
  private readonly archivedRefs = new Map<ItemSubject, number>();
  private readonly byItem = new Map<FeedItem, Held>();

  /** Counts one more document that will hold the subject's item. */
  expect(subject: ItemSubject, archived: boolean): void {
    const refs = archived ? this.archivedRefs : this.headRefs;
    refs.set(subject, (refs.get(subject) ?? 0) + 1);
  }

  /** The subject's item, built by `build` the first time a document asks for it. */
  item(subject: ItemSubject, archived: boolean, build: () => FeedItem): FeedItem {
    const held = archived ? this.archived : this.head;
    let entry = held.get(subject);
    if (!entry) {
      const refs = archived ? this.archivedRefs : this.headRefs;
      entry = { item: build(), refs: refs.get(subject) ?? 1, rendered: {} };
      refs.delete(subject);
      held.set(subject, entry);
      this.byItem.set(entry.item, entry);
    }
    return entry.item;
  }

  /** The item serialised in one format, once however many documents hold it. */
  rendered<T>(item: FeedItem, format: FeedFormat, render: (item: FeedItem) => T): T {
    const entry = this.byItem.get(item);
    if (!entry) return render(item);
    let out = entry.rendered[format] as T | undefined;
    if (out === undefined) {
      out = render(item);
      entry.rendered[format] = out;
    }
    return out;
  }

  /** One document that holds the subject's item is done: the item goes with the last. */
  release(subject: ItemSubject, archived: boolean): void {
    const held = archived ? this.archived : this.head;
    const entry = held.get(subject);
    if (!entry) {
      // A document skipped as unchanged never built it: one document fewer to wait for when a later one does.
      const refs = archived ? this.archivedRefs : this.headRefs;
      const left = (refs.get(subject) ?? 0) - 1;
      if (left > 0) refs.set(subject, left);
      else refs.delete(subject);
      return;
    }
    entry.refs--;
    if (entry.refs > 0) return;
    held.delete(subject);
    this.byItem.delete(entry.item);
  }
}

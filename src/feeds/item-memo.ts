import type { Article } from "../article/types.js";

/** A feed thread's item fingerprints, by the page URL of the article each is kept for, for a watch session's memo (see `adopt`). */
export interface KeptItemFingerprints {
  context: string;
  items: [kind: string, pageUrl: string, key: string, fingerprint: string][];
}

/**
 * Feed item fingerprints kept from one watch rebuild to the next. An item's fingerprint is a hash
 * of its article's fingerprint and what the digest adds (story facts, coverage, categories),
 * serialised; for the 26,000 items of a 10,000-article site that was about 0.12 s of every
 * one-article rebuild. Kept, an item's fingerprint is reused when its article is the same object
 * (a watch session keeps the objects of unchanged files: see DigestMemo) and a short key of
 * everything else it is made from is the same; categories come from the article's topics and
 * the digest's topic terms, which the `context` covers for all items at once.
 */
export class ItemFingerprintMemo {
  private context: string | undefined;
  private kept = new Map<string, WeakMap<Article, { key: string; fingerprint: string }>>();
  /** With `record`, every fingerprint asked for, to send from the feed thread (which has no use for a memo of its own). */
  private readonly recorded: KeptItemFingerprints["items"] | undefined;

  constructor(options: { record?: boolean } = {}) {
    this.recorded = options.record ? [] : undefined;
  }

  /** Starts a render: a different context (the topics' labels and URLs, the site) forgets every kept fingerprint. */
  begin(context: string): void {
    if (context === this.context) return;
    this.context = context;
    this.kept = new Map();
  }

  /** The fingerprint of the item of this kind (`kind`: head or archived, article or story) for `article`, made by `make` unless its `key` is the kept one's. */
  fingerprint(kind: string, article: Article, key: string, make: () => string): string {
    // A recording memo serves one render, whose factory already asks once per item: it keeps nothing itself.
    if (this.recorded) {
      const fingerprint = make();
      this.recorded.push([kind, article.pageUrl, key, fingerprint]);
      return fingerprint;
    }
    const byArticle = this.byKind(kind);
    const kept = byArticle.get(article);
    if (kept && kept.key === key) return kept.fingerprint;
    const fingerprint = make();
    byArticle.set(article, { key, fingerprint });
    return fingerprint;
  }

  /** What a recording memo was asked for, with its context. */
  recording(): KeptItemFingerprints | undefined {
    return this.recorded && this.context !== undefined ? { context: this.context, items: this.recorded } : undefined;
  }

  /**
   * Takes the fingerprints another thread worked out (a watch session's first build writes its
   * feeds in the feed thread), for this thread's articles by page URL: the session's first rebuild
   * then reuses them as its later ones reuse their predecessor's. Those of articles not found are
   * dropped, and the next render's own context decides whether any is used.
   */
  adopt(kept: KeptItemFingerprints, articleAt: (pageUrl: string) => Article | undefined): void {
    this.context = kept.context;
    this.kept = new Map();
    for (const [kind, pageUrl, key, fingerprint] of kept.items) {
      const article = articleAt(pageUrl);
      if (article) this.byKind(kind).set(article, { key, fingerprint });
    }
  }

  private byKind(kind: string): WeakMap<Article, { key: string; fingerprint: string }> {
    let byArticle = this.kept.get(kind);
    if (!byArticle) {
      byArticle = new WeakMap();
      this.kept.set(kind, byArticle);
    }
    return byArticle;
  }
}

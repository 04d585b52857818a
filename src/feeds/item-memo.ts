import type { Article } from "../article/types.js";

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

  /** Starts a render: a different context (the topics' labels and URLs, the site) forgets every kept fingerprint. */
  begin(context: string): void {
    if (context === this.context) return;
    this.context = context;
    this.kept = new Map();
  }

  /** The fingerprint of the item of this kind (`kind`: head or archived, article or story) for `article`, made by `make` unless its `key` is the kept one's. */
  fingerprint(kind: string, article: Article, key: string, make: () => string): string {
    let byArticle = this.kept.get(kind);
    if (!byArticle) {
      byArticle = new WeakMap();
      this.kept.set(kind, byArticle);
    }
    const kept = byArticle.get(article);
    if (kept && kept.key === key) return kept.fingerprint;
    const fingerprint = make();
    byArticle.set(article, { key, fingerprint });
    return fingerprint;
  }
}

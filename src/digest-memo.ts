import type { Article } from "./article/types.js";
import type { ArticleDraft } from "./article/validate.js";
import { articleSlug } from "./article/slug.js";
import { StoryMemo } from "./clusters/story-memo.js";
import { ItemFingerprintMemo } from "./feeds/item-memo.js";

/**
 * What one watch session's digests reuse from the last: a draft the in-memory article cache
 * handed back unchanged (the same object: its file's size and mtime are unchanged) keeps its
 * slug and, while that slug is still its own, its article object. Everything downstream that
 * remembers per article object (its fingerprint: see article-fingerprint.ts) then remembers across
 * rebuilds, where a one-article rebuild at 10,000 articles worked out 10,000 slugs (70 ms) and
 * fingerprints again. Keyed weakly by draft: a draft the cache lets go takes its entries along.
 */
export class DigestMemo {
  private readonly slugs = new WeakMap<ArticleDraft, string>();
  private readonly articles = new WeakMap<ArticleDraft, Article>();
  /**
   * Article fingerprints (see articleFingerprints): a kept article object is the same file's bytes
   * at the same address, so its fingerprint holds across the session (whose time zone is fixed).
   */
  readonly fingerprints = new WeakMap<Article, string>();
  /** Story links, their hashes and their feed copies (see StoryMemo). */
  readonly stories = new StoryMemo();
  /** Feed items' fingerprints, by article object (see ItemFingerprintMemo). */
  readonly feedItems = new ItemFingerprintMemo();

  /** The slug the draft's own data gives (before any collision suffix): see articleSlug. */
  naturalSlug(draft: ArticleDraft): string {
    let slug = this.slugs.get(draft);
    if (slug === undefined) {
      slug = articleSlug(draft.publishedAt, draft.title, draft.urlKey);
      this.slugs.set(draft, slug);
    }
    return slug;
  }

  /** The published article of a draft at a slug: last build's object when it had that slug. */
  publishedArticle(draft: ArticleDraft, slug: string, pageUrl: string): Article {
    const last = this.articles.get(draft);
    if (last && last.slug === slug && last.pageUrl === pageUrl) return last;
    const article: Article = { ...draft, published: true, slug, pageUrl };
    this.articles.set(draft, article);
    return article;
  }
}

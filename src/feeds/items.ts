import { html } from "../escape.js";
import type { Article, Image } from "../article/types.js";
import { topicKey } from "../taxonomy/term.js";
import { FEED_CATEGORIES } from "../site/limits.js";
import type { FeedContent } from "./scope.js";

/** Where the site is served, for absolute URLs in feeds. */
export interface FeedSite {
  /** Absolute origin without trailing slash, e.g. "https://news.example.org". */
  siteUrl: string;
  /** "/" or "/news/". */
  pathPrefix: string;
  title: string;
  description: string;
  language: string;
  feedSize: number;
}

/** One feed item, the same in RSS, Atom and JSON Feed. */
export interface FeedItem {
  /** The page URL on this site: the item's link and its stable id. */
  id: string;
  title: string;
  summary: string;
  /** Excerpt plus a "Read at" link to the original, escaped by the core's html tag. */
  contentHtml: string;
  /** RFC 3339 instant (UTC). */
  published: string;
  outlet: { name: string; url: string };
  originalUrl: string;
  /** The article's first {@link FEED_CATEGORIES} distinct topics: the item is in each topic's feeds, so all of them would make feeds grow with the square of its topics. */
  categories: { label: string; url: string }[];
  image?: Image;
}

export function absoluteUrl(site: FeedSite, sitePath: string): string {
  return `${site.siteUrl}${site.pathPrefix}${sitePath.replace(/^\/+/, "")}`;
}

/** Builds each article's item once per render, however many feeds it appears in. */
export function createItemFactory(digest: FeedContent, site: FeedSite): (article: Article) => FeedItem {
  const topicUrls = new Map(digest.topics.map((term) => [term.key, { label: term.label, url: absoluteUrl(site, term.url) }] as const));
  const items = new Map<Article, FeedItem>();
  return (article) => {
    let item = items.get(article);
    if (item) return item;
    const categories: FeedItem["categories"] = [];
    const seen = new Set<string>();
    for (const name of article.topics) {
      if (categories.length === FEED_CATEGORIES) break;
      const key = topicKey(name);
      const topic = topicUrls.get(key);
      if (topic && !seen.has(key)) {
        seen.add(key);
        categories.push(topic);
      }
    }
    const image = article.images[0];
    item = {
      id: absoluteUrl(site, article.pageUrl),
      title: article.title,
      summary: article.excerpt,
      contentHtml: html`${article.excerpt ? html`<p>${article.excerpt}</p>` : ""}<p><a href="${article.url}">Read at ${article.provider.name}</a></p>`.value,
      published: article.publishedAt,
      outlet: { name: article.provider.name, url: `https://${article.provider.domain}/` },
      originalUrl: article.url,
      categories,
      ...(image ? { image } : {}),
    };
    items.set(article, item);
    return item;
  };
}

import { html, type SafeHtml } from "../escape.js";
import type { Article, Image } from "../article/types.js";
import type { CoverageLink, StoryCluster } from "../clusters/build-clusters.js";
import { topicKey } from "../taxonomy/term.js";
import { FEED_CATEGORIES, FEED_COVERAGE_OUTLETS } from "../site/limits.js";
import { feedIdOfArticle, feedIdOfStory } from "./feed-id.js";
import type { FeedContent } from "./scope.js";
import type { Story } from "./stories.js";

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
  /** A WebSub hub to announce in head feeds, or "". */
  websubHub: string;
}

/** The `_news_digest` JSON Feed extension, and what item content says about the story. */
export interface StoryFacts {
  id: string;
  /** Distinct outlets covering the story; left out of archived items (see createItemFactory). */
  outlets?: number;
  quality?: number;
  heat?: number;
}

/** One feed item, the same in RSS, Atom and JSON Feed. */
export interface FeedItem {
  /** Stable identity (a `tag:` URI from the canonical source URL, or the story id): never the page URL, which a headline edit moves. */
  id: string;
  /** The page on this site. */
  link: string;
  title: string;
  summary: string;
  /** Lead image, excerpt, a "Read at" link and the story's other outlets, escaped by the core's html tag. */
  contentHtml: string;
  /** RFC 3339 instant (UTC). */
  published: string;
  /** When the item last changed (a story gains coverage); the publication date otherwise. */
  updated: string;
  outlet: { name: string; url: string };
  originalUrl: string;
  /** The article's first {@link FEED_CATEGORIES} distinct topics: the item is in each topic's feeds, so all of them would make feeds grow with the square of its topics. */
  categories: { label: string; url: string }[];
  image?: Image;
  story: StoryFacts;
}

export function absoluteUrl(site: FeedSite, sitePath: string): string {
  return `${site.siteUrl}${site.pathPrefix}${sitePath.replace(/^\/+/, "")}`;
}

function leadImageHtml(image: Image | undefined): SafeHtml | string {
  // Width and height let a reader reserve the box before the image arrives.
  return image ? html`<p><img src="${image.url}" alt=""${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}></p>` : "";
}

function coverageHtml(heading: string, links: readonly CoverageLink[], count: number, site: FeedSite): SafeHtml | string {
  if (links.length === 0) return "";
  const unlisted = count - links.length;
  // Outlet names only: the headlines are on the article's page, and each item is in many files.
  return html`<p>${heading} ${links.map((link, i) => html`${i > 0 ? ", " : ""}<a href="${link.localUrl ? absoluteUrl(site, link.localUrl) : link.externalUrl}">${link.providerName}</a>`)}${unlisted > 0 ? ` and ${unlisted} more` : ""}.</p>`;
}

/**
 * Builds an article's item, or a story's for the stories feeds; the caller keeps each while
 * documents that hold it are still to be rendered (SharedItems), so it is built once however
 * many feeds it appears in. An item in an archive document (`archived`) leaves out what changes
 * as coverage joins its story (the "Also covered by" line and the outlet count): an archive never
 * changes once written, even when an old story gains an outlet.
 */
export function createItemFactory(digest: FeedContent, site: FeedSite): { article: (article: Article, archived: boolean) => FeedItem; story: (story: Story, archived: boolean) => FeedItem } {
  const topicUrls = new Map(digest.topics.map((term) => [term.key, { label: term.label, url: absoluteUrl(site, term.url) }] as const));
  const categoriesOf = (article: Article): FeedItem["categories"] => {
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
    return categories;
  };
  const factsOf = (article: Article, cluster: StoryCluster | undefined, archived: boolean): StoryFacts => ({
    id: cluster?.id ?? "",
    ...(archived ? {} : { outlets: cluster?.outlets ?? 1 }),
    ...(article.quality !== undefined ? { quality: article.quality } : {}),
    ...(article.heat !== undefined ? { heat: article.heat } : {}),
  });
  const baseItem = (article: Article): Omit<FeedItem, "id" | "contentHtml" | "published" | "updated" | "story"> => {
    const image = article.images[0];
    return {
      link: absoluteUrl(site, article.pageUrl),
      title: article.title,
      summary: article.excerpt,
      outlet: { name: article.provider.name, url: `https://${article.provider.domain}/` },
      originalUrl: article.url,
      categories: categoriesOf(article),
      ...(image ? { image } : {}),
    };
  };
  const articleItem = (article: Article, archived: boolean): FeedItem => {
    const others = archived ? { links: [], count: 0 } : digest.clusters.alsoCoveredBy.first(article.pageUrl, FEED_COVERAGE_OUTLETS);
    return {
      ...baseItem(article),
      id: feedIdOfArticle(site.siteUrl, article.urlKey),
      contentHtml: html`${leadImageHtml(article.images[0])}${article.excerpt ? html`<p>${article.excerpt}</p>` : ""}<p><a href="${article.url}">Read at ${article.provider.name}</a></p>${coverageHtml("Also covered by", others.links, others.count, site)}`.value,
      published: article.publishedAt,
      updated: article.publishedAt,
      story: factsOf(article, digest.clusters.clusterOf.get(article.pageUrl), archived),
    };
  };
  const storyItem = (story: Story, archived: boolean): FeedItem => {
    const lead = story.lead;
    const others = archived ? { links: [], count: 0 } : digest.clusters.alsoCoveredBy.first(lead.pageUrl, FEED_COVERAGE_OUTLETS);
    return {
      ...baseItem(lead),
      id: feedIdOfStory(site.siteUrl, story.cluster.id),
      contentHtml: html`${leadImageHtml(lead.images[0])}${lead.excerpt ? html`<p>${lead.excerpt}</p>` : ""}<p><a href="${lead.url}">Read at ${lead.provider.name}</a></p>${coverageHtml("Also covered by", others.links, others.count, site)}`.value,
      published: story.firstPublishedAt,
      // In an archive the story's first publication: its latest changes as outlets join.
      updated: archived ? story.firstPublishedAt : story.lastPublishedAt,
      story: factsOf(lead, story.cluster, archived),
    };
  };
  return { article: articleItem, story: storyItem };
}

import { hashOf } from "../fingerprint.js";
import { memoByKey } from "../memo.js";
import { html, type SafeHtml } from "../escape.js";
import type { Article, Image } from "../article/types.js";
import type { StoryCluster } from "../clusters/build-clusters.js";
import type { OutletLink } from "../clusters/coverage-index.js";
import { topicKeys } from "../taxonomy/term.js";
import { FEED_CATEGORIES, FEED_COVERAGE_OUTLETS } from "../site/limits.js";
import { feedIdOfArticle, feedIdOfStory } from "./feed-id.js";
import type { FeedContent } from "./scope.js";
import type { Story } from "./stories.js";
import { articleOf, subjectOf, type ScopeEntry } from "./document-plan.js";
import type { ItemFingerprintMemo } from "./item-memo.js";

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

function coverageHtml(heading: string, links: readonly OutletLink[], count: number, site: FeedSite): SafeHtml | string {
  if (links.length === 0) return "";
  const unlisted = count - links.length;
  // Outlet names only: the headlines are on the article's page, and each item is in many files.
  return html`<p>${heading} ${links.map((link, i) => html`${i > 0 ? ", " : ""}<a href="${link.localUrl ? absoluteUrl(site, link.localUrl) : link.externalUrl}">${link.providerName}</a>`)}${unlisted > 0 ? ` and ${unlisted} more` : ""}.</p>`;
}

/** A story item's `updated`: in an archive the story's first publication, since its latest changes as outlets join. */
const storyUpdated = (story: Story, archived: boolean): string => (archived ? story.firstPublishedAt : story.lastPublishedAt);

/** The `updated` of the item an entry gives, without making the item (a document's own `updated` is the latest of these). */
export const entryUpdated = (entry: ScopeEntry, archived: boolean): string => ("article" in entry ? entry.article.publishedAt : storyUpdated(entry.story, archived));

export interface ItemFactory {
  /** Makes the entry's item; the caller keeps it while documents that hold it are still to be rendered (SharedItems). */
  item(entry: ScopeEntry, archived: boolean): FeedItem;
  /**
   * A fingerprint of everything the entry's item is made from (besides the site, which the caller
   * fingerprints once), equal whenever the item would be: the article's fingerprint, when the
   * caller knows it from the file's bytes, and what the digest adds to it (coverage, story facts,
   * categories). Making and serialising every item to fingerprint it was most of a deploy build's
   * feed work, where a few dozen of 2,700 documents change.
   */
  fingerprint(entry: ScopeEntry, archived: boolean): string;
}

/**
 * What an item takes from the digest beyond its article, made the same way for making the item and
 * for fingerprinting it, so the two cannot disagree; only the other outlets differ in kind (the
 * links, or their fingerprint).
 */
interface ItemInputs<Others = { links: OutletLink[]; count: number }> {
  others: Others | typeof NO_OTHERS;
  facts: StoryFacts;
  categories: FeedItem["categories"];
}

const NO_OTHERS = { links: [] as OutletLink[], count: 0 };

/**
 * Makes an article's item, or a story's for the stories feeds. An item in an archive document
 * (`archived`) leaves out what changes as coverage joins its story (the "Also covered by" line
 * and the outlet count): an archive never changes once written, even when an old story gains an
 * outlet. `articleFingerprint` gives an article's fingerprint where it is known without
 * serialising the article (see article-fingerprint.ts); other entries are fingerprinted by their item.
 * `memo` (a watch session's) keeps those fingerprints from one render to the next.
 */
export function createItemFactory(digest: FeedContent, site: FeedSite, articleFingerprint: (article: Article) => string | undefined = () => undefined, memo?: ItemFingerprintMemo): ItemFactory {
  const topicUrls = new Map(digest.topics.map((term) => [term.key, { label: term.label, url: absoluteUrl(site, term.url) }] as const));
  // Categories are the one input of a fingerprint not named in its memo key: they come from the article (the same object) and these.
  memo?.begin(JSON.stringify([...topicUrls]));
  const topicKey = topicKeys();
  const topicCategories = (article: Article): FeedItem["categories"] => {
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
  // An article's categories are asked for by its head and archived items and fingerprints, and as a story's lead.
  const categoriesOf = memoByKey(topicCategories);
  const factsOf = (article: Article, cluster: StoryCluster | undefined, archived: boolean): StoryFacts => ({
    id: cluster?.id ?? "",
    ...(archived ? {} : { outlets: cluster?.outlets ?? 1 }),
    ...(article.quality !== undefined ? { quality: article.quality } : {}),
    ...(article.heat !== undefined ? { heat: article.heat } : {}),
  });
  const inputsOf = <Others>(article: Article, cluster: StoryCluster | undefined, archived: boolean, othersOf: (pageUrl: string) => Others): ItemInputs<Others> => ({
    others: archived ? NO_OTHERS : othersOf(article.pageUrl),
    facts: factsOf(article, cluster, archived),
    categories: categoriesOf(article),
  });
  const entryInputs = <Others>(entry: ScopeEntry, archived: boolean, othersOf: (pageUrl: string) => Others): ItemInputs<Others> =>
    "article" in entry ? inputsOf(entry.article, digest.clusters.clusterOf.get(entry.article.pageUrl), archived, othersOf) : inputsOf(entry.story.lead, entry.story.cluster, archived, othersOf);
  const listedOthers = (pageUrl: string): ItemInputs["others"] => digest.clusters.alsoCoveredBy.first(pageUrl, FEED_COVERAGE_OUTLETS);
  // The coverage list stands as its fingerprint, asked of the index without making the list: its links were most of what fingerprints serialised.
  const othersFingerprint = (pageUrl: string): { links: string; count: number } => digest.clusters.alsoCoveredBy.firstFingerprint(pageUrl, FEED_COVERAGE_OUTLETS);
  const contentHtml = (article: Article, others: ItemInputs["others"]): string =>
    html`${leadImageHtml(article.images[0])}${article.excerpt ? html`<p>${article.excerpt}</p>` : ""}<p><a href="${article.url}">Read at ${article.provider.name}</a></p>${coverageHtml("Also covered by", others.links, others.count, site)}`.value;
  const makeItem = (entry: ScopeEntry, archived: boolean, inputs: ItemInputs): FeedItem => {
    const article = articleOf(entry);
    const image = article.images[0];
    return {
      link: absoluteUrl(site, article.pageUrl),
      title: article.title,
      summary: article.excerpt,
      outlet: { name: article.provider.name, url: `https://${article.provider.domain}/` },
      originalUrl: article.url,
      categories: inputs.categories,
      ...(image ? { image } : {}),
      id: "article" in entry ? feedIdOfArticle(site.siteUrl, article.urlKey) : feedIdOfStory(site.siteUrl, entry.story.cluster.id),
      contentHtml: contentHtml(article, inputs.others),
      published: "article" in entry ? article.publishedAt : entry.story.firstPublishedAt,
      updated: entryUpdated(entry, archived),
      story: inputs.facts,
    };
  };
  const item = (entry: ScopeEntry, archived: boolean): FeedItem => makeItem(entry, archived, entryInputs(entry, archived, listedOthers));
  // Only the fingerprints are kept for the whole render (strings, by the article or story; archived items have their own).
  const fingerprints = { live: new Map<Article | Story, string>(), archived: new Map<Article | Story, string>() };
  const fingerprint = (entry: ScopeEntry, archived: boolean): string => {
    const cache = archived ? fingerprints.archived : fingerprints.live;
    const key = subjectOf(entry);
    let hash = cache.get(key);
    if (hash === undefined) {
      const article = articleOf(entry);
      const known = articleFingerprint(article);
      // A story item shows its first publication and its `updated`; an archived one not its latest publication, which moves as coverage joins.
      const make = (): string => hashOf(JSON.stringify(known === undefined ? item(entry, archived) : ["article" in entry ? "article" : ["story", entry.story.firstPublishedAt, entryUpdated(entry, archived)], known, archived, entryInputs(entry, archived, othersFingerprint)]));
      hash = known !== undefined && memo ? memo.fingerprint(`${"article" in entry ? "article" : "story"} ${archived}`, article, memoKey(entry, article, known, archived), make) : make();
      cache.set(key, hash);
    }
    return hash;
  };
  /** Everything `make` above serialises besides the article's categories: the same key, the same fingerprint. */
  const memoKey = (entry: ScopeEntry, article: Article, known: string, archived: boolean): string => {
    const cluster = "article" in entry ? digest.clusters.clusterOf.get(article.pageUrl) : entry.story.cluster;
    const story = "article" in entry ? "" : `${entry.story.firstPublishedAt} ${entryUpdated(entry, archived)}`;
    if (archived) return `${known} ${cluster?.id ?? ""} ${story}`;
    const others = othersFingerprint(article.pageUrl);
    return `${known} ${cluster?.id ?? ""} ${cluster?.outlets ?? 1} ${others.links} ${others.count} ${story}`;
  };
  return { item, fingerprint };
}

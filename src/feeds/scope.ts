import type { Article } from "../article/types.js";
import type { Digest } from "../digest.js";
import type { ClusterIndex } from "../clusters/build-clusters.js";
import type { CoverageIndex, OutletLink } from "../clusters/coverage-index.js";
import type { Term } from "../taxonomy/term.js";

/** Which articles a feed carries: the whole site, one story per item, or one provider or topic. */
export type FeedScope = { kind: "site" } | { kind: "stories" } | { kind: "provider" | "topic"; term: Term };

/** Site-relative URLs of a scope's three head feeds. */
export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
}

export const FEED_FILE_NAMES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;
export type FeedFormat = keyof typeof FEED_FILE_NAMES;

/** The stories feeds sit beside the site's own, under names a reader can guess. */
const STORIES_FEEDS: FeedLinks = { rss: "/stories.xml", atom: "/stories.atom", json: "/stories.json" };

/** The folder a scope's feeds (or, for stories, its archives) live in. */
export function feedBase(scope: FeedScope): string {
  return scope.kind === "site" ? "/" : scope.kind === "stories" ? "/stories/" : scope.term.url;
}

export function feedLinks(scope: FeedScope): FeedLinks {
  return scope.kind === "stories" ? STORIES_FEEDS : feedLinksIn(feedBase(scope));
}

/** The three head feeds in a folder (`/`, or a term's page folder): what a page links to without a whole Term at hand. */
export function feedLinksIn(folder: string): FeedLinks {
  return { rss: `${folder}${FEED_FILE_NAMES.rss}`, atom: `${folder}${FEED_FILE_NAMES.atom}`, json: `${folder}${FEED_FILE_NAMES.json}` };
}

/** Site-relative URL of archive page `n` (1 = oldest) of a scope in one format. */
export function archiveUrl(scope: FeedScope, format: FeedFormat, n: number): string {
  return `${feedBase(scope)}archive/${n}/${FEED_FILE_NAMES[format]}`;
}

/** The part of a digest feeds are rendered from. */
/** What feeds are made from: a digest, or its copy in the feed thread (whose coverage links hold only what items show: see feed-coverage.ts). */
export type FeedContent = Pick<Digest, "articles" | "providers" | "topics"> & { clusters: Pick<ClusterIndex, "clusters" | "clusterOf"> & { alsoCoveredBy: CoverageIndex<OutletLink> } };

export function scopeArticles(digest: FeedContent, scope: Exclude<FeedScope, { kind: "stories" }>): Article[] {
  return scope.kind === "site" ? digest.articles : scope.term.articles;
}

/** The HTML page a scope's feed describes. */
export function scopePageUrl(scope: FeedScope): string {
  return scope.kind === "site" || scope.kind === "stories" ? "/" : scope.term.url;
}

export function scopeTitle(scope: FeedScope, siteTitle: string): string {
  return scope.kind === "site" ? siteTitle : feedTitleOf(scope.kind === "stories" ? "Stories" : scope.term.label, siteTitle);
}

/** A feed's title for one part of the site: "AI — The Digest". */
export function feedTitleOf(label: string, siteTitle: string): string {
  return `${label} — ${siteTitle}`;
}

export function allScopes(digest: Pick<FeedContent, "providers" | "topics">): FeedScope[] {
  return [
    { kind: "site" },
    { kind: "stories" },
    ...digest.providers.map((term) => ({ kind: "provider" as const, term })),
    ...digest.topics.map((term) => ({ kind: "topic" as const, term })),
  ];
}

import type { Article } from "../article/types.js";
import type { Digest } from "../digest.js";
import type { Term } from "../taxonomy/term.js";

/** Which articles a feed carries: the whole site, or one provider or topic. */
export type FeedScope = { kind: "site" } | { kind: "provider" | "topic"; term: Term };

/** Site-relative URLs of a scope's three head feeds. */
export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
}

export const FEED_FILE_NAMES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;
export type FeedFormat = keyof typeof FEED_FILE_NAMES;

/** The folder a scope's feeds live in: `/` for the site, the term's page folder otherwise. */
export function feedBase(scope: FeedScope): string {
  return scope.kind === "site" ? "/" : scope.term.url;
}

export function feedLinks(scope: FeedScope): FeedLinks {
  const base = feedBase(scope);
  return { rss: `${base}${FEED_FILE_NAMES.rss}`, atom: `${base}${FEED_FILE_NAMES.atom}`, json: `${base}${FEED_FILE_NAMES.json}` };
}

/** Site-relative URL of archive page `n` (1 = oldest) of a scope in one format. */
export function archiveUrl(scope: FeedScope, format: FeedFormat, n: number): string {
  return `${feedBase(scope)}archive/${n}/${FEED_FILE_NAMES[format]}`;
}

/** The part of a digest feeds are rendered from. */
export type FeedContent = Pick<Digest, "articles" | "providers" | "topics">;

export function scopeArticles(digest: FeedContent, scope: FeedScope): Article[] {
  return scope.kind === "site" ? digest.articles : scope.term.articles;
}

/** The HTML page a scope's feed describes. */
export function scopePageUrl(scope: FeedScope): string {
  return scope.kind === "site" ? "/" : scope.term.url;
}

export function scopeTitle(scope: FeedScope, siteTitle: string): string {
  return scope.kind === "site" ? siteTitle : `${scope.term.label} — ${siteTitle}`;
}

export function allScopes(digest: FeedContent): FeedScope[] {
  return [{ kind: "site" }, ...digest.providers.map((term) => ({ kind: "provider" as const, term })), ...digest.topics.map((term) => ({ kind: "topic" as const, term }))];
}

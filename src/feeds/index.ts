import { NewsDigestError } from "../errors.js";
import { hashOf } from "../fingerprint.js";
import type { Article } from "../article/types.js";
import type { FeedPage } from "./archive.js";
import { renderAtomEntry, renderAtomParts } from "./atom.js";
import { EMPTY_FEED_DATE, type FeedDocument } from "./document.js";
import { absoluteUrl, createItemFactory, entryUpdated, type FeedItem, type FeedSite } from "./items.js";
import { renderJsonFeedParts, serializeJsonFeedItem, type JsonFeedItem } from "./json-feed.js";
import { renderOpml, type OpmlFeed, type OpmlFolder } from "./opml.js";
import { renderRssItem, renderRssParts } from "./rss.js";
import { partsBytes, partsText, type DocumentParts } from "./document-parts.js";
import { allScopes, archiveUrl, feedLinks, scopeArticles, scopePageUrl, scopeTitle, type FeedContent, type FeedFormat, type FeedLinks, type FeedScope } from "./scope.js";
import { planStories, storyCount, type Story } from "./stories.js";
import { archiveCountOf } from "./archive.js";
import { planDocuments, subjectOf, type ScopeEntry } from "./document-plan.js";
import { SharedItems } from "./shared-items.js";
import type { ItemFingerprintMemo } from "./item-memo.js";
import { feedCoverage } from "./feed-coverage.js";
import { changedContents } from "../site/page-cache.js";
import { SITE_ICON_PATH } from "./site-icon.js";
import type { SerializedXml } from "./xml.js";

export type { FeedSite, FeedItem } from "./items.js";
export type { FeedScope, FeedLinks, FeedFormat, FeedContent } from "./scope.js";
export type { FeedDocument } from "./document.js";
export { feedLinks, archiveUrl, allScopes } from "./scope.js";
export { planFeedPages, type FeedPage } from "./archive.js";
export { renderRss, rfc822 } from "./rss.js";
export { renderAtom } from "./atom.js";
export { renderJsonFeed, JSON_FEED_VERSION } from "./json-feed.js";
export { renderOpml } from "./opml.js";
export { planStories, type Story } from "./stories.js";
export { feedIdOfArticle, feedIdOfStory } from "./feed-id.js";
export { el, serializeXml } from "./xml.js";

/** One generated file, site-relative (without the path prefix): text, or the bytes the build writes (see renderAllFeedBytes). */
export interface FeedFile<Contents extends string | Buffer = string> {
  path: string;
  contents: Contents;
  mediaType: string;
}

export const OPML_PATH = "/feeds.opml";

export { SITE_ICON_PATH };

const MEDIA_TYPES: Record<FeedFormat, string> = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" };

/** The feeds a person can subscribe to, for the /feeds/ page. */
export function listFeeds(digest: Pick<FeedContent, "providers" | "topics">): { title: string; scope: FeedScope; links: FeedLinks }[] {
  return allScopes(digest).map((scope) => ({ title: feedListTitle(scope), scope, links: feedLinks(scope) }));
}

function feedListTitle(scope: FeedScope): string {
  if (scope.kind === "site") return "Everything";
  if (scope.kind === "stories") return "Stories (each story once)";
  return `${scope.kind === "provider" ? "Outlet" : "Topic"}: ${scope.term.label}`;
}

function requireSiteUrl(site: FeedSite): void {
  if (!site.siteUrl) {
    throw new NewsDigestError(
      `feeds need the site's public address: set the siteUrl option (e.g. siteUrl: "https://news.example.org") or, in the starter site, the NEWS_DIGEST_URL environment variable.`,
    );
  }
}

const FEED_FORMATS = ["rss", "atom", "json"] as const;

const documentPath = (scope: FeedScope, page: FeedPage<ScopeEntry>, format: FeedFormat): string => (page.archive === 0 ? feedLinks(scope)[format] : archiveUrl(scope, format, page.archive));

function memoStories(digest: FeedContent): () => readonly Story[] {
  let stories: Story[] | undefined;
  return () => (stories ??= planStories(digest));
}

/**
 * The site path of every file {@link renderAllFeeds} writes, without rendering any (for the output
 * manifest): from each scope's count of entries alone, where planning the documents and the
 * stories was about 40 ms of a one-article watch rebuild at 10,000 articles.
 */
export function* feedFilePaths(digest: FeedContent, feedSize: number): Generator<string> {
  for (const scope of allScopes(digest)) {
    const total = scope.kind === "stories" ? storyCount(digest) : scopeArticles(digest, scope).length;
    for (const format of FEED_FORMATS) {
      yield feedLinks(scope)[format];
      for (let archive = 1; archive <= archiveCountOf(total, feedSize); archive++) yield archiveUrl(scope, format, archive);
    }
  }
  yield OPML_PATH;
}

type Renderers = { [F in FeedFormat]: { item: (item: FeedItem) => unknown; doc: (doc: FeedDocument, item: (item: FeedItem) => never) => DocumentParts } };

/**
 * Every feed file: for the site and each provider and topic, the head feed and its RFC 5005
 * archive pages in RSS, Atom and JSON Feed, plus the OPML list. A generator, so a caller can
 * write each file and let it go: at 100,000 articles the archives are gigabytes in total.
 * Each item is serialised once per format and reused in every feed it appears in, and let go
 * after the last (see planDocuments for the order that makes that soon). With `unchanged`, a
 * document is fingerprinted from its head and its entries' fingerprints (see ItemFactory) before
 * any of its items is made; `articleFingerprint` gives articles' fingerprints known from their
 * files' bytes, and `itemMemo` (a watch session's) keeps the items' fingerprints between renders.
 */
export function renderAllFeeds(digest: FeedContent, site: FeedSite, unchanged?: UnchangedCheck, articleFingerprint?: (article: Article) => string | undefined, itemMemo?: ItemFingerprintMemo): Generator<FeedFile> {
  return renderFeedDocuments(digest, site, partsText, unchanged, articleFingerprint, itemMemo);
}

/** {@link renderAllFeeds} as the build writes them: each document's bytes (see document-parts.ts), every item's encoded once however many documents hold it; the OPML list stays text. */
export function renderAllFeedBytes(digest: FeedContent, site: FeedSite, unchanged?: UnchangedCheck, articleFingerprint?: (article: Article) => string | undefined, itemMemo?: ItemFingerprintMemo): Generator<FeedFile<Buffer | string>> {
  return renderFeedDocuments(digest, site, partsBytes, unchanged, articleFingerprint, itemMemo);
}

function* renderFeedDocuments<C extends string | Buffer>(content: FeedContent, site: FeedSite, encode: (parts: DocumentParts) => C, unchanged?: UnchangedCheck, articleFingerprint?: (article: Article) => string | undefined, itemMemo?: ItemFingerprintMemo): Generator<FeedFile<C | string>> {
  requireSiteUrl(site);
  const digest: FeedContent = { ...content, clusters: { ...content.clusters, alsoCoveredBy: feedCoverage(content.clusters.alsoCoveredBy) } };
  const items = createItemFactory(digest, site, articleFingerprint, itemMemo);
  // Items read the site's settings; the documents' fingerprints take them once.
  const siteFingerprint = JSON.stringify(site);
  const renderers: Renderers = {
    rss: { item: renderRssItem, doc: renderRssParts as Renderers["rss"]["doc"] },
    atom: { item: renderAtomEntry, doc: renderAtomParts as Renderers["atom"]["doc"] },
    json: { item: serializeJsonFeedItem, doc: renderJsonFeedParts as Renderers["json"]["doc"] },
  };
  const documents = planDocuments(digest, site.feedSize, memoStories(digest));
  const shared = new SharedItems();
  for (const { page } of documents) for (const entry of page.items) shared.expect(subjectOf(entry), page.archive > 0);
  for (const { scope, page } of documents) {
    const archived = page.archive > 0;
    // The same in every format: worked out once per document.
    const common = documentHead(scope, page.archive, page.items, site);
    let itemsFingerprint: string | undefined;
    let feedItems: FeedItem[] | undefined;
    for (const format of FEED_FORMATS) {
      const path = documentPath(scope, page, format);
      const head = formatHead(common, scope, format, page.archive, site, page.older);
      if (unchanged && unchanged(path, documentFingerprint(format, head, (itemsFingerprint ??= hashOf(JSON.stringify([siteFingerprint, page.items.map((entry) => items.fingerprint(entry, archived))])))))) continue;
      feedItems ??= page.items.map((entry) => shared.item(subjectOf(entry), archived, () => items.item(entry, archived)));
      const renderItem = (item: FeedItem): never => shared.rendered(item, format, renderers[format].item) as never;
      yield { path, contents: encode(renderers[format].doc({ ...head, items: feedItems }, renderItem)), mediaType: MEDIA_TYPES[format] };
    }
    for (const entry of page.items) shared.release(subjectOf(entry), archived);
  }
  yield* changedContents([{ path: OPML_PATH, contents: renderOpml(site.title, opmlFolders(digest, site), digest.articles[0]?.publishedAt ?? EMPTY_FEED_DATE), mediaType: "text/x-opml" }], unchanged);
}

function opmlFolders(digest: FeedContent, site: FeedSite): OpmlFolder[] {
  const folders: OpmlFolder[] = [
    { title: site.title, feeds: [] },
    { title: "Outlets", feeds: [] },
    { title: "Topics", feeds: [] },
  ];
  const folderOf = { site: 0, stories: 0, provider: 1, topic: 2 } as const;
  for (const scope of allScopes(digest)) {
    (folders[folderOf[scope.kind]]?.feeds as OpmlFeed[]).push({ title: scopeTitle(scope, site.title), xmlUrl: absoluteUrl(site, feedLinks(scope).rss), htmlUrl: absoluteUrl(site, scopePageUrl(scope)) });
  }
  return folders;
}

/**
 * Says whether the file at `path` already holds the document with this fingerprint (a watch-mode
 * rebuild skips rendering and writing it); the caller remembers the fingerprint either way.
 */
export type UnchangedCheck = (path: string, fingerprint: string) => boolean;

/**
 * A document's fingerprint covers everything its file is rendered from: the format, the
 * document's own fields and `itemsFingerprint`, the site's settings and each item's inputs (the
 * same for the document's three formats, so hashed once). Renderers are pure functions of these,
 * so equal fingerprints mean equal files.
 */
function documentFingerprint(format: FeedFormat, head: FeedHead, itemsFingerprint: string): string {
  return hashOf(JSON.stringify([format, head, itemsFingerprint]));
}

/** A document without its items: what is known before any item is made. */
type FeedHead = Omit<FeedDocument, "items">;

/** What a document's head is in every format (its links differ). */
type CommonHead = Pick<FeedHead, "title" | "description" | "homeUrl" | "updated" | "icon" | "logo">;

function documentHead(scope: FeedScope, archive: number, entries: readonly ScopeEntry[], site: FeedSite): CommonHead {
  const icon = absoluteUrl(site, SITE_ICON_PATH);
  return {
    title: archive === 0 ? scopeTitle(scope, site.title) : `${scopeTitle(scope, site.title)} (archive ${archive})`,
    description: scopeDescription(scope, site),
    homeUrl: absoluteUrl(site, scopePageUrl(scope)),
    // The latest change among the items: a stories feed is ordered by first publication, and an
    // older story that just gained coverage changed after the newest one began.
    updated: entries.reduce<string | undefined>((latest, entry) => {
      const updated = entryUpdated(entry, archive > 0);
      return latest === undefined || updated > latest ? updated : latest;
    }, undefined) ?? EMPTY_FEED_DATE,
    icon,
    logo: (scope.kind === "provider" ? providerLogo(scope.term.articles) : undefined) ?? icon,
  };
}

function formatHead(common: CommonHead, scope: FeedScope, format: FeedFormat, archive: number, site: FeedSite, older: number | undefined): FeedHead {
  const head = feedLinks(scope)[format];
  const self = archive === 0 ? head : archiveUrl(scope, format, archive);
  return {
    title: common.title,
    description: common.description,
    language: site.language,
    selfUrl: absoluteUrl(site, self),
    homeUrl: common.homeUrl,
    currentUrl: absoluteUrl(site, head),
    updated: common.updated,
    isArchive: archive > 0,
    ...(older !== undefined ? { prevArchiveUrl: absoluteUrl(site, archiveUrl(scope, format, older)) } : {}),
    siteTitle: site.title,
    icon: common.icon,
    logo: common.logo,
    ...(archive === 0 && site.websubHub ? { hub: site.websubHub } : {}),
  };
}

function scopeDescription(scope: FeedScope, site: FeedSite): string {
  if (scope.kind === "site") return site.description;
  if (scope.kind === "stories") return `Each story on ${site.title} once, with the other outlets that covered it.`;
  return `Stories ${scope.kind === "provider" ? "from" : "about"} ${scope.term.label} on ${site.title}.`;
}

/** The outlet's logo from its newest article that names one (files may disagree; the newest wins). */
function providerLogo(articles: readonly Article[]): string | undefined {
  for (const article of articles) {
    const logo = article.provider.images[0];
    if (logo) return logo.url;
  }
  return undefined;
}

export type { Article, JsonFeedItem, SerializedXml };

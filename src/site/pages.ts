import type { Article } from "../article/types.js";
import type { CoverageLink } from "../clusters/build-clusters.js";
import { foldByStory } from "../clusters/story-fold.js";
import type { Digest } from "../digest.js";
import { scopeTitle } from "../feeds/scope.js";
import { paginate, type Page } from "../taxonomy/paginate.js";
import { topicKeys, type Term, type TermKind } from "../taxonomy/term.js";
import { ALSO_COVERED_OUTLETS, CARD_OUTLETS, CARD_TOPICS } from "./limits.js";
import type { FeedLinkSet } from "./kit.js";

/**
 * A provider or topic as cards, article pages and the `providers`/`topics` collections show it
 * (issue 4: "terms with slug, label, count, url"). Plain data: the term's article list stays out,
 * so a site template iterating a collection does not drag every article along.
 */
export interface TermLink {
  kind: TermKind;
  /**
   * The term's identity: the provider's domain, or the case-folded topic name. Labels need not be
   * unique (two outlets may share a name), so this is what the search page's `provider` filter holds.
   */
  key: string;
  /** Unique path segment under `/providers/` or `/topics/`. */
  slug: string;
  label: string;
  /** Site-relative URL of the term's first page, without the path prefix. */
  url: string;
  /** Published articles in the term. */
  count: number;
  /** Stories in the term: its articles with each story cluster counted once, as its pages list them. */
  stories: number;
}

/**
 * A term as a card or an article page links to it: without its counts, which change whenever
 * any article joins the term. A page shows what it is rendered from, and an article page should
 * not be rendered again because an unrelated article joined one of its topics (a deploy build
 * skips pages whose inputs are unchanged: see site-pages.ts).
 */
export type TermRef = Omit<TermLink, "count" | "stories">;

/** An article with the term links its card needs, computed once per build. */
export interface ArticleCard {
  article: Article;
  provider: TermRef;
  /** The article's first {@link CARD_TOPICS} distinct topics, in the order its file lists them. */
  topics: TermRef[];
  /** All its distinct topics, so a card can say how many it leaves out. */
  topicCount: number;
  /** The first {@link CARD_OUTLETS} other outlets covering the story, newest first (the article page's `#coverage` lists more). */
  alsoCoveredBy: CoverageLink[];
  /** All other outlets covering the story: the card's "+N outlets". */
  alsoCoveredByCount: number;
}

export type { FeedLinkSet };

export interface ArticlePageData {
  card: ArticleCard;
  /** Every distinct topic of the article (the card holds only the first few): one page each, so still linear. */
  topics: TermRef[];
  /** The first {@link ALSO_COVERED_OUTLETS} other outlets covering the story, newest first. */
  alsoCoveredBy: CoverageLink[];
  /** All other outlets covering the story, listed or not. */
  alsoCoveredByCount: number;
  /** Distinct outlets covering the story, this one included. */
  outlets: number;
  pageUrl: string;
}

export interface ListPageData {
  kind: "home" | "provider" | "topic";
  /** The term for provider and topic pages. */
  term?: TermLink;
  /**
   * One card per story (see foldByStory): the story's best-scoring article in this list. On the
   * home page, the stories under Top stories are left out of every page, so none shows twice.
   */
  page: Page<ArticleCard>;
  pageUrl: string;
  feeds: FeedLinkSet;
  /** Home page 1 only. */
  topStories: ArticleCard[];
}

export interface TermIndexData {
  kind: "provider" | "topic";
  title: string;
  terms: TermLink[];
  pageUrl: string;
}

/** What a build needs once the pages are written: the terms (collections, search page) and every page's URL (sitemap). */
export interface SiteIndex {
  providers: TermLink[];
  topics: TermLink[];
  /** Every HTML page's site-relative URL, for the sitemap. */
  urls: string[];
}

/** One entry per page; the entries (and the cards they share) are let go once the pages are written. */
export interface SitePlan extends SiteIndex {
  articles: ArticlePageData[];
  lists: ListPageData[];
  termIndexes: TermIndexData[];
}

export type FeedScopeRef = { kind: "site" } | { kind: "provider" | "topic"; term: Term };

const toRef = (term: Term): TermRef => ({ kind: term.kind, key: term.key, slug: term.slug, label: term.label, url: term.url });
const toLink = (term: Term, stories: number): TermLink => ({ ...toRef(term), count: term.count, stories });

/**
 * Turns the digest into plain page objects, one per HTML page, which the layouts render
 * (site-pages.ts). Work here is linear in articles plus term memberships.
 */
export function planSite(digest: Digest, pageSize: number, feedLinks: (scope: FeedScopeRef) => Omit<FeedLinkSet, "title">, siteTitle: string): SitePlan {
  const { clusterOf, alsoCoveredBy } = digest.clusters;
  // Each term's list, one article per story: its pages and its story count come from the same fold.
  const folded = new Map<Term, Article[]>();
  for (const term of [...digest.providers, ...digest.topics]) folded.set(term, foldByStory(term.articles, clusterOf));
  const linkOf = (term: Term): TermLink => toLink(term, (folded.get(term) as Article[]).length);
  const providerLinks = new Map(digest.providers.map((t) => [t.key, linkOf(t)] as const));
  const topicLinks = new Map(digest.topics.map((t) => [t.key, linkOf(t)] as const));
  const providerRefs = new Map(digest.providers.map((t) => [t.key, toRef(t)] as const));
  const topicRefs = new Map(digest.topics.map((t) => [t.key, toRef(t)] as const));
  const topicKey = topicKeys();
  const cards = new Map<Article, ArticleCard>();
  const allTopics = new Map<Article, TermRef[]>();
  const coverage = new Map<Article, { links: CoverageLink[]; count: number }>();
  for (const article of digest.articles) {
    const seen = new Set<string>();
    const topics: TermRef[] = [];
    for (const name of article.topics) {
      const key = topicKey(name);
      const link = topicRefs.get(key);
      if (link && !seen.has(key)) {
        seen.add(key);
        topics.push(link);
      }
    }
    allTopics.set(article, topics);
    const others = alsoCoveredBy.first(article.pageUrl, ALSO_COVERED_OUTLETS);
    coverage.set(article, others);
    cards.set(article, {
      article,
      provider: providerRefs.get(article.provider.domain) as TermRef,
      topics: topics.slice(0, CARD_TOPICS),
      topicCount: topics.length,
      // Asked for rather than sliced from `others`, so the index can fingerprint it (CoverageIndex.fingerprintOf).
      alsoCoveredBy: alsoCoveredBy.first(article.pageUrl, CARD_OUTLETS).links,
      alsoCoveredByCount: others.count,
    });
  }
  const cardOf = (article: Article): ArticleCard => cards.get(article) as ArticleCard;

  const articles: ArticlePageData[] = digest.articles.map((article) => {
    const others = coverage.get(article) as { links: CoverageLink[]; count: number };
    return {
      card: cardOf(article),
      topics: allTopics.get(article) as TermRef[],
      alsoCoveredBy: others.links,
      alsoCoveredByCount: others.count,
      outlets: clusterOf.get(article.pageUrl)?.outlets ?? 1,
      pageUrl: article.pageUrl,
    };
  });

  const lists: ListPageData[] = [];
  const topStories = digest.topStories.map(cardOf);
  // Each top story is shown once, in its own block on page 1, and left out of Latest on every page.
  const latest = foldByStory(digest.articles, clusterOf, digest.topStories);
  for (const page of paginate(latest.map(cardOf), pageSize, "/")) {
    lists.push({ kind: "home", page, pageUrl: page.url, feeds: { title: scopeTitle({ kind: "site" }, siteTitle), ...feedLinks({ kind: "site" }) }, topStories: page.pageNumber === 1 ? topStories : [] });
  }
  for (const term of [...digest.providers, ...digest.topics]) {
    const link = (term.kind === "provider" ? providerLinks : topicLinks).get(term.key) as TermLink;
    // The same title the feed itself carries, so readers list it under one name.
    const feeds = { title: scopeTitle({ kind: term.kind, term }, siteTitle), ...feedLinks({ kind: term.kind, term }) };
    for (const page of paginate((folded.get(term) as Article[]).map(cardOf), pageSize, term.url)) {
      lists.push({ kind: term.kind, term: link, page, pageUrl: page.url, feeds, topStories: [] });
    }
  }

  // One link object per term, shared by term pages and the collections.
  const providers = [...providerLinks.values()];
  const topics = [...topicLinks.values()];
  const termIndexes: TermIndexData[] = [
    { kind: "provider", title: "Providers", terms: providers, pageUrl: "/providers/" },
    { kind: "topic", title: "Topics", terms: topics, pageUrl: "/topics/" },
  ];
  const urls = [...lists.map((l) => l.pageUrl), ...articles.map((a) => a.pageUrl), "/providers/", "/topics/", "/feeds/", "/search/"];
  return { articles, lists, termIndexes, providers, topics, urls };
}

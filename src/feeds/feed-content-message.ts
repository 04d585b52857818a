import type { Article } from "../article/types.js";
import type { StoryCluster } from "../clusters/build-clusters.js";
import { CoverageIndex, type CoverageEntries, type OutletLink } from "../clusters/coverage-index.js";
import { feedCoverage } from "./feed-coverage.js";
import type { Term } from "../taxonomy/term.js";
import type { FeedContent } from "./scope.js";

/**
 * What the feeds are rendered from, as a message a worker thread can receive: structured clone
 * keeps shared objects shared (an article in five terms arrives once), but drops class methods,
 * so the coverage index travels as its entries, with only what feed items show of each link
 * (feed-coverage.ts). Articles travel without their `related[]` items and body, which no feed
 * reads and which are most of an article's size.
 */
export interface FeedContentMessage {
  articles: Article[];
  providers: Term[];
  topics: Term[];
  clusters: StoryCluster[];
  clusterOf: Map<string, StoryCluster>;
  coverage: CoverageEntries<OutletLink>;
}

export function feedContentMessage(digest: FeedContent): FeedContentMessage {
  const lean = new Map<Article, Article>();
  const leanOf = (article: Article): Article => {
    let copy = lean.get(article);
    if (!copy) {
      // Nor the other addresses or the fields no item shows; of the images, only the lead one is shown.
      const { webUrl: _webUrl, ampUrl: _ampUrl, aliasKeys: _aliasKeys, category: _category, type: _type, ...shown } = article;
      copy = { ...shown, images: article.images.slice(0, 1), related: [], body: "" };
      lean.set(article, copy);
    }
    return copy;
  };
  const termOf = (term: Term): Term => ({ ...term, articles: term.articles.map(leanOf) });
  return {
    articles: digest.articles.map(leanOf),
    providers: digest.providers.map(termOf),
    topics: digest.topics.map(termOf),
    clusters: digest.clusters.clusters,
    clusterOf: digest.clusters.clusterOf,
    coverage: feedCoverage(digest.clusters.alsoCoveredBy).entries(),
  };
}

export function feedContentOf(message: FeedContentMessage): FeedContent {
  const { articles, providers, topics, clusters, clusterOf, coverage } = message;
  return { articles, providers, topics, clusters: { clusters, clusterOf, alsoCoveredBy: new CoverageIndex(coverage) } };
}

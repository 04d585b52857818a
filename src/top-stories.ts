import type { Article } from "./article/types.js";
import type { ClusterIndex } from "./clusters/build-clusters.js";

// Only recent stories compete, so a years-old viral piece does not sit on the front page forever.
const CANDIDATES = 200;

/**
 * Score = quality (0–100, default 50) scaled to 0–1, plus heat on a log scale, plus the number of
 * outlets covering the story (the strongest signal that a story matters), each roughly 0–2.
 */
export function storyScore(article: Article, outlets: number): number {
  const quality = (article.quality ?? 50) / 100;
  const heat = Math.log10(1 + Math.max(0, article.heat ?? 0)) / 1.5;
  const coverage = Math.log2(Math.max(1, outlets));
  return quality + heat + coverage;
}

/** The `count` best-scoring of the newest articles; ties go to the newer one. */
export function rankTopStories(articles: readonly Article[], clusters: ClusterIndex, count: number): Article[] {
  return articles
    .slice(0, CANDIDATES)
    .map((article, index) => ({ article, index, score: storyScore(article, clusters.clusterOf.get(article.pageUrl)?.outlets ?? 1) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.article);
}

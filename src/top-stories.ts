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

/**
 * The `count` best-scoring of the newest articles, one per story: when several outlets' copies of
 * one story cluster are candidates, only the best-scoring copy stays, so the block shows `count`
 * different stories rather than one story `count` times (they share the cluster's coverage score).
 * Ties go to the newer article.
 */
export function rankTopStories(articles: readonly Article[], clusters: ClusterIndex, count: number): Article[] {
  const ranked = articles
    .slice(0, CANDIDATES)
    .map((article, index) => {
      const cluster = clusters.clusterOf.get(article.pageUrl);
      // An article outside every cluster is a story of its own; page URLs and cluster ids never collide.
      return { article, index, story: cluster ? `cluster:${cluster.id}` : `page:${article.pageUrl}`, score: storyScore(article, cluster?.outlets ?? 1) };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const seen = new Set<string>();
  const top: Article[] = [];
  for (const entry of ranked) {
    if (top.length >= count) break;
    if (seen.has(entry.story)) continue;
    seen.add(entry.story);
    top.push(entry.article);
  }
  return top;
}

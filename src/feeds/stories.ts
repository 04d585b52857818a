import type { Article } from "../article/types.js";
import type { ClusterIndex, StoryCluster } from "../clusters/build-clusters.js";
import type { Digest } from "../digest.js";
import { storyScore } from "../top-stories.js";

/** One story in the stories feeds: its best-scoring published article stands for it. */
export interface Story {
  cluster: StoryCluster;
  lead: Article;
  /** The story's first and latest publication on this site. */
  firstPublishedAt: string;
  lastPublishedAt: string;
}

/** How many stories {@link planStories} gives: one per cluster that holds a published article. */
export function storyCount(digest: Pick<Digest, "articles"> & { clusters: Pick<ClusterIndex, "clusterOf"> }): number {
  const clusters = new Set<StoryCluster>();
  for (const article of digest.articles) {
    const cluster = digest.clusters.clusterOf.get(article.pageUrl);
    if (cluster) clusters.add(cluster);
  }
  return clusters.size;
}

/**
 * Every story once, newest first by its first publication on the site: that date does not move as
 * outlets join, so a story keeps its place and the stories archives behave like the others. The
 * lead is the member with the best {@link storyScore} (they share the outlet count, so quality and
 * heat decide), ties to the earlier: a story's lead, and so its archived item, changes only when a
 * better-scoring copy joins. Linear in the articles.
 */
export function planStories(digest: Pick<Digest, "articles"> & { clusters: Pick<ClusterIndex, "clusterOf"> }): Story[] {
  const byCluster = new Map<StoryCluster, Story & { leadScore: number }>();
  // Articles are newest first: walking them backwards meets each story's first article first.
  for (let i = digest.articles.length - 1; i >= 0; i--) {
    const article = digest.articles[i] as Article;
    const cluster = digest.clusters.clusterOf.get(article.pageUrl);
    if (!cluster) continue;
    const score = storyScore(article, cluster.outlets);
    const story = byCluster.get(cluster);
    if (!story) {
      byCluster.set(cluster, { cluster, lead: article, leadScore: score, firstPublishedAt: article.publishedAt, lastPublishedAt: article.publishedAt });
      continue;
    }
    story.lastPublishedAt = article.publishedAt;
    if (score > story.leadScore) {
      story.lead = article;
      story.leadScore = score;
    }
  }
  const stories = [...byCluster.values()].map(({ leadScore: _score, ...story }) => story);
  // Stable on equal dates by story id, never by file order.
  return stories.sort((a, b) => (a.firstPublishedAt === b.firstPublishedAt ? (a.cluster.id < b.cluster.id ? -1 : 1) : a.firstPublishedAt < b.firstPublishedAt ? 1 : -1));
}

import type { Article } from "../article/types.js";
import { storyScore } from "../top-stories.js";
import type { ClusterIndex, StoryCluster } from "./build-clusters.js";

/**
 * What tells two articles apart as stories: the cluster object itself, compared by identity, so
 * nothing depends on what a cluster's `id` is made of. An article in no cluster (the core puts
 * every published article in one, but a caller's index may not) is a story of its own.
 */
type StoryKey = StoryCluster | Article;

/**
 * One article per story, for a list page (home, provider, topic): when several of the list's
 * articles belong to one story cluster, only the story's best member for that list stays, so a
 * reader sees each story once instead of once per outlet.
 *
 * The best member is the one with the highest {@link storyScore}; a tie goes to the newer article,
 * then to the one listed first. Members share the story's outlet count, so in practice quality
 * and heat decide. The result keeps the input's order (lists are newest first): each story sits
 * where its chosen member sits.
 *
 * `except` takes out whole stories, whichever of their members it names: the home page leaves out
 * the stories already shown under Top stories. Linear in `articles` plus `except`.
 */
export function foldByStory(articles: readonly Article[], clusterOf: ClusterIndex["clusterOf"], except: readonly Article[] = []): Article[] {
  const excluded = new Set<StoryKey>();
  for (const article of except) excluded.add(clusterOf.get(article.pageUrl) ?? article);

  const best = new Map<StoryKey, { index: number; score: number }>();
  // Whether the article at each index is (so far) its story's choice: replacing a choice clears
  // its flag, so one pass over the flags gives the result in the input's order without a sort.
  const chosen = new Uint8Array(articles.length);
  articles.forEach((article, index) => {
    const cluster = clusterOf.get(article.pageUrl);
    const key: StoryKey = cluster ?? article;
    if (excluded.has(key)) return;
    const score = storyScore(article, cluster?.outlets ?? 1);
    const current = best.get(key);
    if (current && !beats(article, score, articles[current.index] as Article, current.score)) return;
    if (current) chosen[current.index] = 0;
    chosen[index] = 1;
    best.set(key, { index, score });
  });
  return articles.filter((_, index) => chosen[index] === 1);
}

/** Higher score first, then the newer article; an exact tie keeps the member already chosen (listed first). */
function beats(candidate: Article, score: number, current: Article, currentScore: number): boolean {
  if (score !== currentScore) return score > currentScore;
  return candidate.publishedMs > current.publishedMs;
}

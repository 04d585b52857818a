import type { Problem } from "./errors.js";
import type { NewsDigestOptions } from "./options.js";
import type { Article } from "./article/types.js";
import type { ArticleDraft } from "./article/validate.js";
import { assignSlugs } from "./article/slug.js";
import { DigestMemo } from "./digest-memo.js";
import { buildClusters, type ClusterIndex } from "./clusters/build-clusters.js";
import { groupByProvider, groupByTopic } from "./taxonomy/group.js";
import type { Term } from "./taxonomy/term.js";
import { rankTopStories } from "./top-stories.js";

export const ARTICLE_BASE_URL = "/articles/";

export interface DigestCounts {
  files: number;
  valid: number;
  published: number;
  unpublished: number;
  /** Future-dated articles left out under `futureArticles: "hold"`. */
  held: number;
  invalid: number;
  duplicates: number;
  warnings: number;
  providers: number;
  topics: number;
  clusters: number;
}

/** Everything the site, feeds and search are built from. */
export interface Digest {
  /** Published articles, newest first. */
  articles: Article[];
  /** Unpublished (and held) articles, for the counts only: nothing built for the site (page, feed, search record, story cluster) reads them. */
  unpublished: Article[];
  providers: Term[];
  topics: Term[];
  clusters: ClusterIndex;
  topStories: Article[];
  problems: Problem[];
  counts: DigestCounts;
}

export interface DigestInput {
  files: readonly string[];
  drafts: readonly ArticleDraft[];
  problems: readonly Problem[];
}

function byNewest(a: { publishedMs: number; sourceFile: string }, b: { publishedMs: number; sourceFile: string }): number {
  return b.publishedMs - a.publishedMs || (a.sourceFile < b.sourceFile ? -1 : a.sourceFile > b.sourceFile ? 1 : 0);
}

/**
 * Two files with one canonical URL are one article. Rule: a published file beats an unpublished
 * one; between equals, the file whose path sorts first wins. The loser is named in a warning.
 * `shown` says which files are published now: a held file counts as unpublished, or a future copy
 * whose path sorts first would take a live article off the site until its time.
 */
function dropDuplicates(drafts: readonly ArticleDraft[], shown: (draft: ArticleDraft) => boolean): { kept: Map<string, ArticleDraft>; problems: Problem[] } {
  const winners = new Map<string, ArticleDraft>();
  const problems: Problem[] = [];
  const sorted = [...drafts].sort((a, b) => (a.sourceFile < b.sourceFile ? -1 : 1));
  for (const draft of sorted) {
    const key = draft.urlKey;
    const current = winners.get(key);
    if (!current) {
      winners.set(key, draft);
      continue;
    }
    const replace = shown(draft) && !shown(current);
    const [keep, drop] = replace ? [draft, current] : [current, draft];
    winners.set(key, keep);
    problems.push({
      severity: "warning",
      file: drop.sourceFile,
      field: "originalUrl",
      expected: "a URL no other article file has",
      received: `the same canonical URL as ${keep.sourceFile}`,
      hint: `kept ${keep.sourceFile} (${replace ? "it is published" : "its path sorts first"}); ${drop.sourceFile} was skipped`,
    });
  }
  return { kept: winners, problems };
}

/** The published articles and their terms, complete before story clusters are built. */
export type GroupedArticles = Pick<Digest, "articles" | "providers" | "topics">;

/**
 * Pure: drafts in, the whole digest out. `now` decides what "future" means under
 * `futureArticles: "hold"`. `onGrouped` sees the published articles and terms as soon as they are
 * final, before the clusters (the search index starts from them meanwhile). `memo` is a watch
 * session's, which the previous digest filled: unchanged drafts keep their slugs and article objects.
 */
export function createDigest(input: DigestInput, options: NewsDigestOptions, now: Date = new Date(), onGrouped?: (grouped: GroupedArticles) => void, memo?: DigestMemo): Digest {
  const problems: Problem[] = [...input.problems];
  const nowMs = now.getTime();
  const isHeld = (draft: ArticleDraft): boolean => draft.published && options.futureArticles === "hold" && draft.publishedMs > nowMs;
  const { kept, problems: duplicateProblems } = dropDuplicates(input.drafts, (draft) => draft.published && !isHeld(draft));
  problems.push(...duplicateProblems);

  let held = 0;
  // Keyed by canonical URL, which dropDuplicates left unique: a slug never depends on file names.
  const publishable = new Map<string, ArticleDraft>();
  const hidden: Article[] = [];
  for (const [urlKey, draft] of kept) {
    if (draft.published && !isHeld(draft)) publishable.set(urlKey, draft);
    else {
      if (draft.published) held++;
      hidden.push({ ...draft, urlKey, published: false, slug: "", pageUrl: "" });
    }
  }

  const session = memo ?? new DigestMemo();
  const { slugs } = assignSlugs(publishable.keys(), (urlKey) => session.naturalSlug(publishable.get(urlKey) as ArticleDraft));
  const articles: Article[] = [...publishable.values()]
    .map((draft) => {
      const slug = slugs.get(draft.urlKey) as string;
      return session.publishedArticle(draft, slug, `${ARTICLE_BASE_URL}${slug}/`);
    })
    .sort(byNewest);
  const unpublished = hidden.sort(byNewest);

  const providers = groupByProvider(articles);
  const topics = groupByTopic(articles);
  problems.push(...providers.problems, ...topics.problems);
  onGrouped?.({ articles, providers: providers.terms, topics: topics.terms });
  // Published articles only: see buildClusters for what hidden members would give away.
  const clusters = buildClusters(articles, memo?.stories);

  const invalidFiles = new Set(problems.filter((p) => p.severity === "error").map((p) => p.file));
  return {
    articles,
    unpublished,
    providers: providers.terms,
    topics: topics.terms,
    clusters,
    topStories: rankTopStories(articles, clusters, options.topStories),
    problems,
    counts: {
      files: input.files.length,
      valid: input.drafts.length,
      published: articles.length,
      unpublished: unpublished.length - held,
      held,
      invalid: invalidFiles.size,
      duplicates: duplicateProblems.length,
      warnings: problems.filter((p) => p.severity === "warning").length,
      providers: providers.terms.length,
      topics: topics.terms.length,
      clusters: clusters.clusters.length,
    },
  };
}

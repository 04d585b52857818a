import type { Article } from "../article/types.js";
import { planFeedPages, type FeedPage } from "./archive.js";
import { allScopes, scopeArticles, type FeedContent, type FeedScope } from "./scope.js";
import type { Story } from "./stories.js";

/** A scope's entries, newest first: articles, or stories for the stories feeds. */
export type ScopeEntry = { article: Article } | { story: Story };

/** One feed document, in every format: the head or an archive page of one scope. */
export interface PlannedDocument {
  scope: FeedScope;
  page: FeedPage<ScopeEntry>;
}

export const subjectOf = (entry: ScopeEntry): Article | Story => ("article" in entry ? entry.article : entry.story);

/** The article an entry's item shows: the article itself, or the story's lead. */
export const articleOf = (entry: ScopeEntry): Article => ("article" in entry ? entry.article : entry.story.lead);

const entryTime = (entry: ScopeEntry): number => ("article" in entry ? entry.article.publishedMs : Date.parse(entry.story.firstPublishedAt));

/**
 * Every feed document of every scope, in the order of each one's newest entry, newest first
 * (scopes in their usual order among equals). Scope by scope, the site's documents came first
 * and held every article's item until the last topic's feeds, so every item was in memory at
 * once; in this order an item's documents in every scope come close together, since each covers
 * a run of consecutive dates in its scope, and what is held at any time is about the items of the
 * one document per scope that spans that date (see SharedItems). Files are the same, in another order.
 */
export function planDocuments(digest: FeedContent, feedSize: number, stories: () => readonly Story[]): PlannedDocument[] {
  const documents: { document: PlannedDocument; newest: number }[] = [];
  for (const scope of allScopes(digest)) {
    const entries: ScopeEntry[] = scope.kind === "stories" ? stories().map((story) => ({ story })) : scopeArticles(digest, scope).map((article) => ({ article }));
    for (const page of planFeedPages(entries, feedSize)) {
      const first = page.items[0];
      // An empty scope's head feed has no date; it holds no items, so its place does not matter.
      documents.push({ document: { scope, page }, newest: first ? entryTime(first) : Number.POSITIVE_INFINITY });
    }
  }
  // Array.prototype.sort is stable: equal dates keep scope order.
  return documents.sort((a, b) => b.newest - a.newest).map(({ document }) => document);
}

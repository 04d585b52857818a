import type { Article } from "../article/types.js";
import type { TermLink } from "../site/pages.js";
import type { BuildState } from "./build-state.js";

/**
 * An article as `collections.articles` gives it to a site template: its fields, Eleventy's usual
 * `url` (the page on this site), the outlet's canonical link as `sourceUrl` (`url` would
 * otherwise hide it) and the date under its source name `publishedDateTime` too, normalised.
 */
export type ArticleEntry = Article & { url: string; sourceUrl: string; publishedDateTime: string };

export interface SiteCollectionData {
  articles: ArticleEntry[];
  providers: TermLink[];
  topics: TermLink[];
}

export type SiteCollectionName = keyof SiteCollectionData;

/**
 * The collections a site's templates can list, one at a time (Eleventy asks for each of them every
 * build); empty before the first build has loaded the digest. An article's entry is made once per
 * article object, which a watch session keeps while the article's file is unchanged (DigestMemo):
 * copying all 10,000 articles for every collection was about 50-90 ms of a one-article rebuild.
 */
export function siteCollections(): <N extends SiteCollectionName>(state: BuildState | undefined, name: N) => SiteCollectionData[N] {
  const entries = new WeakMap<Article, ArticleEntry>();
  const entryOf = (article: Article): ArticleEntry => {
    let entry = entries.get(article);
    if (!entry) {
      entry = { ...article, url: article.pageUrl, sourceUrl: article.url, publishedDateTime: article.publishedAt };
      entries.set(article, entry);
    }
    return entry;
  };
  const collections = {
    articles: (state: BuildState | undefined): ArticleEntry[] => (state?.digest.articles ?? []).map(entryOf),
    providers: (state: BuildState | undefined): TermLink[] => state?.site.providers ?? [],
    topics: (state: BuildState | undefined): TermLink[] => state?.site.topics ?? [],
  };
  return (state, name) => collections[name](state) as SiteCollectionData[typeof name];
}

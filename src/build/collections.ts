import type { Article } from "../article/types.js";
import type { TermLink } from "../site/pages.js";
import type { BuildState } from "./build-state.js";

/** An article as `collections.articles` gives it to a site template: the article's fields plus Eleventy's usual `url`. */
export type ArticleEntry = Article & { url: string };

/** The collections a site's templates can list; empty before the first build has loaded the digest. */
export function siteCollections(state: BuildState | undefined): { articles: ArticleEntry[]; providers: TermLink[]; topics: TermLink[] } {
  return {
    articles: (state?.digest.articles ?? []).map((article) => ({ ...article, url: article.pageUrl })),
    providers: state?.site.providers ?? [],
    topics: state?.site.topics ?? [],
  };
}

import type { Article } from "../article/types.js";
import type { TermLink } from "../site/pages.js";
import type { BuildState } from "./build-state.js";

/**
 * An article as `collections.articles` gives it to a site template: its fields, Eleventy's usual
 * `url` (the page on this site), the outlet's canonical link as `sourceUrl` (`url` would
 * otherwise hide it) and the date under its source name `publishedDateTime` too, normalised.
 */
export type ArticleEntry = Article & { url: string; sourceUrl: string; publishedDateTime: string };

/** The collections a site's templates can list; empty before the first build has loaded the digest. */
export function siteCollections(state: BuildState | undefined): { articles: ArticleEntry[]; providers: TermLink[]; topics: TermLink[] } {
  return {
    articles: (state?.digest.articles ?? []).map((article) => ({ ...article, url: article.pageUrl, sourceUrl: article.url, publishedDateTime: article.publishedAt })),
    providers: state?.site.providers ?? [],
    topics: state?.site.topics ?? [],
  };
}

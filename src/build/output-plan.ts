import type { Digest } from "../digest.js";
import { feedFilePaths } from "../feeds/index.js";
import type { NewsDigestOptions } from "../options.js";
import { paginatedPageUrls } from "../site/page-kinds.js";
import type { SitePlan } from "../site/pages.js";
import { singlePagePaths } from "../site/single-pages.js";
import { sitePathOf } from "../site/site-pages.js";
import { sitemapPaths } from "../site/sitemap.js";

/**
 * Every file one build of the digest writes, as site paths, known before any is written: pages,
 * feeds and their archives, OPML, sitemaps, robots.txt, and the single pages and assets Eleventy
 * renders for it. (The search bundle's files are only known once Pagefind wrote them.)
 */
export function plannedOutputFiles(plan: SitePlan, digest: Digest, options: Pick<NewsDigestOptions, "feedSize" | "siteUrl">): Set<string> {
  const files = new Set<string>();
  for (const url of paginatedPageUrls(plan)) files.add(sitePathOf(url));
  for (const file of feedFilePaths(digest, options.feedSize)) files.add(file);
  for (const file of sitemapPaths(plan.urls.length, options.siteUrl)) files.add(file);
  for (const file of singlePagePaths()) files.add(file);
  return files;
}

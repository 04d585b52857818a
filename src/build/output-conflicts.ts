import { SINGLE_PAGES, singlePageInputPath } from "../site/single-pages.js";
import { sitePathOf } from "../site/site-pages.js";

/** Eleventy's content map: every template's input path and the URLs its pages get (false: not written). */
export type TemplateUrls = Readonly<Record<string, readonly (string | false)[]>>;

const SEARCH_BUNDLE = "/pagefind/";

/** The digest's own virtual templates: Eleventy reports them among the site's, at the URLs the manifest expects. */
function isOwnTemplate(inputPath: string, url: string): boolean {
  return SINGLE_PAGES.some((page) => page.permalink === url && inputPath.endsWith(singlePageInputPath(page)));
}

/**
 * Site templates whose output file is also a file of the digest (any page, feed, archive,
 * sitemap, robots.txt, OPML, asset or the search bundle's folder), one message each. Eleventy
 * announces every template's URL before it renders any, so the build fails here without a byte
 * of the digest overwritten; without the check, a site page at `/robots.txt` would silently
 * replace the digest's.
 */
export function findOutputConflicts(templates: TemplateUrls, digestFiles: ReadonlySet<string>): string[] {
  const conflicts: string[] = [];
  for (const [inputPath, urls] of Object.entries(templates)) {
    for (const url of urls) {
      if (typeof url !== "string" || isOwnTemplate(inputPath, url)) continue;
      const file = sitePathOf(url);
      if (digestFiles.has(file) || file.startsWith(SEARCH_BUNDLE)) {
        conflicts.push(`${inputPath} writes ${url}, which is a file of the news digest: give it another permalink.`);
      }
    }
  }
  return conflicts;
}

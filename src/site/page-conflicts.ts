import path from "node:path";
import { sitePathOf } from "./site-pages.js";

/** What Eleventy reports for each page it wrote (the `results` of its after-build event). */
export interface WrittenPage {
  inputPath: string;
  outputPath: string | false;
}

/**
 * Site templates whose output file is also one of the digest's pages, one message each. The core
 * writes its pages before Eleventy writes the site's, so without this check a site page with,
 * say, `permalink: /topics/` would silently replace the digest's topic index.
 */
export function findPageConflicts(pageUrls: Iterable<string>, outputDir: string, written: readonly WrittenPage[]): string[] {
  const claimed = new Map<string, WrittenPage>();
  for (const page of written) {
    if (typeof page.outputPath !== "string") continue;
    const relative = path.relative(outputDir, path.resolve(page.outputPath));
    claimed.set(`/${relative.split(path.sep).join("/")}`, page);
  }
  if (claimed.size === 0) return [];
  const conflicts: string[] = [];
  for (const pageUrl of pageUrls) {
    const page = claimed.get(sitePathOf(pageUrl));
    if (page) conflicts.push(`${page.inputPath} writes ${pageUrl}, which is a page of the news digest: give it another permalink.`);
  }
  return conflicts;
}

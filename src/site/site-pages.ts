import { createHash } from "node:crypto";
import type { UnchangedCheck } from "../feeds/index.js";
import type { LayoutKit } from "./kit.js";
import { PAGINATED_KIND_NAMES, PAGINATED_KINDS, renderEntry } from "./page-kinds.js";
import type { SitePlan } from "./pages.js";

/** The file a page URL is served from, relative to the output folder (`/a/` → `a/index.html`), as Eleventy maps permalinks. */
export function sitePathOf(pageUrl: string): string {
  return pageUrl.endsWith("/") ? `${pageUrl}index.html` : pageUrl;
}

/** A content fingerprint for watch mode's "unchanged since the last build" check. */
export function fingerprintOf(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}

/**
 * Every article, list and term-index page as a file to write, rendered one at a time so that
 * only the page being written is in memory. The core writes these itself instead of handing them
 * to Eleventy as paginated templates: Eleventy keeps every page it renders (HTML, data and page
 * objects, about 12–17 KB a page) until the build ends, and its per-page bookkeeping was most of
 * the rendering time (measured in README, Performance). In watch mode, `unchanged` skips pages
 * whose HTML is the same as last build's and whose file is still there.
 */
export function* sitePageFiles(
  plan: SitePlan,
  kit: LayoutKit,
  unchanged?: UnchangedCheck,
): Generator<{ path: string; contents: string }> {
  for (const kind of PAGINATED_KIND_NAMES) {
    for (const entry of PAGINATED_KINDS[kind].entries(plan)) {
      const contents = renderEntry(kit, kind, entry);
      const path = sitePathOf(entry.pageUrl);
      if (unchanged?.(path, fingerprintOf(contents))) continue;
      yield { path, contents };
    }
  }
}

import type { UnchangedCheck } from "../feeds/index.js";
import { Fingerprinter, hashOf } from "../fingerprint.js";
import type { Article } from "../article/types.js";
import type { CoverageLink } from "../clusters/build-clusters.js";
import type { LayoutKit } from "./kit.js";
import { PAGINATED_KIND_NAMES, PAGINATED_KINDS, renderEntry, type PageEntry, type PaginatedKind } from "./page-kinds.js";
import type { SitePlan } from "./pages.js";

/** The file a page URL is served from, relative to the output folder (`/a/` → `a/index.html`), as Eleventy maps permalinks. */
export function sitePathOf(pageUrl: string): string {
  return pageUrl.endsWith("/") ? `${pageUrl}index.html` : pageUrl;
}

/**
 * What a page is rendered from, as one fingerprint: its layouts' code, the site facts every layout
 * sees (the kit's helpers are pure functions of them) and the page's entry. Layouts are functions
 * of exactly these, so a page whose fingerprint is last build's need not be rendered to know its
 * HTML is unchanged; at 10,000 articles rendering every page was most of a deploy build that
 * changed a few dozen.
 */
export function pageInputFingerprinter(
  plan: SitePlan,
  kit: LayoutKit,
  layoutsFingerprint: string,
  articleFingerprint: (article: Article) => string | undefined = () => undefined,
  coverageFingerprint: (links: readonly CoverageLink[]) => string | undefined = () => undefined,
): (kind: PaginatedKind, entry: PageEntry) => string {
  const fingerprinter = new Fingerprinter();
  // Each article and its card are on its page and in every list that holds it: serialised once each.
  fingerprinter.share(plan.articles.map((page) => page.card.article), articleFingerprint);
  // An article page's coverage list, and a card's, stand as their fingerprints where known: their
  // links were most of what the pages' fingerprints serialised.
  fingerprinter.share(
    plan.articles.map((page) => page.alsoCoveredBy),
    coverageFingerprint,
  );
  // A card holds one shared object, its article: standing it in by its fingerprint, the card is plain
  // data that JSON.stringify serialises without calling back into script for every value (the
  // replacer's cost, most of fingerprinting the pages).
  fingerprinter.share(
    plan.articles.map((page) => page.card),
    (card) => hashOf(JSON.stringify({ ...card, article: fingerprinter.of(card.article), alsoCoveredBy: coverageFingerprint(card.alsoCoveredBy) ?? card.alsoCoveredBy })),
  );
  const context = fingerprinter.of({ layouts: layoutsFingerprint, site: kit.site });
  return (kind, entry) => fingerprinter.of([context, kind, entry]);
}

/** Skips pages the output folder already holds: `unchanged` is asked with each page's input fingerprint. */
export interface PageSkip {
  unchanged: UnchangedCheck;
  layoutsFingerprint: string;
  /** Articles' fingerprints from their files' bytes, where known (see article-fingerprint.ts). */
  articleFingerprint?: (article: Article) => string | undefined;
  /** Coverage lists' fingerprints, where known (`CoverageIndex.fingerprintOf`). */
  coverageFingerprint?: (links: readonly CoverageLink[]) => string | undefined;
}

/**
 * Every article, list and term-index page as a file to write, rendered one at a time so that
 * only the page being written is in memory. The core writes these itself instead of handing them
 * to Eleventy as paginated templates: Eleventy keeps every page it renders (HTML, data and page
 * objects, about 12–17 KB a page) until the build ends, and its per-page bookkeeping was most of
 * the rendering time (measured in README, Performance). With `skip` (watch rebuilds, and deploy
 * builds with the build cache), a page whose inputs are unchanged since the last build and whose
 * file is still there is neither rendered nor written.
 */
export function* sitePageFiles(plan: SitePlan, kit: LayoutKit, skip?: PageSkip): Generator<{ path: string; contents: string }> {
  const inputsOf = skip ? pageInputFingerprinter(plan, kit, skip.layoutsFingerprint, skip.articleFingerprint, skip.coverageFingerprint) : undefined;
  for (const kind of PAGINATED_KIND_NAMES) {
    for (const entry of PAGINATED_KINDS[kind].entries(plan)) {
      const path = sitePathOf(entry.pageUrl);
      if (skip && inputsOf && skip.unchanged(path, inputsOf(kind, entry))) continue;
      yield { path, contents: renderEntry(kit, kind, entry) };
    }
  }
}

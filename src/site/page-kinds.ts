import type { SafeHtml } from "../escape.js";
import { compactString } from "./compact-string.js";
import type { LayoutKit } from "./kit.js";
import type { RenderedPages } from "./page-cache.js";
import type { ArticlePageData, ListPageData, SitePlan, TermIndexData } from "./pages.js";

type Layout = (data: unknown, kit: LayoutKit) => SafeHtml;

/** The layout a page kind renders with (a site may have overridden it). */
export function layoutOf(kit: LayoutKit, name: string): Layout {
  return kit.layouts[name as keyof LayoutKit["layouts"]] as unknown as Layout;
}

/** Page kinds rendered once per entry of a plan array, each by one paginated template. */
export const PAGINATED_KINDS = {
  article: { layout: "article", entries: (plan: SitePlan): ArticlePageData[] => plan.articles },
  list: { layout: "list", entries: (plan: SitePlan): ListPageData[] => plan.lists },
  terms: { layout: "terms", entries: (plan: SitePlan): TermIndexData[] => plan.termIndexes },
} as const;
export type PaginatedKind = keyof typeof PAGINATED_KINDS;
export type PageEntry = ArticlePageData | ListPageData | TermIndexData;
export const PAGINATED_KIND_NAMES = Object.keys(PAGINATED_KINDS) as PaginatedKind[];

/** The HTML of one paginated page, straight from its layout, stored compactly (see compact-string.ts). */
export function renderEntry(kit: LayoutKit, kind: PaginatedKind, entry: PageEntry): string {
  return compactString(String(layoutOf(kit, PAGINATED_KINDS[kind].layout)(entry, kit)));
}

/**
 * The entries each paginated template renders this build: all of them, or on a watch-mode rebuild
 * (`rendered` holds the last build's pages) only those whose HTML changed or whose file is gone.
 */
export function pagesToRender(plan: SitePlan, kit: LayoutKit, rebuild?: { rendered: RenderedPages; outputDir: string }): Record<PaginatedKind, PageEntry[]> {
  const pages = {} as Record<PaginatedKind, PageEntry[]>;
  for (const kind of PAGINATED_KIND_NAMES) {
    const entries: PageEntry[] = PAGINATED_KINDS[kind].entries(plan);
    pages[kind] = rebuild ? rebuild.rendered.changed(entries, (entry) => renderEntry(kit, kind, entry), rebuild.outputDir) : entries;
  }
  return pages;
}

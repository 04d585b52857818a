import type { SafeHtml } from "../escape.js";
import type { LayoutKit } from "./kit.js";
import type { ArticlePageData, ListPageData, SitePlan, TermIndexData } from "./pages.js";

type Layout = (data: unknown, kit: LayoutKit) => SafeHtml;

/** The layout a page kind renders with (a site may have overridden it). */
export function layoutOf(kit: LayoutKit, name: string): Layout {
  return kit.layouts[name as keyof LayoutKit["layouts"]] as unknown as Layout;
}

/** Page kinds rendered once per entry of a plan array: one page per article, list page and term index. */
export const PAGINATED_KINDS = {
  article: { layout: "article", entries: (plan: SitePlan): ArticlePageData[] => plan.articles },
  list: { layout: "list", entries: (plan: SitePlan): ListPageData[] => plan.lists },
  terms: { layout: "terms", entries: (plan: SitePlan): TermIndexData[] => plan.termIndexes },
} as const;
export type PaginatedKind = keyof typeof PAGINATED_KINDS;
export type PageEntry = ArticlePageData | ListPageData | TermIndexData;
export const PAGINATED_KIND_NAMES = Object.keys(PAGINATED_KINDS) as PaginatedKind[];

/** The HTML of one paginated page, straight from its layout. */
export function renderEntry(kit: LayoutKit, kind: PaginatedKind, entry: PageEntry): string {
  return String(layoutOf(kit, PAGINATED_KINDS[kind].layout)(entry, kit));
}

/** Every paginated page's URL, in render order. */
export function* paginatedPageUrls(plan: SitePlan): Generator<string> {
  for (const kind of PAGINATED_KIND_NAMES) for (const entry of PAGINATED_KINDS[kind].entries(plan)) yield entry.pageUrl;
}

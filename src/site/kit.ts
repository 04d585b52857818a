import { DateTime } from "luxon";
import { html, jsonLd, type SafeHtml } from "../escape.js";
import type { NewsDigestOptions } from "../options.js";

/** Site facts every layout may use. */
export interface SiteInfo {
  title: string;
  description: string;
  language: string;
  timeZone: string;
  /** Absolute origin without trailing slash, or "" when not configured. */
  siteUrl: string;
  /** Always starts and ends with "/", e.g. "/" or "/news/". */
  pathPrefix: string;
  /** Whether the Pagefind bundle is built. */
  search: boolean;
}

export type Layout<Data> = (data: Data, kit: LayoutKit) => SafeHtml;

export interface BaseLayoutData {
  title: string;
  description?: string;
  /** Site-relative URL of this page, for canonical and og:url. */
  pageUrl: string;
  body: SafeHtml;
  head?: SafeHtml;
  /** Site-relative feed URLs to announce with `<link rel="alternate">`. */
  feeds?: { title: string; rss: string; atom: string; json: string };
  /** Open Graph image, when the page has one. */
  image?: { url: string; width?: number; height?: number; alt?: string };
  /** `website` or `article`. */
  ogType?: string;
  /** Pages that should not be indexed (404). */
  noindex?: boolean;
}

export interface Layouts {
  base: Layout<BaseLayoutData>;
  [name: string]: Layout<never> | Layout<BaseLayoutData>;
}

/** What every layout receives besides its data: the escaper, URL helpers and date formatting. */
export interface LayoutKit {
  html: typeof html;
  jsonLd: typeof jsonLd;
  site: SiteInfo;
  /** Site-relative path → path with the path prefix. */
  url(path: string): string;
  /** Site-relative path → absolute URL (needs siteUrl; falls back to the prefixed path). */
  absoluteUrl(path: string): string;
  /** An instant shown as a date and time in the site's zone and language. */
  formatDate(iso: string): string;
  /** An instant shown as a date only. */
  formatDay(iso: string): string;
  /** A count with the site language's digit grouping, e.g. "3,990" in English. */
  formatNumber(value: number): string;
  layouts: Layouts;
}

/** "/news" / "news/" / "" → "/news/" or "/". */
export function normalisePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export function siteInfo(options: NewsDigestOptions, pathPrefix: string | undefined): SiteInfo {
  return {
    title: options.siteTitle,
    description: options.siteDescription,
    language: options.language,
    timeZone: options.timeZone,
    siteUrl: options.siteUrl,
    pathPrefix: normalisePathPrefix(pathPrefix),
    search: options.search,
  };
}

/**
 * ICU writes U+202F (narrow no-break space) before "AM"/"PM". One such character makes V8 store
 * the whole page as a two-byte string, and Eleventy keeps every page's HTML until the build ends:
 * U+00A0 (also no-break, but Latin-1) halves that memory for pages whose text is otherwise Latin-1.
 */
function latin1Spaces(text: string): string {
  return text.replace(/[\u202f\u2009]/g, "\u00a0");
}

export function createKit(site: SiteInfo, layouts: Layouts): LayoutKit {
  const prefixed = (path: string): string => `${site.pathPrefix}${path.replace(/^\/+/, "")}`;
  // Instants are already normalised ISO strings in UTC; fromMillis skips luxon's ISO parser (3× faster).
  const numbers = new Intl.NumberFormat(site.language);
  const inZone = (iso: string): DateTime => DateTime.fromMillis(Date.parse(iso), { zone: site.timeZone, locale: site.language });
  // Each article's date is shown on its page and on every list it appears in (about five times);
  // luxon's zone-aware formatting was the largest single cost of rendering 10,000 pages.
  const memo = (format: (iso: string) => string): ((iso: string) => string) => {
    const cache = new Map<string, string>();
    return (iso) => {
      let shown = cache.get(iso);
      if (shown === undefined) {
        shown = format(iso);
        cache.set(iso, shown);
      }
      return shown;
    };
  };
  return {
    html,
    jsonLd,
    site,
    url: prefixed,
    absoluteUrl: (path) => `${site.siteUrl}${prefixed(path)}`,
    formatDate: memo((iso) => latin1Spaces(inZone(iso).toLocaleString(DateTime.DATETIME_MED))),
    formatDay: memo((iso) => latin1Spaces(inZone(iso).toLocaleString(DateTime.DATE_MED))),
    formatNumber: (value) => numbers.format(value),
    layouts,
  };
}

import { DateTime, IANAZone } from "luxon";
import { memoByKey } from "../memo.js";
import { html, jsonLd, type SafeHtml } from "../escape.js";
import type { NewsDigestOptions } from "../options.js";
import { parseArticleDate } from "../article/normalise.js";
import { feedLinksIn, feedTitleOf } from "../feeds/scope.js";
import { SITE_ICON_PATH } from "../feeds/site-icon.js";

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
  /** This page's own feeds (a provider's or topic's), announced with `<link rel="alternate">` before the site's, which every page announces. */
  feeds?: FeedLinkSet;
  /** More feeds to announce, in RSS only (an article page: its outlet's and topics'). */
  alternates?: FeedLinkSet[];
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
  /**
   * An instant shown as a date and time in the site's zone and language, with the zone's name
   * ("Apr 19, 2021, 5:31 PM GMT+2"): a reader in another zone cannot tell the time without it,
   * and the site's zone is not theirs. Takes the normalised
   * `publishedAt` or any ISO 8601 date-time such as a source `publishedDateTime` (without an
   * offset, read in the site's zone, as articles are); a value that is not a date is returned
   * unchanged (a non-string as ""), never "Invalid DateTime".
   */
  formatDate(iso: string): string;
  /** An instant shown as a date only; accepts the same values as `formatDate`. */
  formatDay(iso: string): string;
  /** A count with the site language's digit grouping, e.g. "3,990" in English. */
  formatNumber(value: number): string;
  /** The site's feeds, or a provider's or topic's (any object with its page `url` and `label`), site-relative. */
  feeds(term?: { url: string; label: string }): FeedLinkSet;
  /** Site-relative path of the site icon (an SVG the starter ships; feeds use it too). */
  iconPath: string;
  layouts: Layouts;
}

/** A scope's three head feeds and the title readers show for them. */
export interface FeedLinkSet {
  title: string;
  rss: string;
  atom: string;
  json: string;
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

/** The shape of `Article.publishedAt`: `2021-04-19T15:31:00.000Z`. */
const NORMALISED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The formatter luxon would use for a DateTime in the site's zone, called without luxon: for an
 * IANA zone, luxon's toLocaleString is this Intl.DateTimeFormat, but every DateTime it makes
 * first works out its zone's offset through formatToParts, which was a second of the main thread
 * at 10,000 articles. Zones luxon reads as fixed offsets ("UTC+2") keep the luxon path.
 */
function directFormat(language: string, zone: string, format: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | undefined {
  if (!IANAZone.isValidZone(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat(language, { ...format, timeZone: zone });
  } catch {
    return undefined;
  }
}

/**
 * The zone dates are shown in. luxon reads "UTC" and "GMT" as its fixed zone of offset 0 and
 * formats that part by part, which spaces "3:31 PM" unlike every named zone (U+202F, not U+0020),
 * and took nearly half of rendering 10,000 pages; they are shown as the IANA zone Etc/UTC, which is
 * also named "UTC".
 */
const displayZone = (timeZone: string): string => (/^(utc|gmt)$/i.test(timeZone) ? "Etc/UTC" : timeZone);

export function createKit(site: SiteInfo, layouts: Layouts): LayoutKit {
  const prefixed = (path: string): string => `${site.pathPrefix}${path.replace(/^\/+/, "")}`;
  const numbers = new Intl.NumberFormat(site.language);
  const formatCount = memoByKey((count: number) => numbers.format(count));
  // Layouts pass normalised ISO strings in UTC (`publishedAt`); for those fromMillis skips luxon's
  // ISO parser (3× faster). Anything else (a source `publishedDateTime` with an offset or none)
  // is read as articles are read, so a date without an offset is in the site's zone.
  const shownIn = displayZone(site.timeZone);
  const inZone = (iso: string): DateTime | undefined => {
    const ms = NORMALISED_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
    if (!Number.isNaN(ms)) return DateTime.fromMillis(ms, { zone: shownIn, locale: site.language });
    const parsed = parseArticleDate(iso, site.timeZone);
    return parsed.ok ? parsed.instant.setZone(shownIn).setLocale(site.language) : undefined;
  };
  const formatter = (format: Intl.DateTimeFormatOptions) => {
    const direct = directFormat(site.language, shownIn, format);
    return (iso: string): string => {
      if (typeof iso !== "string") return ""; // a template may pass a missing field
      const ms = direct && NORMALISED_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
      if (direct && !Number.isNaN(ms)) return latin1Spaces(direct.format(ms));
      const instant = inZone(iso);
      return instant?.isValid === true ? latin1Spaces(instant.toLocaleString(format)) : iso;
    };
  };
  // Each article's date is shown on its page and on every list it appears in (about five times):
  // formatted once per kit, since formatting was the largest single cost of rendering 10,000 pages.
  return {
    html,
    jsonLd,
    site,
    url: prefixed,
    absoluteUrl: (path) => `${site.siteUrl}${prefixed(path)}`,
    formatDate: memoByKey(formatter({ ...DateTime.DATETIME_MED, timeZoneName: "short" })),
    formatDay: memoByKey(formatter(DateTime.DATE_MED)),
    // Counts repeat on every list and article page, and Intl formats each in microseconds. A Map
    // key holds -0 as 0, which Intl formats differently ("-0"): only counts are remembered.
    formatNumber: (value) => (Number.isInteger(value) && value > 0 ? formatCount(value) : numbers.format(value)),
    feeds: (term) => ({ title: term ? feedTitleOf(term.label, site.title) : site.title, ...feedLinksIn(term ? term.url : "/") }),
    iconPath: SITE_ICON_PATH,
    layouts,
  };
}

import { IANAZone } from "luxon";
import { describeValue, NewsDigestError, formatReport, MESSAGE_PREFIX, type Problem } from "./errors.js";

export type ValidationMode = "strict" | "lenient";
export type FuturePolicy = "build" | "hold";

/** Options of the plugin and the core. Every field has a default; see {@link DEFAULT_OPTIONS}. */
export interface NewsDigestOptions {
  /** Site name in page titles and feeds. Default `"News Digest"`. Example: `"AI Weekly"`. */
  siteTitle: string;
  /** One sentence for the home page, meta description and feed descriptions. Default: a generic line. */
  siteDescription: string;
  /**
   * Absolute http(s) URL the site is served from, without the path prefix. Feeds, sitemaps and
   * Open Graph need it. Default `""`, read from `NEWS_DIGEST_URL` by the starter site. Example: `"https://news.example.org"`.
   */
  siteUrl: string;
  /** BCP 47 language of the site, for `<html lang>` and feeds. Default `"en"`. Example: `"de-CH"`. */
  language: string;
  /** IANA time zone used to show dates and to read dates written without an offset. Default `"UTC"`. Example: `"Europe/Berlin"`. */
  timeZone: string;
  /** Folder of article files, relative to the working directory. Default `"content"`. Example: `"news/articles"`. */
  contentDir: string;
  /** Articles per list page (home, provider and topic pages). Default `20`. Example: `50`. */
  pageSize: number;
  /** `"strict"` fails the build on any invalid file; `"lenient"` skips and lists them. Default `"strict"`. */
  mode: ValidationMode;
  /** Items in each head feed; older items go to archive pages. Default `50`. Example: `100`. */
  feedSize: number;
  /** `"build"` publishes articles dated in the future at once; `"hold"` leaves them out until a build after their time. Default `"build"`. */
  futureArticles: FuturePolicy;
  /** Build the Pagefind search index after each build. Default `true`. */
  search: boolean;
  /** Folder whose files override the bundled layouts of the same name. Default `"layouts"`. Example: `"_news-layouts"`. */
  layoutsDir: string;
  /** How many stories the home page's "top stories" block shows. Default `5`. Example: `8`. */
  topStories: number;
}

export const DEFAULT_OPTIONS: Readonly<NewsDigestOptions> = Object.freeze({
  siteTitle: "News Digest",
  siteDescription: "The day's news, gathered from many outlets.",
  siteUrl: "",
  language: "en",
  timeZone: "UTC",
  contentDir: "content",
  pageSize: 20,
  mode: "strict",
  feedSize: 50,
  futureArticles: "build",
  search: true,
  layoutsDir: "layouts",
  topStories: 5,
});

type Check = (value: unknown) => { expected: string; hint?: string } | undefined;

const nonEmptyString: Check = (v) => (typeof v === "string" && v.trim() !== "" ? undefined : { expected: "a non-empty string" });
const anyString: Check = (v) => (typeof v === "string" ? undefined : { expected: "a string" });
const positiveInteger: Check = (v) =>
  typeof v === "number" && Number.isInteger(v) && v > 0 && v <= 100_000 ? undefined : { expected: "a whole number from 1 to 100000" };
const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    typeof v === "string" && allowed.includes(v) ? undefined : { expected: `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}` };

const CHECKS: { [K in keyof NewsDigestOptions]: Check } = {
  siteTitle: nonEmptyString,
  siteDescription: anyString,
  siteUrl: (v) => {
    if (v === "") return undefined;
    if (typeof v !== "string" || !isHttpUrl(v)) return { expected: "an absolute http(s) URL or an empty string", hint: "for example https://news.example.org" };
    // Every absolute URL is siteUrl + Eleventy's pathPrefix + page path, so a path here would be
    // doubled under --pathprefix (https://you.github.io/news/news/…). Issue 4: "site URL … path prefix with --pathprefix".
    const url = new URL(v);
    if (url.pathname !== "/") {
      const prefix = url.pathname.replace(/\/*$/, "/");
      return {
        expected: "an origin without a path, such as https://news.example.org",
        hint: `put the subpath in Eleventy's pathPrefix instead: siteUrl "${url.origin}" with pathPrefix "${prefix}" (or --pathprefix=${prefix})`,
      };
    }
    if (url.search !== "" || url.hash !== "") return { expected: "an origin without a query or fragment, such as https://news.example.org" };
    return undefined;
  },
  language: (v) =>
    typeof v === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? undefined : { expected: "a BCP 47 language tag such as \"en\" or \"pt-BR\"" },
  timeZone: (v) =>
    typeof v === "string" && IANAZone.isValidZone(v) ? undefined : { expected: "an IANA time zone such as \"UTC\" or \"Europe/Berlin\"" },
  contentDir: nonEmptyString,
  pageSize: positiveInteger,
  mode: oneOf("strict", "lenient"),
  feedSize: positiveInteger,
  futureArticles: oneOf("build", "hold"),
  search: (v) => (typeof v === "boolean" ? undefined : { expected: "true or false" }),
  layoutsDir: nonEmptyString,
  topStories: (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 100 ? undefined : { expected: "a whole number from 0 to 100" }),
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Merges user options over the defaults and reports every bad one by its path; throws once with all of them. */
export function resolveOptions(input: unknown = {}): NewsDigestOptions {
  const problems: Problem[] = [];
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new NewsDigestError(`plugin options must be an object, received ${describeValue(input)}.`);
  }
  const given = input as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(key in CHECKS)) {
      problems.push({
        severity: "error",
        file: "options",
        field: key,
        expected: `a known option (${Object.keys(CHECKS).join(", ")})`,
        received: `an unknown option`,
        hint: "check the spelling",
      });
      continue;
    }
    const failure = CHECKS[key as keyof NewsDigestOptions](value);
    if (failure) {
      problems.push({ severity: "error", file: "options", field: key, expected: failure.expected, received: describeValue(value), ...(failure.hint ? { hint: failure.hint } : {}) });
    }
    merged[key] = value;
  }
  if (problems.length > 0) {
    throw new NewsDigestError(`invalid plugin options:\n${formatReport(problems)}`, { problems });
  }
  const options = merged as unknown as NewsDigestOptions;
  // Only "/" can be left as a path by now; stored without it so URLs join as siteUrl + pathPrefix + path.
  return { ...options, siteUrl: options.siteUrl.replace(/\/+$/, "") };
}

/**
 * Throws when no site URL is configured. Feeds, sitemaps and canonical links need absolute URLs, so
 * the plugin calls this when it is added rather than letting a build get as far as the feeds and
 * fail there (or, worse, publish a site without them). The starter site reads `NEWS_DIGEST_URL`.
 */
export function requireSiteUrl(options: Pick<NewsDigestOptions, "siteUrl">): void {
  if (options.siteUrl !== "") return;
  const problem: Problem = {
    severity: "error",
    file: "options",
    field: "siteUrl",
    expected: "the absolute http(s) address the site is served from",
    received: describeValue(options.siteUrl),
    hint: 'set the siteUrl option (e.g. siteUrl: "https://news.example.org") or, in the starter site, the NEWS_DIGEST_URL environment variable',
  };
  throw new NewsDigestError(`a required plugin option is missing:\n${formatReport([problem])}`, { problems: [problem] });
}

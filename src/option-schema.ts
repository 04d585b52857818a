import { IANAZone } from "luxon";

/** A check's verdict: the value to keep (possibly normalised), or what was expected and how to fix it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; expected: string; hint?: string };
export type Check<T> = (value: unknown) => Checked<T>;

/**
 * Everything about one option, in one place: the type of `NewsDigestOptions`, `DEFAULT_OPTIONS`,
 * the validation in `resolveOptions` and the README's option table all come from these.
 */
export interface OptionDeclaration<T> {
  readonly default: T;
  /** Run only on values a user passes: defaults are trusted, so a check may be strict about shape. */
  readonly check: Check<T>;
  /** One line of Markdown for the README's option table. */
  readonly doc: string;
  /** A value a site might set; a unit test holds every example to its own check. */
  readonly example?: T;
}

// NoInfer: the check alone fixes T, so `default: "strict"` cannot widen a union of literals to string.
const option = <T>(declaration: { default: NoInfer<T>; check: Check<T>; doc: string; example?: NoInfer<T> }): OptionDeclaration<T> => declaration;

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (expected: string, hint?: string): Checked<never> => (hint ? { ok: false, expected, hint } : { ok: false, expected });

const nonEmptyString: Check<string> = (v) => (typeof v === "string" && v.trim() !== "" ? pass(v) : fail("a non-empty string"));
const anyString: Check<string> = (v) => (typeof v === "string" ? pass(v) : fail("a string"));
const boolean: Check<boolean> = (v) => (typeof v === "boolean" ? pass(v) : fail("true or false"));
const wholeNumber =
  (min: number, max: number): Check<number> =>
  (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? pass(v) : fail(`a whole number from ${min} to ${max}`);
const oneOf = <const A extends readonly string[]>(...allowed: A): Check<A[number]> => {
  const isAllowed = (v: unknown): v is A[number] => allowed.some((a) => a === v);
  return (v) => (isAllowed(v) ? pass(v) : fail(`one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`));
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const siteUrl: Check<string> = (v) => {
  if (v === "") return pass(v);
  if (typeof v !== "string" || !isHttpUrl(v)) return fail("an absolute http(s) URL or an empty string", "for example https://news.example.org");
  // A path (https://you.github.io/news/) is what publishers type for a project site: kept, with
  // one trailing slash, and checked against Eleventy's pathPrefix when a build starts (site-url.ts).
  const url = new URL(v);
  if (url.search !== "" || url.hash !== "") return fail("an origin without a query or fragment, such as https://news.example.org");
  return pass(url.pathname === "/" ? url.origin : `${url.origin}${url.pathname.replace(/\/*$/, "/")}`);
};

const optionalHttpUrl: Check<string> = (v) => (v === "" || (typeof v === "string" && isHttpUrl(v)) ? pass(v as string) : fail("an absolute http(s) URL or an empty string", "for example https://pubsubhubbub.appspot.com/"));

const language: Check<string> = (v) =>
  typeof v === "string" && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v) ? pass(v) : fail('a BCP 47 language tag such as "en" or "pt-BR"');
const timeZone: Check<string> = (v) => (typeof v === "string" && IANAZone.isValidZone(v) ? pass(v) : fail('an IANA time zone such as "UTC" or "Europe/Berlin"'));

/** The plugin's options, in the order the README and the unknown-option message list them. */
export const OPTION_SCHEMA = {
  siteTitle: option({ default: "News Digest", check: nonEmptyString, doc: "site name in page titles and feeds", example: "AI Weekly" }),
  siteDescription: option({
    default: "The day's news, gathered from many outlets.",
    check: anyString,
    doc: "one sentence for the home page, the meta description and the feed descriptions",
    example: "What the AI industry did this week.",
  }),
  siteUrl: option({
    default: "",
    check: siteUrl,
    doc: "absolute address the site is served from (a trailing `/` is fine). A path (`https://you.github.io/news/`) must agree with Eleventy's `pathPrefix` / `--pathprefix`, else the build stops and says so. Required for feeds, sitemaps and canonical links: a build without it fails and says to set this option or `NEWS_DIGEST_URL` (the starter's variable).",
    example: "https://news.example.org",
  }),
  language: option({ default: "en", check: language, doc: "BCP 47 tag for `<html lang>` and feeds", example: "de-CH" }),
  timeZone: option({ default: "UTC", check: timeZone, doc: "IANA zone for showing dates and for reading dates written without an offset", example: "Europe/Berlin" }),
  contentDir: option({ default: "content", check: nonEmptyString, doc: "folder of article files, relative to the working directory", example: "news/articles" }),
  pageSize: option({ default: 20, check: wholeNumber(1, 100_000), doc: "stories per home, provider and topic page (one card per story cluster)", example: 50 }),
  mode: option({ default: "strict", check: oneOf("strict", "lenient"), doc: '`"strict"` fails the build on any invalid file; `"lenient"` skips and lists them (see Article files)', example: "lenient" }),
  feedSize: option({ default: 50, check: wholeNumber(1, 100_000), doc: "items per head feed; older items go to archive pages", example: 100 }),
  websubHub: option({
    default: "",
    check: optionalHttpUrl,
    doc: 'WebSub hub announced in every head feed (`rel="hub"` in RSS and Atom, `hubs` in JSON Feed); ping it after a deploy so readers update at once',
    example: "https://pubsubhubbub.appspot.com/",
  }),
  futureArticles: option({
    default: "build",
    check: oneOf("build", "hold"),
    doc: '`"build"` publishes articles dated in the future at once; `"hold"` leaves them out until a build after their time',
    example: "hold",
  }),
  cacheDir: option({
    default: ".cache/news-digest",
    check: anyString,
    doc: "folder of the persistent build cache, relative to the working directory; the `NEWS_DIGEST_CACHE` environment variable overrides it, and `\"\"` turns it off. It keeps parsed articles by content hash, so a build parses only the files whose bytes changed, and a deploy build into a folder that still holds the last build's output rewrites only what changed (see Builds and the output folder)",
    example: "/tmp/news-cache",
  }),
  search: option({ default: true, check: boolean, doc: "build the Pagefind search index after each build", example: false }),
  layoutsDir: option({ default: "layouts", check: nonEmptyString, doc: "folder whose files override the bundled layouts of the same name", example: "_news-layouts" }),
  topStories: option({ default: 5, check: wholeNumber(0, 100), doc: "stories in the home page's \"top stories\" block", example: 8 }),
  maxFileSize: option({
    default: 1_048_576,
    check: wholeNumber(1, 1_073_741_824),
    doc: "largest article file read, in bytes (seed files are about 5 KB); a bigger file is an error naming it (skipped in lenient mode) and is never read",
    example: 4_194_304,
  }),
};

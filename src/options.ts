import { describeValue, NewsDigestError, formatReport, problem, type Problem } from "./errors.js";
import { OPTION_SCHEMA, type OptionDeclaration } from "./option-schema.js";

type DeclaredValue<D> = D extends OptionDeclaration<infer T> ? T : never;

/** Options of the plugin and the core, as declared in `OPTION_SCHEMA`: every one has a default. */
export type NewsDigestOptions = { -readonly [K in keyof typeof OPTION_SCHEMA]: DeclaredValue<(typeof OPTION_SCHEMA)[K]> };
export type ValidationMode = NewsDigestOptions["mode"];
export type FuturePolicy = NewsDigestOptions["futureArticles"];
export type OptionName = keyof NewsDigestOptions;

// The same table, typed so that a generic key's declaration checks that key's value type.
const DECLARATIONS: { readonly [K in OptionName]: OptionDeclaration<NewsDigestOptions[K]> } = OPTION_SCHEMA;

// Object.keys types its result as string[]; the keys of a literal declared just above are exactly OptionName.
export const OPTION_NAMES: readonly OptionName[] = Object.freeze(Object.keys(OPTION_SCHEMA) as OptionName[]);

function isOptionName(key: string): key is OptionName {
  // Own keys only: `"toString" in OPTION_SCHEMA` is true, and would reach the prototype's method.
  return Object.hasOwn(OPTION_SCHEMA, key);
}

function copyDefault<K extends OptionName>(target: Partial<NewsDigestOptions>, key: K): void {
  target[key] = DECLARATIONS[key].default;
}

function defaults(): NewsDigestOptions {
  const target: Partial<NewsDigestOptions> = {};
  for (const name of OPTION_NAMES) copyDefault(target, name);
  // Every key of OPTION_NAMES was set in the loop above.
  return target as NewsDigestOptions;
}

export const DEFAULT_OPTIONS: Readonly<NewsDigestOptions> = Object.freeze(defaults());

/** Checks one given value and keeps it (as the check normalised it) or returns the problem. */
function applyOption<K extends OptionName>(target: NewsDigestOptions, key: K, value: unknown): Problem | undefined {
  const verdict = DECLARATIONS[key].check(value);
  if (verdict.ok) {
    target[key] = verdict.value;
    return undefined;
  }
  return problem({ file: "options", field: key, expected: verdict.expected, received: describeValue(value), hint: verdict.hint });
}

/** Merges user options over the defaults and reports every bad one by its path; throws once with all of them. */
export function resolveOptions(input: unknown = {}): NewsDigestOptions {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new NewsDigestError(`plugin options must be an object, received ${describeValue(input)}.`);
  }
  const problems: Problem[] = [];
  const options: NewsDigestOptions = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!isOptionName(key)) {
      problems.push(problem({ file: "options", field: key, expected: `a known option (${OPTION_NAMES.join(", ")})`, received: "an unknown option", hint: "check the spelling" }));
      continue;
    }
    const bad = applyOption(options, key, value);
    if (bad) problems.push(bad);
  }
  if (problems.length > 0) {
    throw new NewsDigestError(`invalid plugin options:\n${formatReport(problems)}`, { problems });
  }
  return options;
}

/**
 * Throws when no site URL is configured. Feeds, sitemaps and canonical links need absolute URLs, so
 * the plugin calls this when it is added rather than letting a build get as far as the feeds and
 * fail there (or, worse, publish a site without them). The starter site reads `NEWS_DIGEST_URL`.
 */
export function requireSiteUrl(options: Pick<NewsDigestOptions, "siteUrl">): void {
  if (options.siteUrl !== "") return;
  const missing = problem({
    file: "options",
    field: "siteUrl",
    expected: "the absolute http(s) address the site is served from",
    received: describeValue(options.siteUrl),
    hint: 'set the siteUrl option (e.g. siteUrl: "https://news.example.org") or, in the starter site, the NEWS_DIGEST_URL environment variable',
  });
  throw new NewsDigestError(`a required plugin option is missing:\n${formatReport([missing])}`, { problems: [missing] });
}

/**
 * The article schema, declared once: the reader (field-reader.ts, coverage.ts, validate.ts) takes
 * each field's name and whether it is required from here, the unknown-field warnings and their
 * did-you-mean hints take the known names from here, and the README's field tables are rendered
 * from here (readme-tables.ts). A unit test fails when a declared field is one the reader ignores.
 */
export interface FieldDeclaration {
  /** What the README's type column says, in Markdown. */
  readonly type: string;
  /**
   * `true`: the item is invalid without it. `"one of"`: required as a group, at least one of the
   * table's fields so marked (an article needs `originalUrl` or `webUrl`).
   */
  readonly required?: true | "one of";
  /** Only a top-level article takes it: a related item is another outlet's story, not a file of this site. */
  readonly articleOnly?: true;
  /** Its value is never printed, in any message about it (only what kind of value it is). */
  readonly secret?: true;
  /** For numbers: the documented range; a value outside is clamped into it, with a warning. */
  readonly range?: readonly [number, number];
  /** One line of Markdown for the README. */
  readonly doc: string;
}

export interface Field extends FieldDeclaration {
  readonly name: string;
}

/** The names the unknown-field check accepts at one level of a file. */
export interface KnownFields {
  /** In declaration order: did-you-mean takes the first of equally close names, and messages list them so. */
  readonly names: readonly string[];
  /** The same names, for the per-key lookup. */
  readonly known: ReadonlySet<string>;
}

export interface FieldTable<N extends string> extends KnownFields {
  /** Each field by name, so every check in the reader names the declaration it enforces. */
  readonly field: { readonly [K in N]: Field };
  /** In declaration order: the order the README lists them in. */
  readonly fields: readonly Field[];
}

function knownFields(names: readonly string[]): KnownFields {
  return Object.freeze({ names: Object.freeze([...names]), known: new Set(names) });
}

function fieldTable<N extends string>(declarations: { readonly [K in N]: FieldDeclaration }): FieldTable<N> {
  const fields: Field[] = Object.entries<FieldDeclaration>(declarations).map(([name, declaration]) => Object.freeze({ name, ...declaration }));
  // Built from the declaration's own entries, so it has exactly the keys N.
  const field = Object.freeze(Object.fromEntries(fields.map((f) => [f.name, f]))) as { readonly [K in N]: Field };
  return Object.freeze({ ...knownFields(fields.map((f) => f.name)), field, fields: Object.freeze(fields) });
}

/**
 * Top-level article fields, in the order the reader checks them (problems are reported in that
 * order). Those not marked article-only are also a `related[]` item's fields: the seeds' shape.
 */
export const ARTICLE_FIELDS = fieldTable({
  title: { type: "string", required: true, doc: "the headline; runs of spaces and newlines are folded to one space" },
  excerpt: { type: "string", doc: "a sentence or two shown under the title in lists, on the article page and in feeds" },
  publishedDateTime: {
    type: "ISO 8601 string",
    required: true,
    doc: "with an offset (`Z`, `+02:00`) it is exact; without one it is read in the `timeZone` option's zone. Impossible dates (Feb 30, hour 25), years outside 1000–9999 (`0021`, `+275760`) and a time without a date are errors, never rolled over or remapped. Without an offset, a local time the zone's clocks skip (e.g. `2021-03-28T02:30:00` in Europe/Berlin, when daylight saving time starts) is an error: add an offset. A local time that happens twice (clocks going back) is read as its first occurrence, at the offset in force before the change (`2021-10-31T02:30:00` in Europe/Berlin is `+02:00`).",
  },
  originalUrl: { type: "http(s) URL", required: "one of", doc: "the canonical link to the story at the outlet; a bad one is an error" },
  webUrl: { type: "http(s) URL", required: "one of", doc: "the canonical link when `originalUrl` is absent; a bad one is an error" },
  ampWebUrl: { type: "http(s) URL", doc: "a bad one is dropped with a warning" },
  cdnAmpWebUrl: { type: "string", doc: "checked, never linked (it is a cache address, not the outlet's)" },
  provider: { type: "mapping of the provider fields below", required: true, doc: "the outlet; providers are keyed by `domain`" },
  images: { type: "list of mappings of the image fields below", doc: "an image whose `url` is missing, not a string or not http(s) is dropped with a warning" },
  quality: { type: "number from 0 to 100", range: [0, 100], doc: 'ranking signal for "top stories"; a value outside the range is clamped, with a warning' },
  heat: { type: "number from -1 to 1000000", range: [-1, 1_000_000], doc: 'ranking signal for "top stories" (`-1`: none); a value outside the range is clamped, with a warning' },
  category: { type: "string", doc: "kept on the article for your own templates; the bundled layouts do not show it" },
  type: { type: "string", doc: "kept on the article for your own templates; the bundled layouts do not show it" },
  published: {
    type: "boolean",
    articleOnly: true,
    doc: "`false`: no page, feed item, search record or story-cluster membership (nothing of it shows anywhere until it is published). A file without the field is published.",
  },
  secured: { type: "string", articleOnly: true, secret: true, doc: "opaque; validated as a string, never rendered, never passed to templates, feeds or search" },
  topics: {
    type: "list of strings",
    articleOnly: true,
    doc: 'case-folded: "AI", "ai" and "Ai" are one topic, as are "STRASSE"/"Straße" and "İstanbul"/"istanbul"; labelled by its most common spelling',
  },
  related: { type: "list of mappings of the fields marked yes under `related[]` items", articleOnly: true, doc: "other outlets' coverage of the same story" },
});

export const PROVIDER_FIELDS = fieldTable({
  name: { type: "string", required: true, doc: "the outlet's name as pages and feeds show it" },
  domain: { type: "host name", required: true, doc: "the provider's key: lower-cased and without `www.` (`https://www.Outlet.example.com/` is `outlet.example.com`)" },
  images: { type: "list of mappings of the image fields below", doc: "the outlet's logos; bad ones are dropped as for an article's images" },
});

export const IMAGE_FIELDS = fieldTable({
  url: { type: "http(s) URL", required: true, doc: "without a usable one the image is dropped with a warning; the article still builds" },
  width: { type: "whole number of pixels", doc: "a value that is not a whole number from 1 to 100000 is an error" },
  height: { type: "whole number of pixels", doc: "a value that is not a whole number from 1 to 100000 is an error" },
  isCached: { type: "boolean", doc: "checked, not used" },
});

/** A `related[]` item's fields: the article's, less the article-only ones. */
export const RELATED_ITEM_FIELDS: KnownFields = knownFields(ARTICLE_FIELDS.fields.filter((f) => !f.articleOnly).map((f) => f.name));
/** Fields whose values no message may print. */
export const SECRET_NAMES: ReadonlySet<string> = new Set(ARTICLE_FIELDS.fields.filter((f) => f.secret).map((f) => f.name));
export const ARTICLE_ONLY_FIELDS: ReadonlySet<string> = new Set(ARTICLE_FIELDS.fields.filter((f) => f.articleOnly).map((f) => f.name));
/** The article fields required as a group, in the order the first present one becomes the canonical URL. */
export const LINK_FIELDS: readonly string[] = Object.freeze(ARTICLE_FIELDS.fields.filter((f) => f.required === "one of").map((f) => f.name));

/**
 * The core's one escaper. HTML, XML and attribute contexts all go through here,
 * so a fix to escaping is made once. Text and attribute values are escaped
 * separately: attributes also escape quotes, text keeps them readable.
 */

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
// Lone surrogates and U+FFFE/U+FFFF are not characters either.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// The same set for a quick test, without the `u` flag (about 40% faster on the render hot path):
// C0 controls but tab/LF/CR, U+FFFE/U+FFFF, and surrogates that are not part of a pair.
const INVALID_XML_TEST = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Removes characters that may not appear in an XML 1.0 document (and so in any page we write). */
export function stripInvalidXmlChars(value: string): string {
  return INVALID_XML_TEST.test(value) ? value.replace(INVALID_XML_CHARS, "") : value;
}

const NEEDS_TEXT_ESCAPE = /[&<>]/;
// One scan for "leave it as it is", the usual case for every value a page or feed shows: nothing
// to escape and nothing that could be invalid (a surrogate pair is valid: the full check decides).
// Two scans, the escape's and INVALID_XML_TEST's, took half as long again (twice, for short values).
const TEXT_AS_IS = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_AS_IS = /[&<>"'\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };

/** Escapes text content for HTML and XML. `>` is escaped too, so `]]>` can never close a CDATA section. */
export function escapeText(value: string): string {
  if (!TEXT_AS_IS.test(value)) return value;
  const text = stripInvalidXmlChars(value);
  // Three native passes, `&` first: half the time of one pass with a callback per character on
  // markup (a feed item's content is HTML, escaped once more for XML).
  return NEEDS_TEXT_ESCAPE.test(text) ? text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;") : text;
}

/** Escapes a value for a double- or single-quoted attribute; whitespace is kept as character references so XML parsers do not normalise it away. */
export function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_AS_IS.test(value)) return value;
  return stripInvalidXmlChars(value).replace(/[&<>"'\n\r\t]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped so `</script>` cannot end the element. */
export function serializeJsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

// Held only by this module: without it, code elsewhere (a layout, a site's filter) cannot mark a
// string as markup, so every value from an article file reaches a page through an escape.
const ISSUED_HERE: unique symbol = Symbol("SafeHtml");

/** A string that is already markup. Only the escaper's own `html` and `jsonLd` create these. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string, issuedBy: typeof ISSUED_HERE) {
    if (issuedBy !== ISSUED_HERE) throw new TypeError("SafeHtml is made by the html tag only: write html`...` instead");
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => renderValue(v)).join("");
  return escapeAttribute(String(value));
}

/**
 * Tagged template for layouts: every interpolated value is escaped (for attributes and
 * text alike, since the attribute escape is a superset) unless it is itself the result of `html`.
 * There is deliberately no way to mark a plain string as safe.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  // Joined rather than concatenated with +=: V8 keeps a concatenation as a tree of 32-byte nodes
  // over its pieces, and markup that is kept (a layout's memo of cards, shown on many lists)
  // kept the tree. A joined string is flat: at 10,000 articles the heap held 484,000 such nodes
  // (15 MB) when the pages were written, and 7 MB more in all than it does joined; at 100,000
  // the build peaked at 2,476 MiB against 2,585 MiB, in 152 s against 157 s (one run each).
  const parts = [strings[0] ?? ""];
  for (let i = 0; i < values.length; i++) parts.push(renderValue(values[i]), strings[i + 1] ?? "");
  return new SafeHtml(parts.join(""), ISSUED_HERE);
}

/** JSON-LD as markup, through {@link serializeJsonForScript}. */
export function jsonLd(value: unknown): SafeHtml {
  return new SafeHtml(`<script type="application/ld+json">${serializeJsonForScript(value)}</script>`, ISSUED_HERE);
}

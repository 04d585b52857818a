import yaml from "js-yaml";

/**
 * A fast path for the YAML that article files are made of: block mappings and sequences, plain
 * keys, and single-line values (plain, or quoted without escapes). On a cold read js-yaml was the
 * largest cost, about 40% of reading and validating (measured with a CPU profile of the 10,000-
 * article bench corpus: `readDoubleQuotedScalar` alone took a tenth). Anything else (comments,
 * tabs, escapes, anchors, tags, flow collections other than `[]` and `{}`, block or multi-line
 * scalars, odd indentation, duplicate or non-plain keys, deep nesting) returns undefined and the caller parses the file with js-yaml, so
 * errors and every unusual construct keep js-yaml's meaning and messages. What it does return
 * equals js-yaml's CORE_SCHEMA result: plain scalars are resolved by js-yaml's own implicit types
 * (null, bool, int, float, in that order). `test/unit/article/plain-yaml.test.ts` checks both
 * against each other on the seeds, the bench corpus and generated tricky documents.
 */

interface ScalarType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

/** The implicit types of the very schema read.ts gives js-yaml, in its order (null, bool, int, float). */
const IMPLICIT: readonly ScalarType[] = (yaml.CORE_SCHEMA as unknown as { implicit: ScalarType[] }).implicit;

/** Characters js-yaml refuses or treats specially anywhere (its non-printable set), plus tabs and a BOM. */
const NEEDS_FULL_PARSER = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The same characters and every surrogate, as one character class: only a match is looked at again (the exact test's lookarounds cost more per character). */
const MAYBE_NEEDS_FULL_PARSER = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

/**
 * The first characters of every plain scalar js-yaml's implicit types accept (`~`, null, true,
 * false in three casings, and numbers: digits, signs, `.inf`, `.nan`): any other is a string.
 */
const MAY_RESOLVE = new Set("~nNtTfF+-.0123456789");

/** A key as an author writes a field name (and not a word js-yaml would read as null, a boolean or a number: checked apart). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** First characters after which a value is not a plain scalar of the kind handled here (YAML indicators). */
const INDICATORS = new Set("-?:,[]{}#&*!|>'\"%@`");

/**
 * Deepest nesting read here (an article nests four deep: related[].provider.images[].url). js-yaml
 * refuses nesting past its maxDepth (100) with an error, so deeper documents are its to judge, and
 * the recursion here stays shallow whatever a file holds.
 */
const MAX_DEPTH = 32;

class Bail {}
const BAIL = new Bail();

function scalar(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first === 0x22 || first === 0x27) {
    // Quoted on one line, closed at its end, with no escapes ("\", or '' in single quotes) inside.
    const close = text.indexOf(text.charAt(0), 1);
    if (close !== text.length - 1 || (first === 0x22 && text.includes("\\"))) throw BAIL;
    return text.slice(1, -1);
  }
  // `related: []`, as the samples write an empty list.
  if (text === "[]") return [];
  if (text === "{}") return {};
  // `-1` is a plain scalar; `- ` would be a list item.
  const indicator = INDICATORS.has(text.charAt(0)) && !(first === 0x2d && text.length > 1 && text.charCodeAt(1) !== 0x20);
  if (indicator || text.includes(": ") || text.includes(" #") || text.endsWith(":")) throw BAIL;
  if (MAY_RESOLVE.has(text.charAt(0))) for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** Where the key of `key:` or `key: value` ends, or -1 when the text is not a plain key and a value. */
function keyEnd(text: string): number {
  const colon = text.indexOf(":");
  if (colon <= 0 || (colon + 1 < text.length && text.charCodeAt(colon + 1) !== 0x20)) return -1;
  const key = text.slice(0, colon);
  // `True:` or `NULL:` would become the key "true" or "null" in js-yaml.
  if (!PLAIN_KEY.test(key) || (MAY_RESOLVE.has(key.charAt(0)) && IMPLICIT.some((type) => type.resolve(key)))) return -1;
  return colon;
}

/** Reads the non-blank lines (their indentation, and their text without it or trailing spaces) as block collections. */
class BlockReader {
  private readonly indents: number[] = [];
  private readonly texts: string[] = [];
  private at = 0;

  constructor(source: string) {
    for (let start = 0; start < source.length; ) {
      let end = source.indexOf("\n", start);
      if (end === -1) end = source.length;
      let from = start;
      while (from < end && source.charCodeAt(from) === 0x20) from++;
      let to = end;
      while (to > from && source.charCodeAt(to - 1) === 0x20) to--;
      if (to > from) {
        // A comment line's meaning depends on where it sits (inside a scalar or not): js-yaml decides.
        if (source.charCodeAt(from) === 0x23) throw BAIL;
        this.indents.push(from - start);
        this.texts.push(source.slice(from, to));
      }
      start = end + 1;
    }
  }

  document(): Record<string, unknown> {
    if (this.texts.length === 0 || this.indents[0] !== 0) throw BAIL;
    const fields = this.mapping(0, 1);
    if (this.at < this.texts.length) throw BAIL;
    return fields;
  }

  /** The indentation of the line being read, or -1 past the last one. */
  private indent(): number {
    return this.at < this.indents.length ? (this.indents[this.at] as number) : -1;
  }

  /** After a scalar, a deeper line would continue it (a multi-line scalar): js-yaml decides. */
  private endOfScalar(indent: number): void {
    if (this.indent() > indent) throw BAIL;
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw BAIL;
    const fields: Record<string, unknown> = {};
    for (let lineIndent = this.indent(); lineIndent >= indent; lineIndent = this.indent()) {
      if (lineIndent > indent) throw BAIL;
      const text = this.texts[this.at] as string;
      const colon = keyEnd(text);
      if (colon === -1) throw BAIL;
      const key = text.slice(0, colon);
      // A duplicate is js-yaml's error to report; __proto__ is set with care there.
      if (Object.hasOwn(fields, key) || key === "__proto__") throw BAIL;
      this.at++;
      if (colon + 1 === text.length) fields[key] = this.nested(indent, depth + 1);
      else {
        let valueStart = colon + 2;
        while (text.charCodeAt(valueStart) === 0x20) valueStart++;
        fields[key] = scalar(text.slice(valueStart));
        this.endOfScalar(indent);
      }
    }
    return fields;
  }

  /** The value of `key:` with nothing after it: a deeper block, a sequence at the key's own indent, or null. */
  private nested(indent: number, depth: number): unknown {
    const next = this.indent();
    if (next < indent) return null;
    const isItem = (this.texts[this.at] as string).startsWith("- ");
    if (next === indent) return isItem ? this.sequence(indent, depth) : null;
    return isItem ? this.sequence(next, depth) : this.mapping(next, depth);
  }

  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw BAIL;
    const items: unknown[] = [];
    while (this.indent() === indent && (this.texts[this.at] as string).startsWith("- ")) {
      const text = this.texts[this.at] as string;
      let offset = 2;
      while (text.charCodeAt(offset) === 0x20) offset++;
      const rest = text.slice(offset);
      if (keyEnd(rest) !== -1) {
        // `- key: value` opens a mapping whose keys line up with this first one.
        this.indents[this.at] = indent + offset;
        this.texts[this.at] = rest;
        items.push(this.mapping(indent + offset, depth + 1));
      } else {
        this.at++;
        items.push(scalar(rest));
        this.endOfScalar(indent);
      }
    }
    if (this.indent() > indent) throw BAIL;
    return items;
  }
}

/** The front matter as js-yaml's CORE_SCHEMA would read it, or undefined when js-yaml must read it. */
export function parsePlainYaml(source: string): Record<string, unknown> | undefined {
  if (MAYBE_NEEDS_FULL_PARSER.test(source) && NEEDS_FULL_PARSER.test(source)) return undefined;
  try {
    return new BlockReader(source).document();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

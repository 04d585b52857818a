import { describeValue, problem, type Problem, type Severity } from "../errors.js";
import { ownCopy, tidyText } from "./text.js";
import { toHttpUrl } from "./normalise.js";
import { SECRET_NAMES, type Field, type KnownFields } from "./schema.js";
import type { Image, Provider } from "./types.js";
import type { SharedValues } from "./shared-values.js";
import { closestName } from "./suggest.js";

export interface ValidationContext {
  timeZone: string;
  /**
   * False where the results leave the thread by structured clone (the reader's worker threads),
   * which gives every string a copy of its own on the way: copying each kept string out of the
   * file's text first (see text.ts) was about a tenth of those threads' reading time.
   */
  copyStrings?: boolean;
  /** Equal providers and related items as one object across the files this context reads. */
  shared?: SharedValues;
}

export type Fields = Record<string, unknown>;

/** A key as a path segment; odd keys are quoted so control characters cannot reach the terminal raw. */
function fieldPath(prefix: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

/** The path of a declared field: declared names are plain identifiers, so no quoting (and no regex) is needed. */
export function pathOf(prefix: string, field: Field): string {
  return prefix ? `${prefix}.${field.name}` : field.name;
}

/** A string the author meant as a number (`"80"`), as opposed to a word (`high`). */
function looksNumeric(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
}

/** A value that is described by its kind only, never shown (see `secret` in schema.ts). */
class SecretValue {
  constructor(readonly value: unknown) {}
}

const describe = (value: unknown): string => (value instanceof SecretValue ? `${describeKind(value.value)} (not shown: it is secret)` : describeValue(value));

function describeKind(value: unknown): string {
  if (value === null || value === undefined) return describeValue(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `a ${typeof value}`;
}

const MAX_PIXELS = 100_000;

const isAbsent = (value: unknown): value is undefined | null => value === undefined || value === null;

/**
 * Collects problems for one file while fields are read; every check is a type check, never a
 * coercion. Each check takes the field's declaration (schema.ts), so its name and whether it is
 * required come from there.
 */
export class FieldReader {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    readonly context: ValidationContext,
  ) {}

  report(severity: Severity, field: string, expected: string, value: unknown, hint?: string): void {
    this.problems.push(problem({ severity, file: this.file, field, expected, received: describe(value), hint }));
  }

  error(field: string, expected: string, value: unknown, hint?: string): void {
    this.report("error", field, expected, value, hint);
  }

  warn(field: string, expected: string, value: unknown, hint?: string): void {
    this.report("warning", field, expected, value, hint);
  }

  /**
   * A string the article keeps, apart from the file's text. URLs need no call: the WHATWG parser's
   * `href` is a new string.
   */
  keep(text: string): string {
    return this.context.copyStrings === false ? text : ownCopy(text);
  }

  /** The provider with these fields, shared with the files read before where the context shares values. */
  provider(name: string, domain: string, images: Image[]): Provider {
    const own = (text: string): string => this.keep(text);
    return this.context.shared?.provider(name, domain, images, own) ?? { name: own(name), domain, images };
  }

  hasErrors(): boolean {
    return this.problems.some((p) => p.severity === "error");
  }

  /**
   * Unknown keys are warnings, not errors: the rest of the file is still good, but a typo such as
   * `publised: false` would otherwise publish an article its author meant to hold back.
   */
  unknownFields(fields: Fields, prefix: string, known: KnownFields, what: string, articleOnly?: ReadonlySet<string>): void {
    for (const key of Object.keys(fields)) {
      if (known.known.has(key)) continue;
      let hint: string;
      if (articleOnly?.has(key)) hint = `only the article itself takes \`${key}\`, not a related item; it was ignored`;
      else {
        const suggestion = closestName(key, known.names);
        hint = suggestion ? `did you mean \`${suggestion}\`? It was ignored` : "it was ignored; the README lists the fields";
      }
      // A misplaced or misspelt secret (`secured` in a related item, `secrued`) is still a secret.
      const secret = SECRET_NAMES.has(key) || closestName(key, [...SECRET_NAMES]) !== undefined;
      this.problems.push(problem({ severity: "warning", file: this.file, field: fieldPath(prefix, key), expected: what, received: `an unknown field set to ${describe(secret ? new SecretValue(fields[key]) : fields[key])}`, hint }));
    }
  }

  /** A string field, tidied (text.ts) but maybe still a view of the file's text: a caller that keeps it passes it to {@link keep}. A required one must not be empty once tidied. */
  string(fields: Fields, field: Field, prefix: string): string | undefined {
    const value = fields[field.name];
    const required = field.required === true;
    if (isAbsent(value)) {
      if (required) this.error(pathOf(prefix, field), "a non-empty string", value);
      return undefined;
    }
    if (typeof value !== "string") {
      this.notString(pathOf(prefix, field), value);
      return undefined;
    }
    const cleaned = tidyText(value);
    if (required && cleaned === "") {
      this.error(pathOf(prefix, field), "a non-empty string", value);
      return undefined;
    }
    return cleaned;
  }

  /** A string that is checked and never kept (`secured`, `cdnAmpWebUrl`), so it is not cleaned either. */
  opaque(fields: Fields, field: Field, prefix: string): void {
    const value = fields[field.name];
    if (!isAbsent(value) && typeof value !== "string") this.notString(pathOf(prefix, field), field.secret ? new SecretValue(value) : value);
  }

  private notString(path: string, value: unknown): void {
    this.error(path, "a string", value, typeof value === "number" || typeof value === "boolean" ? "put the value in quotes" : undefined);
  }

  number(fields: Fields, field: Field, prefix: string): number | undefined {
    const value = fields[field.name];
    if (isAbsent(value)) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const hint = looksNumeric(value) ? "remove the quotes around the number" : typeof value === "string" ? `use a number, e.g. ${field.name}: 80` : undefined;
      this.error(pathOf(prefix, field), "a number", value, hint);
      return undefined;
    }
    // YAML reads 9007199254740993 as 9007199254740992: a whole number past 2^53 is already not what the file says.
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      this.error(pathOf(prefix, field), "a number no larger than 2^53 (9007199254740991)", value);
      return undefined;
    }
    const range = field.range;
    if (range && (value < range[0] || value > range[1])) {
      const clamped = Math.min(range[1], Math.max(range[0], value));
      this.warn(pathOf(prefix, field), `a number from ${range[0]} to ${range[1]}`, value, `it was read as ${clamped}`);
      return clamped;
    }
    // -0 reads as 0: every page and feed shows it so, and the build cache keeps articles as JSON, which has no -0.
    return value === 0 ? 0 : value;
  }

  /** A size in pixels: a whole number from 1 to 100,000 (an absurd size rendered in exponent notation). */
  pixels(fields: Fields, field: Field, prefix: string): number | undefined {
    const value = fields[field.name];
    if (isAbsent(value)) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_PIXELS) {
      const hint = looksNumeric(value) ? "remove the quotes around the number" : typeof value === "string" ? `use a whole number, e.g. ${field.name}: 1200` : undefined;
      this.error(pathOf(prefix, field), `a whole number of pixels from 1 to ${MAX_PIXELS}`, value, hint);
      return undefined;
    }
    return value;
  }

  boolean(fields: Fields, field: Field, prefix: string): boolean | undefined {
    const value = fields[field.name];
    if (isAbsent(value)) return undefined;
    if (typeof value !== "boolean") {
      this.error(pathOf(prefix, field), "true or false (a boolean)", value, typeof value === "string" ? "write true or false without quotes" : undefined);
      return undefined;
    }
    return value;
  }

  mapping(fields: Fields, field: Field, prefix: string): Fields | undefined {
    const value = fields[field.name];
    if (isAbsent(value)) {
      if (field.required === true) this.error(pathOf(prefix, field), "a mapping of fields", value);
      return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      this.error(pathOf(prefix, field), "a mapping of fields", value);
      return undefined;
    }
    return value as Fields;
  }

  list(fields: Fields, field: Field, prefix: string): unknown[] {
    const value = fields[field.name];
    if (isAbsent(value)) return [];
    if (!Array.isArray(value)) {
      const hint = typeof value === "string" ? listHint(field.name, value) : undefined;
      this.error(pathOf(prefix, field), "a list", value, hint);
      return [];
    }
    return value;
  }

  /** An optional URL: a bad one is dropped with a warning, since the article is still worth publishing. */
  optionalUrl(fields: Fields, field: Field, prefix: string): string | undefined {
    return this.url(fields, field, prefix, "warning", "the value was dropped");
  }

  /** A link that may become the canonical URL: a bad one is an error, since the article would link nowhere or somewhere unsafe. */
  linkUrl(fields: Fields, field: Field, prefix: string): string | undefined {
    return this.url(fields, field, prefix, "error", "links must start with https:// or http://");
  }

  private url(fields: Fields, field: Field, prefix: string, severity: Severity, hint: string): string | undefined {
    const value = this.string(fields, field, prefix);
    if (value === undefined || value === "") return undefined;
    const url = toHttpUrl(value);
    if (!url) this.report(severity, pathOf(prefix, field), "an absolute http(s) URL", value, hint);
    return url;
  }
}

/**
 * How to write a string as the list it should be. `AI, Cloud` is two items, not one item "AI,
 * Cloud", so a string with commas is shown split, one item per line (at most three, each cut to
 * 20 characters, so the message stays one readable line).
 */
function listHint(name: string, value: string): string {
  const items = value.includes(",") ? value.split(",").map((item) => item.trim()).filter((item) => item !== "") : [];
  if (items.length < 2) return `write it as a list: "${name}:" then "  - ${value.slice(0, 20)}"`;
  const shown = items.slice(0, 3).map((item) => `"  - ${item.slice(0, 20)}"`);
  const more = items.length > 3 ? ", and so on" : "";
  return `write it as a list, one item per line: "${name}:" then ${shown.slice(0, -1).join(", ")} and ${shown.slice(-1).join("")}${more}`;
}

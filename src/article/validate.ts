import { describeValue, type Problem } from "../errors.js";
import type { Coverage, Image, Provider } from "./types.js";
import type { ParsedFile } from "./read.js";
import { cleanLine, cleanText } from "./text.js";
import { normaliseDomain, parseArticleDate, toHttpUrl } from "./normalise.js";

/** An article after validation and normalisation, before the site gives it a slug. */
export interface ArticleDraft extends Coverage {
  sourceFile: string;
  publishedMs: number;
  published: boolean;
  topics: string[];
  related: Coverage[];
  body: string;
}

export interface ValidationContext {
  timeZone: string;
}

type Fields = Record<string, unknown>;

/** Fields an article and a related item share: the seeds' shape. */
const COVERAGE_FIELDS = ["title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl", "provider", "images", "quality", "heat", "category", "type"] as const;
/** Fields only a top-level article has: a related item is another outlet's story, not a file of this site. */
const ARTICLE_ONLY_FIELDS = ["published", "secured", "topics", "related"] as const;
const ARTICLE_FIELDS: readonly string[] = [...COVERAGE_FIELDS, ...ARTICLE_ONLY_FIELDS];
const RELATED_FIELDS: readonly string[] = COVERAGE_FIELDS;
const PROVIDER_FIELDS: readonly string[] = ["name", "domain", "images"];
const IMAGE_FIELDS: readonly string[] = ["url", "width", "height", "isCached"];
/** Typos further than this from every known name get no suggestion: it would be a guess. */
const MAX_SUGGESTION_DISTANCE = 2;

/** Optimal-string-alignment distance: a swapped pair of letters (`pubilshed`) counts as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The known field a misspelt key most likely meant, compared without case; undefined when none is close. */
function closestField(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** A key as a path segment; odd keys are quoted so control characters cannot reach the terminal raw. */
function fieldPath(prefix: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return prefix ? `${prefix}.${key}` : key;
  return `${prefix}[${JSON.stringify(key)}]`;
}

/** A string the author meant as a number (`"80"`), as opposed to a word (`high`). */
function looksNumeric(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value));
}

/** Collects problems for one file while fields are read; every check is a type check, never a coercion. */
class FieldReader {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    readonly context: ValidationContext,
  ) {}

  error(field: string, expected: string, value: unknown, hint?: string): void {
    this.problems.push({ severity: "error", file: this.file, field, expected, received: describeValue(value), ...(hint ? { hint } : {}) });
  }

  warn(field: string, expected: string, value: unknown, hint?: string): void {
    this.problems.push({ severity: "warning", file: this.file, field, expected, received: describeValue(value), ...(hint ? { hint } : {}) });
  }

  /**
   * Unknown keys are warnings, not errors: the rest of the file is still good, but a typo such as
   * `publised: false` would otherwise publish an article its author meant to hold back.
   */
  unknownFields(fields: Fields, prefix: string, known: readonly string[], what: string, articleOnly: readonly string[] = []): void {
    for (const [key, value] of Object.entries(fields)) {
      if (known.includes(key)) continue;
      let hint: string;
      if (articleOnly.includes(key)) hint = `only the article itself takes \`${key}\`, not a related item; it was ignored`;
      else {
        const suggestion = closestField(key, known);
        hint = suggestion ? `did you mean \`${suggestion}\`? It was ignored` : "it was ignored; the README lists the fields";
      }
      this.problems.push({ severity: "warning", file: this.file, field: fieldPath(prefix, key), expected: what, received: `an unknown field set to ${describeValue(value)}`, hint });
    }
  }

  string(fields: Fields, key: string, path: string, required: boolean): string | undefined {
    const value = fields[key];
    if (value === undefined || value === null) {
      if (required) this.error(path, "a non-empty string", value);
      return undefined;
    }
    if (typeof value !== "string") {
      this.error(path, "a string", value, typeof value === "number" || typeof value === "boolean" ? "put the value in quotes" : undefined);
      return undefined;
    }
    const cleaned = cleanText(value);
    if (required && cleaned === "") {
      this.error(path, "a non-empty string", value);
      return undefined;
    }
    return cleaned;
  }

  number(fields: Fields, key: string, path: string): number | undefined {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.error(path, "a number", value, looksNumeric(value) ? "remove the quotes around the number" : typeof value === "string" ? `use a number, e.g. ${key}: 80` : undefined);
      return undefined;
    }
    return value;
  }

  dimension(fields: Fields, key: string, path: string): number | undefined {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      this.error(path, "a whole number of pixels greater than 0", value, looksNumeric(value) ? "remove the quotes around the number" : typeof value === "string" ? `use a whole number, e.g. ${key}: 1200` : undefined);
      return undefined;
    }
    return value;
  }

  boolean(fields: Fields, key: string, path: string): boolean | undefined {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") {
      this.error(path, "true or false (a boolean)", value, typeof value === "string" ? "write true or false without quotes" : undefined);
      return undefined;
    }
    return value;
  }

  mapping(fields: Fields, key: string, path: string, required: boolean): Fields | undefined {
    const value = fields[key];
    if (value === undefined || value === null) {
      if (required) this.error(path, "a mapping of fields", value);
      return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      this.error(path, "a mapping of fields", value);
      return undefined;
    }
    return value as Fields;
  }

  list(fields: Fields, key: string, path: string): unknown[] {
    const value = fields[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.error(path, "a list", value, typeof value === "string" ? `write it as a list: "${key}:" then "  - ${value.slice(0, 20)}"` : undefined);
      return [];
    }
    return value;
  }

  /** An optional URL: a bad one is dropped with a warning, since the article is still worth publishing. */
  optionalUrl(fields: Fields, key: string, path: string): string | undefined {
    const value = this.string(fields, key, path, false);
    if (value === undefined || value === "") return undefined;
    const url = toHttpUrl(value);
    if (!url) this.warn(path, "an absolute http(s) URL", value, "the value was dropped");
    return url;
  }

  requiredUrl(fields: Fields, key: string, path: string): string | undefined {
    const value = this.string(fields, key, path, false);
    if (value === undefined || value === "") return undefined;
    const url = toHttpUrl(value);
    if (!url) this.error(path, "an absolute http(s) URL", value, "links must start with https:// or http://");
    return url;
  }

  images(fields: Fields, key: string, path: string): Image[] {
    const images: Image[] = [];
    this.list(fields, key, path).forEach((entry, index) => {
      const at = `${path}[${index}]`;
      if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
        this.error(at, "a mapping with url, width and height", entry);
        return;
      }
      const image = entry as Fields;
      this.unknownFields(image, at, IMAGE_FIELDS, "a known image field (url, width, height, isCached)");
      const width = this.dimension(image, "width", `${at}.width`);
      const height = this.dimension(image, "height", `${at}.height`);
      this.boolean(image, "isCached", `${at}.isCached`);
      // An image is decoration: without a usable URL it is dropped, like any bad optional URL, and
      // the article still builds. Mistyped sizes stay errors, since they show a broken file.
      const raw = image.url;
      const safe = typeof raw === "string" ? toHttpUrl(cleanText(raw)) : undefined;
      if (!safe) {
        this.warn(`${at}.url`, "an absolute http(s) URL", typeof raw === "string" ? cleanText(raw) : raw, "the image was dropped");
        return;
      }
      images.push({ url: safe, ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) });
    });
    return images;
  }

  provider(fields: Fields, path: string): Provider | undefined {
    const provider = this.mapping(fields, "provider", path, true);
    if (!provider) return undefined;
    this.unknownFields(provider, path, PROVIDER_FIELDS, "a known provider field (name, domain, images)");
    const name = this.string(provider, "name", `${path}.name`, true);
    const rawDomain = this.string(provider, "domain", `${path}.domain`, true);
    const images = this.images(provider, "images", `${path}.images`);
    let domain: string | undefined;
    if (rawDomain !== undefined) {
      domain = normaliseDomain(rawDomain);
      if (!domain) this.error(`${path}.domain`, "a host name such as example.com", rawDomain);
    }
    if (name === undefined || domain === undefined) return undefined;
    return { name: cleanLine(name), domain, images };
  }

  /** The fields an article and a related item share. Undefined when a required one is bad. */
  coverage(fields: Fields, prefix: string): Coverage | undefined {
    const at = (key: string): string => (prefix ? `${prefix}.${key}` : key);
    const title = this.string(fields, "title", at("title"), true);
    const excerpt = this.string(fields, "excerpt", at("excerpt"), false) ?? "";
    const rawDate = this.string(fields, "publishedDateTime", at("publishedDateTime"), true);
    const originalUrl = this.requiredUrl(fields, "originalUrl", at("originalUrl"));
    const webUrl = this.requiredUrl(fields, "webUrl", at("webUrl"));
    const ampUrl = this.optionalUrl(fields, "ampWebUrl", at("ampWebUrl"));
    // cdnAmpWebUrl is type-checked but never kept: it is a Google cache address, not the outlet's.
    this.string(fields, "cdnAmpWebUrl", at("cdnAmpWebUrl"), false);
    const provider = this.provider(fields, at("provider"));
    const images = this.images(fields, "images", at("images"));
    const quality = this.number(fields, "quality", at("quality"));
    const heat = this.number(fields, "heat", at("heat"));
    const category = this.string(fields, "category", at("category"), false);
    const type = this.string(fields, "type", at("type"), false);

    const canonical = originalUrl ?? webUrl;
    const urlAlreadyReported = this.problems.some((p) => p.field === at("originalUrl") || p.field === at("webUrl"));
    if (canonical === undefined && !urlAlreadyReported) {
      this.error(at("originalUrl"), "an absolute http(s) URL in originalUrl or webUrl", undefined, "every article needs a link to the original");
    }
    let publishedAt: string | undefined;
    if (rawDate !== undefined) {
      const date = parseArticleDate(rawDate, this.context.timeZone);
      // The same text as luxon's toISO() for a UTC instant, as one flat string rather than a tree of pieces.
      if (date.ok) publishedAt = new Date(date.instant.toMillis()).toISOString();
      else this.error(at("publishedDateTime"), date.expected, rawDate, date.hint);
    }
    if (title === undefined || publishedAt === undefined || canonical === undefined || provider === undefined) return undefined;
    return {
      title: cleanLine(title),
      excerpt,
      publishedAt,
      url: canonical,
      ...(webUrl !== undefined ? { webUrl } : {}),
      ...(ampUrl !== undefined ? { ampUrl } : {}),
      provider,
      images,
      ...(quality !== undefined ? { quality } : {}),
      ...(heat !== undefined ? { heat } : {}),
      ...(category ? { category } : {}),
      ...(type ? { type } : {}),
    };
  }
}

/**
 * Checks one parsed file against the article schema and normalises it. Returns the draft only
 * when there are no errors; warnings (dropped optional URLs) come back either way.
 */
export function validateArticle(parsed: ParsedFile, context: ValidationContext): { draft?: ArticleDraft; problems: Problem[] } {
  const reader = new FieldReader(parsed.file, context);
  const fields = parsed.data;
  reader.unknownFields(fields, "", ARTICLE_FIELDS, "a known article field");
  const coverage = reader.coverage(fields, "");
  const published = reader.boolean(fields, "published", "published");
  reader.string(fields, "secured", "secured", false);

  const topics: string[] = [];
  reader.list(fields, "topics", "topics").forEach((topic, index) => {
    if (typeof topic !== "string" || cleanLine(topic) === "") {
      reader.error(`topics[${index}]`, "a non-empty topic name", topic);
      return;
    }
    topics.push(cleanLine(topic));
  });

  const related: Coverage[] = [];
  reader.list(fields, "related", "related").forEach((entry, index) => {
    const at = `related[${index}]`;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      reader.error(at, "a mapping with title, publishedDateTime, webUrl and provider", entry);
      return;
    }
    reader.unknownFields(entry as Fields, at, RELATED_FIELDS, "a known related-item field", ARTICLE_ONLY_FIELDS);
    const item = reader.coverage(entry as Fields, at);
    if (item) related.push(item);
  });

  const hasErrors = reader.problems.some((p) => p.severity === "error");
  if (hasErrors || !coverage) return { problems: reader.problems };
  return {
    draft: {
      ...coverage,
      sourceFile: parsed.file,
      publishedMs: Date.parse(coverage.publishedAt),
      // The samples always say; a file that omits the field is taken as published, the common case.
      published: published ?? true,
      topics,
      related,
      body: cleanText(parsed.body),
    },
    problems: reader.problems,
  };
}

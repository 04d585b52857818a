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
      this.error(path, "a number", value, typeof value === "string" ? "remove the quotes around the number" : undefined);
      return undefined;
    }
    return value;
  }

  dimension(fields: Fields, key: string, path: string): number | undefined {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
      this.error(path, "a whole number of pixels greater than 0", value, typeof value === "string" ? "remove the quotes around the number" : undefined);
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
      const url = this.string(image, "url", `${at}.url`, true);
      const width = this.dimension(image, "width", `${at}.width`);
      const height = this.dimension(image, "height", `${at}.height`);
      this.boolean(image, "isCached", `${at}.isCached`);
      if (url === undefined) return;
      const safe = toHttpUrl(url);
      if (!safe) {
        this.warn(`${at}.url`, "an absolute http(s) URL", url, "the image was dropped");
        return;
      }
      images.push({ url: safe, ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) });
    });
    return images;
  }

  provider(fields: Fields, path: string): Provider | undefined {
    const provider = this.mapping(fields, "provider", path, true);
    if (!provider) return undefined;
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
      if (date.ok) publishedAt = date.instant.toISO() ?? undefined;
      else this.error(at("publishedDateTime"), "an ISO 8601 date-time such as 2021-04-19T15:31:00Z", rawDate, `it is not a real date: ${date.reason}`);
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

import type { Coverage, Image, Provider } from "./types.js";
import { tidyLine, tidyText } from "./text.js";
import { normaliseDomain, parseArticleDate, toHttpUrl } from "./normalise.js";
import { ARTICLE_FIELDS, IMAGE_FIELDS, LINK_FIELDS, PROVIDER_FIELDS, type Field } from "./schema.js";
import { pathOf, type FieldReader, type Fields } from "./field-reader.js";
import { canonicalUrlKey } from "./canonical-url.js";

const IMAGE_WHAT = `a known image field (${IMAGE_FIELDS.names.join(", ")})`;
const PROVIDER_WHAT = `a known provider field (${PROVIDER_FIELDS.names.join(", ")})`;
const LINK_EXPECTED = `an absolute http(s) URL in ${LINK_FIELDS.join(" or ")}`;

/**
 * Keys are worked out as a file is read (in the reader's worker threads, and kept with the parsed
 * article in the build cache) rather than each build on the main thread: about 0.4 s at 10,000
 * articles. A URL that is already its own key is kept as the one string.
 */
const keyOf = (url: string): string => {
  const key = canonicalUrlKey(url);
  return key === url ? url : key;
};

const isMapping = (value: unknown): value is Fields => value !== null && typeof value === "object" && !Array.isArray(value);

/** A list of images; an image without a usable URL is dropped with a warning. */
export function readImages(reader: FieldReader, fields: Fields, field: Field, prefix: string): Image[] {
  const I = IMAGE_FIELDS.field;
  const images: Image[] = [];
  const path = pathOf(prefix, field);
  reader.list(fields, field, prefix).forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (!isMapping(entry)) {
      reader.error(at, "a mapping with url, width and height", entry);
      return;
    }
    reader.unknownFields(entry, at, IMAGE_FIELDS, IMAGE_WHAT);
    const width = reader.pixels(entry, I.width, at);
    const height = reader.pixels(entry, I.height, at);
    reader.boolean(entry, I.isCached, at);
    // An image is decoration: without a usable URL it is dropped, like any bad optional URL, and
    // the article still builds. Mistyped sizes stay errors, since they show a broken file. The URL
    // is checked last so the report keeps the order authors have seen (sizes, then the drop).
    const raw = entry[I.url.name];
    const safe = typeof raw === "string" ? toHttpUrl(tidyText(raw)) : undefined;
    if (!safe) {
      reader.warn(pathOf(at, I.url), "an absolute http(s) URL", typeof raw === "string" ? tidyText(raw) : raw, "the image was dropped");
      return;
    }
    const image: Image = { url: safe };
    if (width !== undefined) image.width = width;
    if (height !== undefined) image.height = height;
    images.push(image);
  });
  return images;
}

export function readProvider(reader: FieldReader, fields: Fields, prefix: string): Provider | undefined {
  const P = PROVIDER_FIELDS.field;
  const provider = reader.mapping(fields, ARTICLE_FIELDS.field.provider, prefix);
  if (!provider) return undefined;
  const path = pathOf(prefix, ARTICLE_FIELDS.field.provider);
  reader.unknownFields(provider, path, PROVIDER_FIELDS, PROVIDER_WHAT);
  const name = reader.string(provider, P.name, path);
  const rawDomain = reader.string(provider, P.domain, path);
  const images = readImages(reader, provider, P.images, path);
  let domain: string | undefined;
  if (rawDomain !== undefined) {
    domain = normaliseDomain(rawDomain);
    if (!domain) reader.error(pathOf(path, P.domain), "a host name such as example.com", rawDomain);
  }
  if (name === undefined || domain === undefined) return undefined;
  return reader.provider(tidyLine(name), domain, images);
}

/** The fields an article and a related item share. Undefined when a required one is bad. */
export function readCoverage(reader: FieldReader, fields: Fields, prefix: string): Coverage | undefined {
  const A = ARTICLE_FIELDS.field;
  const title = reader.string(fields, A.title, prefix);
  const excerpt = reader.string(fields, A.excerpt, prefix) ?? "";
  const rawDate = reader.string(fields, A.publishedDateTime, prefix);
  const originalUrl = reader.linkUrl(fields, A.originalUrl, prefix);
  const webUrl = reader.linkUrl(fields, A.webUrl, prefix);
  const ampUrl = reader.optionalUrl(fields, A.ampWebUrl, prefix);
  // cdnAmpWebUrl is type-checked but never kept: it is a Google cache address, not the outlet's.
  reader.opaque(fields, A.cdnAmpWebUrl, prefix);
  const provider = readProvider(reader, fields, prefix);
  const images = readImages(reader, fields, A.images, prefix);
  const quality = reader.number(fields, A.quality, prefix);
  const heat = reader.number(fields, A.heat, prefix);
  const category = reader.string(fields, A.category, prefix);
  const type = reader.string(fields, A.type, prefix);

  // LINK_FIELDS is [originalUrl, webUrl]: the first one given is the canonical URL.
  const canonical = originalUrl ?? webUrl;
  if (canonical === undefined) {
    const linkPaths = LINK_FIELDS.map((name) => (prefix ? `${prefix}.${name}` : name));
    // A bad link was reported already; "missing" would then be wrong.
    if (!reader.problems.some((p) => linkPaths.includes(p.field))) reader.error(linkPaths[0] ?? "", LINK_EXPECTED, undefined, "every article needs a link to the original");
  }
  let publishedAt: string | undefined;
  if (rawDate !== undefined) {
    const date = parseArticleDate(rawDate, reader.context.timeZone);
    // The same text as luxon's toISO() for a UTC instant, as one flat string rather than a tree of pieces.
    if (date.ok) publishedAt = new Date(date.instant.toMillis()).toISOString();
    else reader.error(pathOf(prefix, A.publishedDateTime), date.expected, rawDate, date.hint);
  }
  if (title === undefined || publishedAt === undefined || canonical === undefined || provider === undefined) return undefined;
  const urlKey = keyOf(canonical);
  const aliasKeys = [...new Set([webUrl, ampUrl].flatMap((alias) => (alias === undefined ? [] : [keyOf(alias)])))].filter((key) => key !== urlKey);
  // Optional fields are set one by one rather than spread from `cond ? { x } : {}`: the spreads
  // were most of this function's own time on a cold read (a temporary object per field).
  const coverage: Coverage = { title: reader.keep(tidyLine(title)), excerpt: reader.keep(excerpt), publishedAt, url: canonical, urlKey, provider, images };
  if (webUrl !== undefined) coverage.webUrl = webUrl;
  if (ampUrl !== undefined) coverage.ampUrl = ampUrl;
  if (aliasKeys.length > 0) coverage.aliasKeys = aliasKeys;
  if (quality !== undefined) coverage.quality = quality;
  if (heat !== undefined) coverage.heat = heat;
  if (category) coverage.category = reader.keep(category);
  if (type) coverage.type = reader.keep(type);
  return coverage;
}

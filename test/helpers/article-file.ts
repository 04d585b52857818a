import yaml from "js-yaml";
import { articleSlug } from "../../src/article/slug.js";
import { canonicalUrlKey } from "../../src/article/canonical-url.js";

export interface ArticleFields {
  title?: unknown;
  excerpt?: unknown;
  publishedDateTime?: unknown;
  originalUrl?: unknown;
  webUrl?: unknown;
  ampWebUrl?: unknown;
  published?: unknown;
  provider?: unknown;
  topics?: unknown;
  images?: unknown;
  related?: unknown;
  quality?: unknown;
  heat?: unknown;
  [field: string]: unknown;
}

const defaultSlug = (fields: ArticleFields): string => String(fields.title ?? "a-story").toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40);

/**
 * The site-relative page URL the digest gives the article `articleFile(fields)` writes (dates with
 * an explicit offset or `Z`): tests name pages through this rather than spelling hashes out.
 */
export function articlePageUrl(fields: ArticleFields = {}): string {
  const title = String(fields.title ?? "A story");
  const url = String(fields.originalUrl ?? `https://outlet.example.com/news/${defaultSlug(fields)}`);
  const publishedAt = new Date(String(fields.publishedDateTime ?? "2026-03-01T10:00:00Z")).toISOString();
  return `/articles/${articleSlug(publishedAt, title, canonicalUrlKey(url))}/`;
}

/** `articlePageUrl` as an output file path without the leading slash, e.g. for `build.read`. */
export function articlePagePath(fields: ArticleFields = {}): string {
  return `${articlePageUrl(fields).slice(1)}index.html`;
}

/** A valid article in the seeds' shape, as file text; `fields` override or add (undefined removes). */
export function articleFile(fields: ArticleFields = {}, body = ""): string {
  const slug = defaultSlug(fields);
  const data: Record<string, unknown> = {
    category: "news",
    title: "A story",
    excerpt: "What happened, in two sentences.",
    publishedDateTime: "2026-03-01T10:00:00Z",
    originalUrl: `https://outlet.example.com/news/${slug}`,
    webUrl: `https://outlet.example.com/news/${slug}`,
    type: "article",
    quality: 70,
    heat: 10,
    published: true,
    provider: { name: "Example Outlet", domain: "outlet.example.com", images: [{ url: "https://images.example.net/outlet-50x50.jpg", width: 50, height: 50 }] },
    topics: ["Markets"],
    images: [{ url: "https://images.example.net/lead.jpg", width: 1200, height: 675, isCached: true }],
    related: [],
    secured: "c2VjcmV0LXNpZ25hdHVyZQ==",
    ...fields,
  };
  for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key];
  return `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body ? `\n${body}\n` : ""}`;
}

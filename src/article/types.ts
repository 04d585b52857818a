/** An image reference kept only when its URL is absolute http(s). */
export interface Image {
  url: string;
  width?: number;
  height?: number;
}

export interface Provider {
  name: string;
  /** Lower-case host name without `www.`; the provider's key. */
  domain: string;
  images: Image[];
}

/** Fields an article and its `related[]` items share, after normalisation. */
export interface Coverage {
  title: string;
  excerpt: string;
  /** The instant, as an ISO 8601 string in UTC (`2021-04-19T15:31:00.000Z`). */
  publishedAt: string;
  /** The canonical URL at the outlet (originalUrl, else webUrl). */
  url: string;
  /** The canonical URL's comparison key (`canonicalUrlKey`), worked out as the file is read: an article's identity for dedupe, its address, its feed id and its story; a related item's place in a story. */
  urlKey: string;
  webUrl?: string;
  ampUrl?: string;
  /** The keys of `webUrl` and `ampUrl` where they differ from `urlKey`: coverage that any of them names is the same story. */
  aliasKeys?: string[];
  provider: Provider;
  images: Image[];
  quality?: number;
  heat?: number;
  category?: string;
  type?: string;
}

export type RelatedItem = Coverage;

/** One article as templates, feeds and search see it. Never holds `secured`. */
export interface Article extends Coverage {
  /** Path of the source file relative to the working directory. */
  sourceFile: string;
  /** Path segment of the article's page, unique in the site. */
  slug: string;
  /** Site-relative URL of the article's page (before any path prefix), e.g. `/articles/2021-04-19-us-banks/`. */
  pageUrl: string;
  /** Milliseconds since the epoch: for sorting without reparsing. */
  publishedMs: number;
  published: boolean;
  topics: string[];
  related: RelatedItem[];
  /** Text after the front matter, trimmed; shown as the digest's own note. */
  body: string;
}

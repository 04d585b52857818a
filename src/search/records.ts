import type { Article } from "../article/types.js";
import type { GroupedArticles } from "../digest.js";
import { topicKeys } from "../taxonomy/term.js";

/**
 * What a result card shows besides the headline and excerpt. Pagefind 1.5 and later search every
 * metadata field ("Metadata-only matches now return results"), so none of this may be metadata:
 * an outlet's name would match every one of its articles (the complaint), a date like
 * "Mar 1, 2026, 10:00 AM" every article of that month for "mar" or "am", and an image URL every
 * article for "https" or "images". It travels as the value of the `card` filter instead: a
 * fragment carries its page's filter values, Pagefind never searches them, and the search page
 * never filters by `card`, so its filter chunk is never downloaded.
 */
export interface SearchCard {
  outlet: string;
  /** The outlet's page on this site, site-relative without the path prefix (the term's own URL, so the browser never rebuilds a slug). */
  outletUrl: string;
  /** The date as the site's pages show it (the site's zone and language). */
  date: string;
  datetime: string;
  image?: { url: string; width?: number; height?: number };
}

/** One article's search entry, built from the core's data, not from site pages (record-page.ts turns it into what Pagefind reads). */
export interface SearchRecord {
  url: string;
  /** The indexed text, one block per line: headline, excerpt, topics, body. Never the outlet's name. */
  content: string;
  language: string;
  /** Searched as well as returned (see SearchCard): the headline and the excerpt only. */
  meta: { title: string; excerpt: string };
  filters: Record<string, string[]>;
  card: SearchCard;
  sort: Record<string, string>;
}

/**
 * Only what the search page offers: Newest first. Every sort key adds a list of all pages to
 * `pf_meta`, which every visitor downloads before the first result (23 kB per key at 10,000
 * articles, a third of the file), and the quality and heat keys were offered nowhere.
 */
export const SORT_KEYS = ["date"] as const;

/** The filter whose value is a record's card (never filtered by, see SearchCard). */
export const CARD_FILTER = "card";

/** Pagefind expects an ISO 639-1 code: "pt-BR" indexes as "pt". */
export function searchLanguage(language: string): string {
  return (language.split("-")[0] ?? "en").toLowerCase();
}

/**
 * One record per published article, in batches of `batchSize`: at 100,000 articles the records
 * are about 100 MB; made and sent a batch at a time, they never exist as objects all at once on
 * either side (only in the compact form of messages waiting for the worker). Every record carries every sort key, because Pagefind drops records without the key
 * from a sorted result. The `provider` filter holds the outlet's domain, its key: two outlets may
 * share a name, and a name as the value would merge them into one choice. The search page labels
 * each domain with the outlet's name. Topic and year values are already unique as shown.
 */
export function* searchRecordBatches(digest: Pick<GroupedArticles, "articles" | "providers" | "topics">, options: { language: string; formatDate: (iso: string) => string }, batchSize = 2000): Generator<SearchRecord[]> {
  const toRecord = createRecordFactory(digest, options);
  for (let start = 0; start < digest.articles.length; start += batchSize) yield digest.articles.slice(start, start + batchSize).map(toRecord);
}

function createRecordFactory(digest: Pick<GroupedArticles, "articles" | "providers" | "topics">, options: { language: string; formatDate: (iso: string) => string }): (article: Article) => SearchRecord {
  const topicLabel = new Map(digest.topics.map((t) => [t.key, t.label] as const));
  const providerUrl = new Map(digest.providers.map((p) => [p.key, p.url] as const));
  const language = searchLanguage(options.language);
  const keyOf = topicKeys();
  return (article) => {
    const topics = [...new Set(article.topics.map((name) => topicLabel.get(keyOf(name)) ?? name))];
    const image = article.images[0];
    return {
      // Site-relative: Pagefind prefixes results with the folder its bundle is served from, so
      // the same index works under any path prefix.
      url: article.pageUrl,
      content: [article.title, article.excerpt, topics.join(", "), article.body].filter(Boolean).join("\n"),
      language,
      meta: { title: article.title, excerpt: article.excerpt },
      filters: { provider: [article.provider.domain], topic: topics, year: [article.publishedAt.slice(0, 4)] },
      card: {
        outlet: article.provider.name,
        outletUrl: providerUrl.get(article.provider.domain) ?? "",
        date: options.formatDate(article.publishedAt),
        datetime: article.publishedAt,
        ...(image ? { image: { url: image.url, ...(image.width ? { width: image.width } : {}), ...(image.height ? { height: image.height } : {}) } } : {}),
      },
      sort: { date: article.publishedAt },
    };
  };
}

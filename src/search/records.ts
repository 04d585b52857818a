import type { Article } from "../article/types.js";
import type { GroupedArticles } from "../digest.js";
import { topicKey } from "../taxonomy/term.js";

/** One article's search entry in the shape of Pagefind's `CustomRecord`, built from the core's data, not from site pages (record-page.ts turns it into what Pagefind reads). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export const SORT_KEYS = ["date", "quality", "heat"] as const;

// Pagefind compares sort values as numbers when they all parse as numbers; padding keeps the
// order right even if it compares them as strings. Heat can be negative (-1 in the samples).
const sortNumber = (value: number | undefined, offset = 0): string => String(Math.max(0, Math.round((value ?? 0) + offset))).padStart(9, "0");

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
export function* searchRecordBatches(digest: Pick<GroupedArticles, "articles" | "topics">, options: { language: string; formatDate: (iso: string) => string }, batchSize = 2000): Generator<SearchRecord[]> {
  const toRecord = createRecordFactory(digest, options);
  for (let start = 0; start < digest.articles.length; start += batchSize) yield digest.articles.slice(start, start + batchSize).map(toRecord);
}

function createRecordFactory(digest: Pick<GroupedArticles, "articles" | "topics">, options: { language: string; formatDate: (iso: string) => string }): (article: Article) => SearchRecord {
  const topicLabel = new Map(digest.topics.map((t) => [t.key, t.label] as const));
  const language = searchLanguage(options.language);
  return (article) => {
    const topics = [...new Set(article.topics.map((name) => topicLabel.get(topicKey(name)) ?? name))];
    const image = article.images[0];
    return {
      // Site-relative: Pagefind prefixes results with the folder its bundle is served from, so
      // the same index works under any path prefix.
      url: article.pageUrl,
      content: [article.title, article.excerpt, article.provider.name, topics.join(", "), article.body].filter(Boolean).join("\n"),
      language,
      meta: {
        title: article.title,
        excerpt: article.excerpt,
        outlet: article.provider.name,
        date: options.formatDate(article.publishedAt),
        datetime: article.publishedAt,
        ...(image ? { image: image.url, ...(image.width ? { image_width: String(image.width) } : {}), ...(image.height ? { image_height: String(image.height) } : {}) } : {}),
      },
      filters: { provider: [article.provider.domain], topic: topics, year: [article.publishedAt.slice(0, 4)] },
      sort: { date: article.publishedAt, quality: sortNumber(article.quality), heat: sortNumber(article.heat, 1) },
    };
  };
}

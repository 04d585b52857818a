import type { Problem } from "../errors.js";
import type { Article } from "../article/types.js";
import { assignSlugs, slugify, topicSlug } from "../article/slug.js";
import { topicKeys, type Term, type TermKind } from "./term.js";

export interface Taxonomy {
  terms: Term[];
  /** Slug collisions, as warnings for the build report. */
  problems: Problem[];
}

interface Bucket {
  key: string;
  articles: Article[];
  spellings: Map<string, number>;
  /** The file that sorts first among those naming the term, for collision reports. */
  firstFile: string;
}

export const TERM_BASE_URL: Record<TermKind, string> = { provider: "/providers/", topic: "/topics/" };

function mostCommonSpelling(spellings: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    // Ties go to the spelling that sorts first, so the label does not depend on file order.
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

function buildTerms(kind: TermKind, buckets: Map<string, Bucket>, slugOf: (key: string) => string, naturalSlug: (key: string) => string): Taxonomy {
  const { slugs, collisions } = assignSlugs(buckets.keys(), slugOf, naturalSlug);
  const terms: Term[] = [];
  for (const bucket of buckets.values()) {
    const slug = slugs.get(bucket.key) as string;
    // Articles arrive newest first; a stable sort keeps that order within each term.
    terms.push({ kind, key: bucket.key, slug, label: mostCommonSpelling(bucket.spellings), count: bucket.articles.length, url: `${TERM_BASE_URL[kind]}${slug}/`, articles: bucket.articles });
  }
  terms.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "en") || a.key.localeCompare(b.key));
  const problems: Problem[] = collisions.map((collision) => {
    const named = collision.keys.map((key) => {
      const bucket = buckets.get(key) as Bucket;
      return `${JSON.stringify(mostCommonSpelling(bucket.spellings))} (${bucket.firstFile})`;
    });
    return {
      severity: "warning",
      file: (buckets.get(collision.keys[collision.keys.length - 1] as string) as Bucket).firstFile,
      field: `${kind}s`,
      expected: `${kind} names that slug apart`,
      received: `${named.join(" and ")} both slug as "${collision.slug}"`,
      hint: `each keeps an address of its own: ${collision.assigned.map((slug) => `${TERM_BASE_URL[kind]}${slug}/`).join(", ")}; rename one if they are the same ${kind}`,
    };
  });
  return { terms, problems };
}

function addTo(buckets: Map<string, Bucket>, key: string, spelling: string, article: Article): void {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { key, articles: [], spellings: new Map(), firstFile: article.sourceFile };
    buckets.set(key, bucket);
  } else if (article.sourceFile < bucket.firstFile) bucket.firstFile = article.sourceFile;
  if (bucket.articles[bucket.articles.length - 1] !== article) bucket.articles.push(article);
  bucket.spellings.set(spelling, (bucket.spellings.get(spelling) ?? 0) + 1);
}

/**
 * Providers keyed by domain, and slugged as the domain itself: a normalised domain (lower case,
 * IDN as punycode) is already a safe path segment, and no two providers share one.
 * `articles` must be published and newest first.
 */
export function groupByProvider(articles: readonly Article[]): Taxonomy {
  const buckets = new Map<string, Bucket>();
  for (const article of articles) addTo(buckets, article.provider.domain, article.provider.name, article);
  return buildTerms("provider", buckets, (domain) => domain, (domain) => domain);
}

/** Topics keyed by their case-folded name; an article listing "AI" and "ai" is counted once. */
export function groupByTopic(articles: readonly Article[]): Taxonomy {
  const buckets = new Map<string, Bucket>();
  const keyOf = topicKeys();
  for (const article of articles) {
    for (const topic of article.topics) addTo(buckets, keyOf(topic), topic, article);
  }
  return buildTerms("topic", buckets, topicSlug, slugify);
}

import type { Article } from "../article/types.js";
import { memoByKey } from "../memo.js";

export type TermKind = "provider" | "topic";

export interface Term {
  kind: TermKind;
  /** Identity of the term: the provider's domain, or the case-folded topic name. */
  key: string;
  /** Unique path segment under `/providers/` or `/topics/`. */
  slug: string;
  /** Display name: the provider's name, or the topic's most common spelling. */
  label: string;
  count: number;
  /** Site-relative URL of the term's first page, e.g. `/topics/ai/`. */
  url: string;
  /** Published articles, newest first. */
  articles: Article[];
}

/**
 * Topic identity: NFC, then case-folded, so "AI", "ai" and "Ai" are one topic, and so are
 * "STRASSE"/"straße" and "İstanbul"/"istanbul". toLowerCase alone is not a case fold: it keeps
 * ß and final ς, and turns İ into i plus a combining dot above. The dot is dropped only after i
 * and j, where it is redundant; elsewhere (ż, ċ) it tells letters apart. Hyphens count as spaces
 * ("COVID-19" and "covid 19", "e-commerce" and "e commerce" are one topic): both become the hyphen
 * of the topic's slug, so keeping them apart would give two topics one address.
 */
export function topicKey(name: string): string {
  const folded = caseFold(name);
  // A name of hyphens only ("-") keeps them rather than becoming an empty key.
  return folded.replace(/[\s-]+/g, " ").trim() || folded.replace(/\s+/g, " ").trim();
}

/**
 * {@link topicKey} remembered by name, for one build's pass over every article's topics (grouping,
 * pages, feed items and search records each make one): a site has a few hundred distinct topic
 * names, and folding one takes three Unicode normalisations.
 */
export function topicKeys(): (name: string) => string {
  return memoByKey(topicKey);
}

function caseFold(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ς/g, "σ")
    .normalize("NFD")
    .replace(/([ij])\u0307/g, "$1")
    .normalize("NFC");
}

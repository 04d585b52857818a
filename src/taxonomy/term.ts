import type { Article } from "../article/types.js";

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

/** Topic identity: NFC and case-folded, so "AI", "ai" and "Ai" are one topic. */
export function topicKey(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

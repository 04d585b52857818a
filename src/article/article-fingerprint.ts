import { hashOf } from "../fingerprint.js";
import type { Article } from "./types.js";

/** What articles' fingerprints are made from: plain data, so a worker thread can be sent it. */
export interface ArticleSources {
  /** Each article file's content hash, by its path as articles' `sourceFile` names it. */
  contentHashes: ReadonlyMap<string, string>;
  timeZone: string;
}

/**
 * An article's fingerprint without serialising it: an article is its file's draft plus the four
 * fields the digest gives it (`createDigest`), and a draft is a pure function of the file's path,
 * its bytes and the time zone dates without an offset are read in (the reader's code is part of
 * the build cache's key). So the file's content hash stands for the draft. Serialising every
 * article (48 MB of JSON at 10,000) was the largest part of fingerprinting a deploy build's pages.
 *
 * Undefined for an article whose file's hash is unknown: the caller serialises that one. `known`
 * remembers them (an article is in a page and in many feed items: each asks); a watch session
 * passes one that lasts from build to build (DigestMemo), valid for one `timeZone`.
 */
export function articleFingerprints({ contentHashes, timeZone }: ArticleSources, known = new WeakMap<Article, string>()): (article: Article) => string | undefined {
  return (article) => {
    let fingerprint = known.get(article);
    if (fingerprint !== undefined) return fingerprint;
    const contentHash = contentHashes.get(article.sourceFile);
    if (contentHash === undefined) return undefined;
    fingerprint = hashOf(JSON.stringify([article.sourceFile, contentHash, timeZone, article.urlKey, article.published, article.slug, article.pageUrl]));
    known.set(article, fingerprint);
    return fingerprint;
  };
}

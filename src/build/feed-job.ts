import type { FeedSite } from "../feeds/index.js";
import type { FeedContentMessage } from "../feeds/feed-content-message.js";
import type { ArticleSources } from "../article/article-fingerprint.js";
import type { KeptItemFingerprints } from "../feeds/item-memo.js";

/** What the feed writer thread is given: everything it renders from, and where it writes. */
export interface FeedJob {
  content: FeedContentMessage;
  site: FeedSite;
  outputDir: string;
  /** The last build's fingerprints of the feed files (watch rebuilds and cached deploy builds); without them, every feed is written. */
  previous?: [string, string][];
  /** What articles' fingerprints are made from (see article-fingerprint.ts). */
  sources?: ArticleSources;
  /** Send back the items' fingerprints (a watch session's first build: see ItemFingerprintMemo.adopt). */
  keepItems?: boolean;
}

export type FeedJobReply =
  | { ok: true; feeds: number; archives: number; bytes: number; fingerprints: [string, string][]; items?: KeptItemFingerprints | undefined }
  | { ok: false; message: string };

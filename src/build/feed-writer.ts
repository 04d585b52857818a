import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { MESSAGE_PREFIX, NewsDigestError } from "../errors.js";
import { renderAllFeedBytes, type FeedContent, type FeedSite, type UnchangedCheck } from "../feeds/index.js";
import { feedContentMessage } from "../feeds/feed-content-message.js";
import { articleFingerprints, type ArticleSources } from "../article/article-fingerprint.js";
import { resolveInside, writeOutputFiles } from "../site/write-files.js";
import type { OnDisk } from "../site/output-presence.js";
import { workerUrl } from "../worker-url.js";
import { FEED_THREAD_YOUNG_GENERATION_MIB } from "../worker-heap.js";
import { BuildReport } from "./build-report.js";
import type { FeedJob, FeedJobReply } from "./feed-job.js";
import type { Article } from "../article/types.js";
import type { ItemFingerprintMemo, KeptItemFingerprints } from "../feeds/item-memo.js";

const WORKER_URL = workerUrl(import.meta.url, "feed-worker");

// Below this many articles, starting a thread and copying the articles to it costs more than the feeds take.
export const MIN_ARTICLES_FOR_FEED_THREAD = 1000;

export interface WrittenFeeds {
  feeds: number;
  archives: number;
  bytes: number;
  /** The fingerprint of every feed file this build wrote or found unchanged, for the next build. */
  fingerprints: [string, string][];
  /** The items' fingerprints the feed thread worked out, when asked for (`keepItems`). */
  items?: KeptItemFingerprints | undefined;
}

/** Feeds being written while the pages render; `finish` waits for them, `abandon` stops them. */
export interface PendingFeeds {
  finish(): Promise<WrittenFeeds>;
  abandon(): Promise<void>;
}

export interface FeedWriteRequest {
  digest: FeedContent;
  site: FeedSite;
  outputDir: string;
  /** The last build's fingerprints by site path: feeds whose fingerprint is unchanged and whose file is there are skipped. Without them, every feed is written. */
  previous?: ReadonlyMap<string, string>;
  /** What articles' fingerprints are made from, when known (see article-fingerprint.ts); otherwise items are serialised to fingerprint them. */
  sources?: ArticleSources;
  /** Those fingerprints as this thread already works them out for the pages (`articleFingerprints(sources)`), so feeds written here do not work them out again. */
  articleFingerprint?: (article: Article) => string | undefined;
  /** Where a note goes when the feed thread runs out of heap and this thread takes over (it takes as long again). */
  log?: (message: string) => void;
  /** A watch session's feed item fingerprints (see ItemFingerprintMemo). Feeds written in this thread only. */
  itemMemo?: ItemFingerprintMemo;
  /** Feeds written in the feed thread send back their items' fingerprints, for `itemMemo` to adopt. */
  keepItems?: boolean;
  /** Whether the output folder holds a file, as the build already found out (see output-presence.ts); asked of the disk otherwise. Feeds written in this thread only. */
  onDisk?: OnDisk;
}

/**
 * Whether feeds are worth a thread: a clean build of a large digest renders every feed, and the
 * thread does that on the second core while this one renders pages (10k articles: 19.0–19.7 s
 * against 22.2–22.7 s). A build with the last build's fingerprints renders only the few feeds that
 * changed; there the thread's start and copy of the articles cost more than it saves, and it takes
 * the second core from Pagefind (an incremental deploy build at 10k: 11.6 s with it, 8.2–9.4 s
 * without).
 */
export function feedsInThread(articles: number, previous: ReadonlyMap<string, string> | undefined): boolean {
  return articles >= MIN_ARTICLES_FOR_FEED_THREAD && (previous === undefined || previous.size === 0);
}

/**
 * The feed thread's heap limit. Without one, V8 sized the thread's heap by its own default (about
 * 4 GB here) and collected rarely: at 10,000 articles the thread's heap grew to 340 MB, of which
 * under 100 MB was ever live (its copy of the articles, ~5 KB each, and the items being reused;
 * the rest was items already let go). A limit makes it collect as it nears it. The allowance per
 * article is about twice the live heap measured at 10,000 articles (91 MB at most); a thread that
 * runs out anyway is not a failed build: the feeds are then written in this thread.
 */
export function feedThreadHeapMiB(articles: number): number {
  return 64 + Math.ceil((articles * 12) / 1024);
}

/** Starts writing every feed: in a worker thread (see feedsInThread), or in this thread when finished. */
export function startFeeds(request: FeedWriteRequest, inThread = feedsInThread(request.digest.articles.length, request.previous), heapMiB = feedThreadHeapMiB(request.digest.articles.length)): PendingFeeds {
  return inThread ? feedsInWorker(request, heapMiB) : feedsInline(request);
}

/** Records every fingerprint it is shown, so the caller learns them whichever thread asked. */
function recordingCheck(previous: ReadonlyMap<string, string>, onDisk: OnDisk, recorded: [string, string][]): UnchangedCheck {
  return (sitePath, fingerprint) => {
    recorded.push([sitePath, fingerprint]);
    return previous.get(sitePath) === fingerprint && onDisk(sitePath);
  };
}

/** Whether the output folder has a file at this site path (an unchanged fingerprint is not enough if the file is gone). */
export const fileExists = (outputDir: string, sitePath: string): boolean => existsSync(resolveInside(outputDir, sitePath));

/** Renders and writes every feed in this thread (the worker thread runs this too). */
export function writeFeeds({ digest, site, outputDir, previous, sources, articleFingerprint, itemMemo }: FeedWriteRequest, onDisk: OnDisk): WrittenFeeds {
  const fingerprints: [string, string][] = [];
  const report = new BuildReport();
  const unchanged = previous ? recordingCheck(previous, onDisk, fingerprints) : undefined;
  const { bytes } = writeOutputFiles(outputDir, report.count(renderAllFeedBytes(digest, site, unchanged, articleFingerprint ?? (sources ? articleFingerprints(sources) : undefined), itemMemo)));
  return { feeds: report.feeds, archives: report.archives, bytes, fingerprints };
}

function feedsInline(request: FeedWriteRequest): PendingFeeds {
  return {
    finish: async () => writeFeeds(request, request.onDisk ?? ((sitePath) => fileExists(request.outputDir, sitePath))),
    abandon: async () => undefined,
  };
}

const isOutOfMemory = (error: unknown): boolean => error instanceof Error && (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";

function feedsInWorker(request: FeedWriteRequest, heapMiB: number): PendingFeeds {
  const job: FeedJob = { content: feedContentMessage(request.digest), site: request.site, outputDir: request.outputDir, ...(request.previous ? { previous: [...request.previous] } : {}), ...(request.sources ? { sources: request.sources } : {}), ...(request.keepItems ? { keepItems: true } : {}) };
  const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: heapMiB, maxYoungGenerationSizeMb: FEED_THREAD_YOUNG_GENERATION_MIB } });
  let stopped = false;
  const reply = new Promise<FeedJobReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => (stopped ? resolve({ ok: false, message: "the feed writer was stopped" }) : reject(new Error(`the feed writer thread exited with code ${code} before answering`))));
  });
  reply.catch(() => undefined);
  return {
    async finish() {
      let answer: FeedJobReply;
      try {
        answer = await reply;
      } catch (error) {
        // Every file is rendered from the same data wherever it is written: the thread's are overwritten with the same bytes.
        if (isOutOfMemory(error)) {
          request.log?.(`${MESSAGE_PREFIX} the feed thread ran out of its ${heapMiB} MiB heap; writing the feeds in the main thread instead (the same files, slower).`);
          return writeFeeds(request, request.onDisk ?? ((sitePath) => fileExists(request.outputDir, sitePath)));
        }
        throw new NewsDigestError(`writing the feeds failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      if (!answer.ok) throw new NewsDigestError(answer.message.startsWith(`${MESSAGE_PREFIX} `) ? answer.message.slice(MESSAGE_PREFIX.length + 1) : answer.message);
      return answer;
    },
    async abandon() {
      stopped = true;
      await worker.terminate();
    },
  };
}

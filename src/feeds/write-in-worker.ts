import { Worker } from "node:worker_threads";
import { NewsDigestError } from "../errors.js";
import { workerUrl } from "../worker-url.js";
import type { FeedContent, FeedSite } from "./index.js";

const WORKER_URL = workerUrl(import.meta.url, "feeds-worker");

type Reply = { ok: true; written: { files: number; bytes: number } } | { ok: false; message: string };

/** Feed files being written by a worker thread. */
export interface PendingFeeds {
  /** Waits for the thread (holding the process open meanwhile) and reports what it wrote. */
  finish(): Promise<{ files: number; bytes: number }>;
}

/**
 * Renders and writes every feed file in a worker thread (see feeds-worker.ts). The articles and
 * terms are copied to the thread once; start it as soon as the digest exists and finish it after
 * the pages are written.
 */
export function writeFeedsInWorker(content: FeedContent, site: FeedSite, outputDir: string): PendingFeeds {
  const worker = new Worker(WORKER_URL, { workerData: { content: { articles: content.articles, providers: content.providers, topics: content.topics }, site, outputDir } });
  const done = new Promise<{ files: number; bytes: number }>((resolve, reject) => {
    worker.once("message", (reply: Reply) => (reply.ok ? resolve(reply.written) : reject(new NewsDigestError(reply.message))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new NewsDigestError(`feed writer thread exited with code ${code} before answering`)));
  });
  // A build that fails before finish() must not be kept alive by the thread, nor report it unhandled.
  worker.unref();
  done.catch(() => undefined);
  return {
    finish() {
      worker.ref();
      return done;
    },
  };
}

// Runs in a worker thread: renders and writes every feed while the main thread renders the
// pages and Eleventy its templates. Feeds were a third of a 10,000-article build, all of it on
// one core while the other waited.
import { parentPort, workerData } from "node:worker_threads";
import { feedContentOf } from "../feeds/feed-content-message.js";
import { fileExists, writeFeeds } from "./feed-writer.js";
import type { FeedJob, FeedJobReply } from "./feed-job.js";
import { ItemFingerprintMemo } from "../feeds/item-memo.js";

function run({ content, site, outputDir, previous, sources, keepItems }: FeedJob): FeedJobReply {
  try {
    const itemMemo = keepItems ? new ItemFingerprintMemo({ record: true }) : undefined;
    const request = { digest: feedContentOf(content), site, outputDir, ...(previous ? { previous: new Map(previous) } : {}), ...(sources ? { sources } : {}), ...(itemMemo ? { itemMemo } : {}) };
    return { ok: true, ...writeFeeds(request, (sitePath) => fileExists(outputDir, sitePath)), items: itemMemo?.recording() };
  } catch (error) {
    // The message already names the problem; the error's class would not survive the thread boundary.
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

if (!parentPort) throw new Error("feed-worker.js must run in a worker thread");
parentPort.postMessage(run(workerData as FeedJob));

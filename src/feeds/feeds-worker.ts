// Runs in a worker thread: renders and writes every feed file while the main thread renders
// pages, so a deploy build's feeds cost no time on its critical path.
import { parentPort, workerData } from "node:worker_threads";
import { writeOutputFiles } from "../site/write-files.js";
import { renderAllFeeds, type FeedContent, type FeedSite } from "./index.js";

const { content, site, outputDir } = workerData as { content: FeedContent; site: FeedSite; outputDir: string };
try {
  parentPort?.postMessage({ ok: true, written: writeOutputFiles(outputDir, renderAllFeeds(content, site)) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}

// Runs in a worker thread: drives Pagefind's child process with an event loop of its own, so
// records are indexed while the main thread is busy rendering pages (Eleventy's rendering gives
// the main loop too few turns to feed Pagefind: measured, the adds finished only after the feeds).
// The thread starts before the articles are read, so Pagefind is up by the time records arrive.
import { mkdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.js";
import { renderRecordPage } from "./record-page.js";
import { sitePathOf } from "../site/site-pages.js";
import { resolveInside } from "../site/write-files.js";
import type { IndexWorkerData, WorkerReply, WorkerRequest } from "./worker-protocol.js";

if (!parentPort) throw new Error("index-worker.js must run in a worker thread");
const port: MessagePort = parentPort;

const reply = (message: WorkerReply): void => port.postMessage(message);

/** Set once a step failed: later steps are skipped, and the failure has been reported. */
let failed = false;

const creating = pagefind.createIndex({}).then((created) => {
  if (created.errors.length > 0 || !created.index) {
    failed = true;
    reply({ kind: "failed", step: "create an index", errors: created.errors.length ? created.errors : ["no index returned"] });
    return undefined;
  }
  return created.index;
});

// Records become small HTML pages in a temporary folder, which Pagefind indexes in one call (see
// record-page.ts for why not addCustomRecord). The folder goes once Pagefind has read it; the
// thread's owner removes it too, in case Pagefind died first.
const { pagesDir } = workerData as IndexWorkerData;
let recordCount = 0;

function writeRecordPages(records: readonly SearchRecord[]): void {
  for (const record of records) {
    // At the path a site page of that URL would have, so Pagefind derives the record's own URL from it.
    const file = resolveInside(pagesDir, sitePathOf(record.url));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderRecordPage(record));
    recordCount++;
  }
}

async function writeAndClose(outputPath: string | undefined): Promise<void> {
  try {
    const index = await creating;
    if (outputPath && index && !failed) {
      const added = await index.addDirectory({ path: pagesDir });
      if (added.errors.length > 0) reply({ kind: "failed", step: "index the records", errors: added.errors });
      else if (added.page_count !== recordCount) reply({ kind: "failed", step: "index the records", errors: [`indexed ${added.page_count} of ${recordCount} records`] });
      else {
        const [written] = await Promise.all([index.writeFiles({ outputPath }), rm(pagesDir, { recursive: true, force: true })]);
        if (written.errors.length > 0) reply({ kind: "failed", step: "write the search bundle", errors: written.errors });
        else reply({ kind: "written" });
      }
    }
  } catch (error) {
    reply({ kind: "failed", step: "run", errors: [String(error)] });
  } finally {
    await pagefind.close();
    port.close();
  }
}

let ending = false;

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "add") {
    try {
      if (!failed) writeRecordPages(request.records);
    } catch (error) {
      failed = true;
      reply({ kind: "failed", step: "prepare the records", errors: [String(error)] });
    }
    return;
  }
  // The first write or close ends the thread's work; a close sent while a write runs changes nothing.
  if (ending) return;
  ending = true;
  // From here on only Pagefind's pending calls keep this thread alive. If its process dies (a
  // panic leaves those calls unanswered forever), the thread ends, and the build fails with
  // "stopped before writing" instead of hanging.
  port.unref();
  void writeAndClose(request.kind === "write" ? request.outputPath : undefined);
});

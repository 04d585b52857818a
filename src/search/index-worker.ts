// Runs in a worker thread: drives Pagefind's child process with an event loop of its own, so
// records are indexed while the main thread is busy rendering pages (Eleventy's rendering gives
// the main loop too few turns to feed Pagefind: measured, the adds finished only after the feeds).
// The thread starts before the articles are read, so Pagefind is up by the time records arrive.
import { parentPort, type MessagePort } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

// Each addCustomRecord is a round trip to Pagefind's child process; sending a batch at once
// halves the time of awaiting each in turn (measured in DESIGN.md: 3.3–4 s vs ~2× at 10,000).
const BATCH_SIZE = 500;

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

async function addRecords(records: readonly SearchRecord[]): Promise<void> {
  const index = await creating;
  for (let start = 0; index && !failed && start < records.length; start += BATCH_SIZE) {
    const batch = records.slice(start, start + BATCH_SIZE);
    const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    const bad = responses.findIndex((response) => response.errors.length > 0);
    if (bad !== -1) {
      failed = true;
      reply({ kind: "failed", step: `index ${batch[bad]?.url ?? "a record"}`, errors: responses[bad]?.errors ?? [] });
    }
  }
}

async function writeAndClose(outputPath: string | undefined): Promise<void> {
  try {
    await adding;
    const index = await creating;
    if (outputPath && index && !failed) {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) reply({ kind: "failed", step: "write the search bundle", errors: written.errors });
      else reply({ kind: "written" });
    }
  } catch (error) {
    reply({ kind: "failed", step: "run", errors: [String(error)] });
  } finally {
    await pagefind.close();
    port.close();
  }
}

let adding: Promise<void> = Promise.resolve();
let ending = false;

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "add") {
    adding = addRecords(request.records).catch((error: unknown) => {
      failed = true;
      reply({ kind: "failed", step: "index the records", errors: [String(error)] });
    });
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

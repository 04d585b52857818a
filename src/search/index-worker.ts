// Runs in a worker thread: drives Pagefind's child process with an event loop of its own, so
// records are indexed while the main thread is busy rendering pages (Eleventy's rendering gives
// the main loop too few turns to feed Pagefind: measured, the adds finished only after the feeds).
import { parentPort, workerData } from "node:worker_threads";
import * as pagefind from "pagefind";
import type { SearchRecord } from "./records.js";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.js";

// Each addCustomRecord is a round trip to Pagefind's child process; sending a batch at once
// halves the time of awaiting each in turn (measured in DESIGN.md: 3.3–4 s vs ~2× at 10,000).
const BATCH_SIZE = 500;

const port = parentPort;
if (!port) throw new Error("index-worker.js must run in a worker thread");
const records = (workerData as { records: SearchRecord[] }).records;

const reply = (message: WorkerReply): void => port.postMessage(message);

async function addRecords(): Promise<pagefind.PagefindIndex | undefined> {
  const created = await pagefind.createIndex({});
  if (created.errors.length > 0 || !created.index) {
    reply({ kind: "failed", step: "create an index", errors: created.errors.length ? created.errors : ["no index returned"] });
    return undefined;
  }
  const index = created.index;
  for (let start = 0; start < records.length; start += BATCH_SIZE) {
    const batch = records.slice(start, start + BATCH_SIZE);
    const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    for (const [offset, response] of responses.entries()) {
      if (response.errors.length > 0) {
        reply({ kind: "failed", step: `index ${batch[offset]?.url ?? "a record"}`, errors: response.errors });
        return undefined;
      }
    }
  }
  return index;
}

const adding = addRecords();

port.on("message", (request: WorkerRequest) => {
  // From here on only Pagefind's pending calls keep this thread alive. If its process dies (a
  // panic leaves those calls unanswered forever), the thread ends, and the build fails with
  // "stopped before writing" instead of hanging.
  port.unref();
  void (async () => {
    try {
      const index = await adding;
      if (request.kind === "write" && index) {
        const written = await index.writeFiles({ outputPath: request.outputPath });
        if (written.errors.length > 0) reply({ kind: "failed", step: "write the search bundle", errors: written.errors });
        else reply({ kind: "written" });
      }
    } catch (error) {
      reply({ kind: "failed", step: "run", errors: [String(error)] });
    } finally {
      await pagefind.close();
      reply({ kind: "closed" });
      port.close();
    }
  })();
});

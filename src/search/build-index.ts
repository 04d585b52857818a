import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { NewsDigestError, MESSAGE_PREFIX } from "../errors.js";
import type { SearchRecord } from "./records.js";
import type { IndexWorkerData, WorkerReply, WorkerRequest } from "./worker-protocol.js";
import { workerUrl } from "../worker-url.js";

const WORKER_URL = workerUrl(import.meta.url, "index-worker");

/**
 * An index being built while the rest of the site renders: Pagefind indexes in its own child
 * process, driven from a worker thread, so the records are indexed on the second core while
 * Eleventy renders. Open it early (Pagefind starts meanwhile), `add` the records once the articles
 * are read, `write` as soon as the output folder is known (the bundle goes to its own `pagefind/`
 * folder, which Eleventy never touches, so it can be written while pages render), and `finish`
 * after the build to wait for it.
 */
export interface PendingSearchIndex {
  add(records: readonly SearchRecord[]): void;
  /** Asks Pagefind to write `<outputDir>/pagefind/` once the records are in, then close. */
  write(outputDir: string): void;
  /** Holds the process open until the bundle is written; fails with Pagefind's errors. */
  finish(): Promise<{ pages: number; ms: number }>;
  /** Closes Pagefind without writing (a build that failed before its after-build step). */
  abandon(): Promise<void>;
}

/**
 * Starts Pagefind for one build. Records come from the core's data rather than the written site
 * pages: they exist as soon as the articles are read, so indexing overlaps page rendering instead
 * of following it, and they do not depend on a site's own layouts. They reach Pagefind as small
 * record pages in a temporary folder under `tempRoot` (record-page.ts says why). Every Pagefind
 * response's `errors` fail the build.
 */
export function openSearchIndex(log: (message: string) => void, tempRoot: string = os.tmpdir()): PendingSearchIndex {
  const started = performance.now();
  const pagesDir = mkdtempSync(path.join(tempRoot, "news-digest-search-"));
  const removePages = (): void => {
    try {
      rmSync(pagesDir, { recursive: true, force: true });
    } catch {
      // Best effort: a leftover folder in the temp directory must not turn into a build error.
    }
  };
  // A build that fails before finish() exits without waiting for the worker: remove the record pages then.
  process.once("exit", removePages);
  const worker = new Worker(WORKER_URL, { workerData: { pagesDir } satisfies IndexWorkerData });
  const failures: string[] = [];
  let settled = false;
  let written = false;
  let pages = 0;
  let bundleDir: string | undefined;
  let ended = false;
  const finished = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "written") written = true;
      if (reply.kind === "failed") failures.push(`Pagefind failed to ${reply.step}:\n${reply.errors.map((e) => `  ${e}`).join("\n")}`);
    });
    worker.on("error", reject);
    worker.on("exit", () => {
      // Normally already gone; left behind when Pagefind died before the worker removed it.
      removePages();
      process.removeListener("exit", removePages);
      settled = true;
      resolve();
    });
  });
  // A build that fails before finish() must not keep the process alive; finish() holds it again.
  // (After the listeners: adding a message listener refs the worker's port again.)
  worker.unref();
  // Reported by finish(); without this a crash before finish() would be an unhandled rejection.
  finished.catch(() => undefined);
  const send = (request: WorkerRequest): void => {
    if (!settled) worker.postMessage(request);
  };
  return {
    add(records) {
      pages += records.length;
      send({ kind: "add", records: records as SearchRecord[] });
    },
    write(outputDir) {
      bundleDir = path.join(outputDir, "pagefind");
      ended = true;
      send({ kind: "write", outputPath: bundleDir });
    },
    async finish() {
      // Without a write request the worker would wait for one forever; closing makes finish() report it.
      if (!ended) send({ kind: "close" });
      ended = true;
      worker.ref();
      await finished;
      if (failures.length > 0) throw new NewsDigestError(`${failures.join("\n")}`);
      if (!written) throw new NewsDigestError(`Pagefind stopped before writing the search bundle to ${bundleDir ?? "the output folder"}; its own message, if any, is printed above.`);
      const ms = Math.round(performance.now() - started);
      log(`${MESSAGE_PREFIX} search: indexed ${pages} pages in ${ms} ms`);
      return { pages, ms };
    },
    async abandon() {
      ended = true;
      send({ kind: "close" });
      await finished.catch(() => undefined);
    },
  };
}

/** Indexes the records and writes the bundle to `<outputDir>/pagefind/` in one step. */
export async function buildSearchIndex(input: { outputDir: string; records: readonly SearchRecord[]; log: (message: string) => void; tempRoot?: string }): Promise<{ pages: number; ms: number }> {
  const index = openSearchIndex(input.log, input.tempRoot);
  index.add(input.records);
  index.write(input.outputDir);
  return index.finish();
}

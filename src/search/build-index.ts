import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { NewsDigestError } from "../errors.js";
import type { SearchRecord } from "./records.js";
import type { IndexWorkerData, WorkerReply, WorkerRequest } from "./worker-protocol.js";
import { workerUrl } from "../worker-url.js";
import { WORKER_YOUNG_GENERATION_MIB } from "../worker-heap.js";
import { pagefindBinary } from "./pagefind-binary.js";

const WORKER_URL = workerUrl(import.meta.url, "index-worker");

/**
 * An index being built while the rest of the site renders: a worker thread turns records into
 * small pages and runs Pagefind over them on the second core. Open it early, `add` the records
 * once the articles are read, `write` as soon as the bundle's folder is known, and `finish` after
 * the build to wait for it; `abandon` on every failure path.
 */
export interface PendingSearchIndex {
  add(records: readonly SearchRecord[]): void;
  /**
   * Asks Pagefind to write the bundle into `bundleDir` (emptied first) once the records are in,
   * unless their fingerprint is `unlessFingerprint` (the published bundle's): then nothing is written.
   */
  write(bundleDir: string, unlessFingerprint?: string): void;
  /**
   * Holds the process open until the bundle is written (or found unneeded); fails with Pagefind's
   * own output. The worker may still be removing its record pages: `abandon` waits for it.
   */
  finish(): Promise<SearchIndexResult>;
  /** Stops Pagefind without writing (if it still runs), and waits until the worker thread has exited and its record pages are gone. */
  abandon(): Promise<void>;
}

export interface SearchIndexResult {
  pages: number;
  ms: number;
  /** The records' fingerprint (records-fingerprint.ts), to pass as `unlessFingerprint` next time. */
  fingerprint: string;
  /** True when the records had the fingerprint `write` was given, and no bundle was written. */
  unchanged: boolean;
}

/**
 * Starts the indexer for one build. Records come from the core's data rather than the written
 * site pages: they exist as soon as the articles are read, so indexing overlaps page rendering,
 * and they do not depend on a site's own layouts. They reach Pagefind as record pages in a
 * temporary folder under `tempRoot` (record-page.ts says why).
 */
export function openSearchIndex(tempRoot: string = os.tmpdir()): PendingSearchIndex {
  const started = performance.now();
  const pagesDir = mkdtempSync(path.join(tempRoot, "news-digest-search-"));
  let pagefindPid: number | undefined;
  // A build that fails before finish() exits without waiting for the worker: then stop Pagefind
  // (it would outlive the build, writing into the output folder) and remove the record pages.
  const removePages = (): void => {
    if (pagefindPid !== undefined) {
      try {
        process.kill(pagefindPid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    rmSync(pagesDir, { recursive: true, force: true });
  };
  process.once("exit", removePages);
  const worker = new Worker(WORKER_URL, { workerData: { pagesDir, binary: pagefindBinary() } satisfies IndexWorkerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MIB } });
  const failures: string[] = [];
  let outcome: { pages: number; fingerprint: string; unchanged: boolean } | undefined;
  let settled = false;
  let ended = false;
  let bundleDir: string | undefined;
  // The worker's answer (the bundle written, found unchanged, or a failure) comes before it has
  // removed its record pages (0.5 s at 10,000 records): the build publishes the bundle meanwhile.
  let answered: () => void = () => undefined;
  const answer = new Promise<void>((resolve) => (answered = resolve));
  // Settles when the thread has exited, after an error too: what `abandon` waits for.
  let exited: () => void = () => undefined;
  const exit = new Promise<void>((resolve) => (exited = resolve));
  const finished = new Promise<void>((resolve, reject) => {
    worker.on("message", (reply: WorkerReply) => {
      if (reply.kind === "running") pagefindPid = reply.pid;
      else if (reply.kind === "exited") pagefindPid = undefined;
      else {
        if (reply.kind === "written" || reply.kind === "unchanged") outcome = { pages: reply.pages, fingerprint: reply.fingerprint, unchanged: reply.kind === "unchanged" };
        else failures.push(`Pagefind failed to ${reply.step}:\n${reply.errors.map((e) => `  ${e.replace(/\n/g, "\n  ")}`).join("\n")}`);
        answered();
      }
    });
    worker.on("error", reject);
    worker.on("exit", () => {
      pagefindPid = undefined;
      removePages();
      process.removeListener("exit", removePages);
      settled = true;
      answered();
      exited();
      resolve();
    });
  });
  // A build that fails before finish() must not keep the process alive; finish() holds it again.
  worker.unref();
  finished.catch(() => undefined);
  const send = (request: WorkerRequest): void => {
    if (!settled) worker.postMessage(request);
  };
  return {
    add(records) {
      send({ kind: "add", records: records as SearchRecord[] });
    },
    write(target, unlessFingerprint) {
      bundleDir = target;
      ended = true;
      send({ kind: "write", bundleDir: target, unlessFingerprint });
    },
    async finish() {
      // Without a write request the worker would wait for one forever; closing makes finish() report it.
      if (!ended) send({ kind: "close" });
      ended = true;
      worker.ref();
      await Promise.race([answer, finished]);
      if (failures.length > 0) throw new NewsDigestError(failures.join("\n"));
      if (outcome === undefined) throw new NewsDigestError(`the search indexer stopped before writing the search bundle to ${bundleDir ?? "the output folder"}.`);
      return { ...outcome, ms: Math.round(performance.now() - started) };
    },
    async abandon() {
      ended = true;
      send({ kind: "close" });
      worker.ref();
      await exit;
    },
  };
}

/** Indexes the records and writes the bundle into `bundleDir` in one step. */
export async function buildSearchIndex(input: { bundleDir: string; records: readonly SearchRecord[]; tempRoot?: string }): Promise<SearchIndexResult> {
  const index = openSearchIndex(input.tempRoot);
  try {
    index.add(input.records);
    index.write(input.bundleDir);
    return await index.finish();
  } finally {
    await index.abandon();
  }
}

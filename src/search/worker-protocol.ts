import type { SearchRecord } from "./records.js";

/** Messages between the search indexer and its worker thread (see index-worker.ts), in the order they are sent. */
export type WorkerRequest = { kind: "add"; records: SearchRecord[] } | { kind: "write"; bundleDir: string } | { kind: "close" };

export type WorkerReply = { kind: "failed"; step: string; errors: string[] } | { kind: "written"; pages: number } | { kind: "running"; pid: number } | { kind: "exited" };

/** Given to the worker when it starts: the temporary folder it writes record pages into, and the Pagefind executable. */
export interface IndexWorkerData {
  pagesDir: string;
  binary: string;
}

import type { SearchRecord } from "./records.js";

/** Messages between the search indexer and its worker thread (see index-worker.ts), in the order they are sent. */
export type WorkerRequest =
  | { kind: "add"; records: SearchRecord[] }
  /** `unlessFingerprint`: the published bundle's records' fingerprint; records with it are not indexed again. */
  | { kind: "write"; bundleDir: string; unlessFingerprint?: string | undefined }
  | { kind: "close" };

export type WorkerReply =
  | { kind: "failed"; step: string; errors: string[] }
  | { kind: "written"; pages: number; fingerprint: string }
  | { kind: "unchanged"; pages: number; fingerprint: string }
  | { kind: "running"; pid: number }
  | { kind: "exited" };

/** Given to the worker when it starts: the temporary folder it writes record pages into, and the Pagefind executable. */
export interface IndexWorkerData {
  pagesDir: string;
  binary: string;
}

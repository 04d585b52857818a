import type { SearchRecord } from "./records.js";

/** Messages between the search indexer and its worker thread (see index-worker.ts), in the order they are sent. */
export type WorkerRequest =
  | { kind: "add"; records: SearchRecord[] }
  /** `unlessFingerprint`: the published bundle's records' fingerprint; records with it are not indexed again. */
  | { kind: "write"; bundleDir: string; unlessFingerprint?: string | undefined }
  | { kind: "close" };

export type WorkerReply =
  | { kind: "failed"; step: string; errors: string[] }
  /** `pageDigests`: when the worker keeps its record pages, the digest of each page left in the folder. */
  | { kind: "written"; pages: number; fingerprint: string; pageDigests?: Map<string, string> | undefined }
  | { kind: "unchanged"; pages: number; fingerprint: string; pageDigests?: Map<string, string> | undefined }
  | { kind: "running"; pid: number }
  | { kind: "exited" };

/**
 * Given to the worker when it starts: the temporary folder it writes record pages into, and the
 * Pagefind executable. With `keptDigests` (a watch session's, see kept-record-pages.ts) the folder
 * already holds the last index's pages with those digests: the worker writes only pages that
 * differ, deletes those no record has now, and leaves the folder in place when it is done.
 */
export interface IndexWorkerData {
  pagesDir: string;
  binary: string;
  keptDigests?: Map<string, string> | undefined;
}

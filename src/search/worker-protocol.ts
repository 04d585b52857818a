/** Messages between the search indexer and its worker thread (see index-worker.ts). */
export type WorkerRequest = { kind: "write"; outputPath: string } | { kind: "close" };

export type WorkerReply = { kind: "failed"; step: string; errors: string[] } | { kind: "written" } | { kind: "closed" };

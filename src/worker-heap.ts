/**
 * The young-generation size every worker thread of a build is given. V8 sizes a thread's young
 * generation as it would a main thread's (tens of MiB each), and a build runs up to three threads
 * beside the main one (reading, feeds, the search indexer), each allocating mostly short-lived
 * strings. Capped at this size, the 10,000-article bench build peaked at 467–500 MiB against
 * 524–586 MiB uncapped, in the same time within this machine's noise (measured alternately, three
 * runs each; a 16 MiB cap for the feed thread gave 503–518 MiB).
 */
export const WORKER_YOUNG_GENERATION_MIB = 8;

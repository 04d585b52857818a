/**
 * The young-generation sizes of a build's worker threads. V8 sizes a worker's young generation
 * as it would a main thread's (tens of MiB each), and a build runs up to three workers beside the
 * main thread (reading, feeds, the search indexer), each allocating mostly short-lived strings.
 * Capped, the 10,000-article bench build peaked at 467–518 MiB against 524–590 MiB uncapped, in
 * the same time within this machine's noise (measured alternately); most of that was the feed
 * thread's (563–567 MiB with only its cap lifted).
 */
export const WORKER_YOUNG_GENERATION_MIB = 8;

/**
 * The feed thread keeps each item until the last document that holds it is written, so much of
 * what it allocates lives long, and at 8 MiB its collections grew with its heap: at 100,000
 * articles the build waited 9.7–10.6 s for the feeds against 2.9 s uncapped. At 16 MiB it waited
 * 1.3 s (one run each), and the 10,000-article build peaked at 503–518 MiB.
 */
export const FEED_THREAD_YOUNG_GENERATION_MIB = 16;

import os from "node:os";
import { Worker } from "node:worker_threads";
import { workerUrl } from "../worker-url.js";
import { WORKER_YOUNG_GENERATION_MIB } from "../worker-heap.js";
import { validateJobs, type JobResult, type ReadJob, type ValidateMany } from "./read-folder.js";

// Below this many files a worker's start-up (about 100 ms to load the parser) costs more than it saves.
const MIN_FILES_PER_WORKER = 1000;
const WORKER_URL = workerUrl(import.meta.url, "read-worker");

function validateInWorker(jobs: readonly ReadJob[], timeZone: string): Promise<JobResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { jobs, timeZone }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MIB } });
    worker.once("message", (results: JobResult[]) => resolve(results));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`article reader thread exited with code ${code} before answering`)));
  });
}

/**
 * Validates files across the machine's cores: this thread takes the first share while worker
 * threads take the rest, and results come back in the jobs' order. Small folders stay in this
 * thread.
 */
export function validateInParallel(threads = os.availableParallelism(), minFilesPerThread = MIN_FILES_PER_WORKER): ValidateMany {
  return async (jobs, timeZone, onProgress) => {
    const shares = Math.max(1, Math.min(threads, Math.floor(jobs.length / minFilesPerThread)));
    if (shares === 1) return validateJobs(jobs, timeZone, onProgress);
    const size = Math.ceil(jobs.length / shares);
    const inWorkers = [];
    for (let start = size; start < jobs.length; start += size) inWorkers.push(validateInWorker(jobs.slice(start, start + size), timeZone));
    // Workers settle their promises only after this synchronous share is done; attach handlers first.
    const settled = Promise.all(inWorkers);
    settled.catch(() => undefined);
    // This thread cannot hear from the workers until its own share is done; they take equal shares
    // at the same pace, so its progress times the number of shares is the folder's, near enough.
    const own = validateJobs(jobs.slice(0, size), timeZone, onProgress && ((done) => onProgress(Math.min(jobs.length, done * shares), jobs.length)));
    return [...own, ...(await settled).flat()];
  };
}

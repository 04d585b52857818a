// Runs in a worker thread: validates its share of the article files and posts the results back
// in order. Parsing YAML and validating is most of a cold build's reading time, and it splits
// cleanly across cores.
import { parentPort, workerData } from "node:worker_threads";
import { validateJobs, type ReadJob } from "./read-folder.js";

const { jobs, timeZone } = workerData as { jobs: ReadJob[]; timeZone: string };
// Posting the results clones them, strings included: the reader need not copy them first.
parentPort?.postMessage(validateJobs(jobs, timeZone, undefined, false));

import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { problem, type Problem } from "../errors.js";
import { isArticleFileName, listArticleFiles } from "./list-files.js";

export { isArticleFileName };
import { readArticleText, type ReadResult } from "./read.js";
import { validateArticle, type ArticleDraft, type ValidationContext } from "./validate.js";
import { contentHash, type ArticleStore, type StoredFile } from "./article-store.js";
import { SharedValues } from "./shared-values.js";

interface CacheEntry {
  mtimeMs: number;
  size: number;
  timeZone: string;
  /** The content hash of the bytes read (see article-store.ts); absent for a file that was never read. */
  hash?: string;
  draft?: ArticleDraft;
  problems: Problem[];
}

/**
 * Parsed and validated articles by absolute path, reused while a file's size and mtime are
 * unchanged: a watch-mode rebuild after one edit re-reads one file, not ten thousand.
 */
export class ArticleCache {
  private readonly entries = new Map<string, CacheEntry>();
  get(absolutePath: string, mtimeMs: number, size: number, timeZone: string): CacheEntry | undefined {
    const entry = this.entries.get(absolutePath);
    return entry && entry.mtimeMs === mtimeMs && entry.size === size && entry.timeZone === timeZone ? entry : undefined;
  }
  set(absolutePath: string, entry: CacheEntry): void {
    this.entries.set(absolutePath, entry);
  }
  /** Whether a read has filled it: then it holds everything the persistent store could answer. */
  get filled(): boolean {
    return this.entries.size > 0;
  }
  /** Drops entries of files that no longer exist. */
  retain(absolutePaths: ReadonlySet<string>): void {
    for (const key of this.entries.keys()) if (!absolutePaths.has(key)) this.entries.delete(key);
  }
}

export interface FolderReadResult {
  /** Article files found, relative to `cwd`, in sorted order. */
  files: string[];
  drafts: ArticleDraft[];
  problems: Problem[];
  /** Files answered without being parsed: from the in-memory cache or the persistent store. */
  cached: number;
  /** Of those, the files answered from the persistent store (the build cache's parsed articles). */
  stored: number;
  /** The content hash of each file read (or known unchanged), by its path as reports name it: what its draft was made from. */
  hashes: Map<string, string>;
}

export function validateFile(file: string, bytes: Uint8Array, timeZone: string): { draft?: ArticleDraft; problems: Problem[] } {
  return validateBytes(file, bytes, { timeZone });
}

function validateBytes(file: string, bytes: Uint8Array, context: ValidationContext): { draft?: ArticleDraft; problems: Problem[] } {
  const read: ReadResult = readArticleText(file, bytes);
  if (!read.ok) return { problems: [read.problem] };
  return validateArticle(read.parsed, context);
}

/** One file to validate: its path as reports name it, and where it is on disk. */
export interface ReadJob {
  file: string;
  full: string;
}

export type FileResult = { draft?: ArticleDraft; problems: Problem[] };

/** A job's result, with the content hash of the bytes it read (none when the file could not be read, which is never stored). */
export type JobResult = FileResult & { hash?: string };

/** Validates files in order; the parallel reader hands the same jobs to worker threads. */
export type ValidateMany = (jobs: readonly ReadJob[], timeZone: string, onProgress?: ReadProgress) => Promise<JobResult[]> | JobResult[];

/** Called every {@link PROGRESS_EVERY} files with how many of how many are done. */
export type ReadProgress = (done: number, total: number) => void;
export const PROGRESS_EVERY = 1000;

/** `copyStrings` as in ValidationContext: false only where the results are cloned to another thread. Equal providers and related items across the jobs are one object. */
export const validateJobs = (jobs: readonly ReadJob[], timeZone: string, onProgress?: ReadProgress, copyStrings = true): JobResult[] => {
  const context: ValidationContext = { timeZone, copyStrings, shared: new SharedValues() };
  return jobs.map((job, index) => {
    if (onProgress && index > 0 && index % PROGRESS_EVERY === 0) onProgress(index, jobs.length);
    let bytes: Buffer;
    try {
      bytes = readFileSync(job.full);
    } catch (error) {
      // Unreadable (permissions, or gone since the folder was listed): a problem naming it, not a crashed build.
      return { problems: [problem({ file: job.file, expected: "a file the build can read", received: `an error: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, hint: "fix its permissions, or remove it" })] };
    }
    // Hashed where the bytes are read (in the worker threads on a cold build), so the store's hash is of exactly what was parsed.
    return { hash: contentHash(bytes), ...validateBytes(job.file, bytes, context) };
  });
};

interface ReadPlan {
  files: string[];
  absolute: string[];
  /** Cache answers by file index; holes are read by the jobs. */
  entries: (CacheEntry | undefined)[];
  jobs: ReadJob[];
  jobStats: { index: number; mtimeMs: number; size: number }[];
  problems: Problem[];
  /** Files answered from the persistent store. */
  stored: number;
  root: string;
  /** The persistent store, when this read uses it. */
  store: ArticleStore | undefined;
}

const sizeText = (bytes: number): string => (bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`);

function tooLarge(file: string, size: number, max: number): Problem {
  return problem({ file, expected: `an article file of at most ${sizeText(max)} (the maxFileSize option)`, received: `a file of ${sizeText(size)}`, hint: "article files are front matter only, a few KB; raise maxFileSize if this one is meant" });
}

/** Lists the folder and asks the cache; what it cannot answer becomes a job. */
function planRead(contentDir: string, options: FolderReadOptions): ReadPlan | FolderReadResult {
  const cwd = options.cwd ?? process.cwd();
  const root = path.resolve(cwd, contentDir);
  let stats;
  try {
    stats = statSync(root);
  } catch {
    stats = undefined;
  }
  if (!stats?.isDirectory()) {
    const problem: Problem = { severity: "error", file: contentDir, field: "", expected: "a folder of article files", received: stats ? "a file" : "nothing (the folder does not exist)", hint: "set the contentDir option or NEWS_DIGEST_CONTENT" };
    return { files: [], drafts: [], problems: [problem], cached: 0, stored: 0, hashes: new Map() };
  }
  const displayPath = (full: string): string => path.relative(cwd, full).split(path.sep).join("/");
  const listing = listArticleFiles(root, displayPath, options.skip ?? []);
  const absolute = listing.files;
  const files = absolute.map(displayPath);
  // A watch rebuild's in-memory cache already holds what the last read stored, so the store could
  // answer none of its misses (edited files), and loading it (0.6 s at 10,000 articles) and
  // rewriting it (as long again) for one edit would slow every rebuild: only a read that the
  // in-memory cache cannot answer uses it, the first of a process. Files edited during a watch
  // session are parsed again once by the next process.
  const store = options.cache?.filled ? undefined : options.store;
  const plan: ReadPlan = { files, absolute, entries: [], jobs: [], jobStats: [], problems: listing.problems, stored: 0, root, store };
  // One buffer for hashing every file: a warm build reads all 10,000 in this thread, and a buffer
  // each (56 MB of small blocks) stayed in the process's memory after they were let go.
  const scratch = Buffer.allocUnsafe(1 << 16);
  // Loaded at the first file the in-memory cache cannot answer.
  let stored: ReadonlyMap<string, StoredFile> | undefined;
  const storedEntry = (file: string): StoredFile | undefined => (stored ??= store?.load(root, options.timeZone) ?? new Map<string, StoredFile>()).get(file);
  // The store's batches were written apart, each sharing only its own values: shared again across the folder.
  const shared = new SharedValues();
  for (const [index, full] of absolute.entries()) {
    const stat = statSync(full);
    if (options.maxFileSize !== undefined && stat.size > options.maxFileSize) {
      // Never read: a 3 GiB file crashed the build with ERR_FS_FILE_TOO_LARGE and no file name.
      plan.entries.push({ mtimeMs: stat.mtimeMs, size: stat.size, timeZone: options.timeZone, problems: [tooLarge(files[index] as string, stat.size, options.maxFileSize)] });
      continue;
    }
    const file = files[index] as string;
    let entry = options.cache?.get(full, stat.mtimeMs, stat.size, options.timeZone);
    const kept = entry ? undefined : storedEntry(file);
    if (kept && hashOnDisk(full, scratch) === kept.hash) {
      if (kept.result.draft) shared.adopt(kept.result.draft);
      entry = { mtimeMs: stat.mtimeMs, size: stat.size, timeZone: options.timeZone, hash: kept.hash, ...kept.result };
      options.cache?.set(full, entry);
      plan.stored++;
    }
    plan.entries.push(entry);
    if (!entry) {
      plan.jobs.push({ file, full });
      plan.jobStats.push({ index, mtimeMs: stat.mtimeMs, size: stat.size });
    }
  }
  return plan;
}

/** Files the results into the cache and collects drafts and problems in file order. */
function completeRead(plan: ReadPlan, results: readonly JobResult[], options: FolderReadOptions): FolderReadResult {
  for (const [at, { index, mtimeMs, size }] of plan.jobStats.entries()) {
    const entry: CacheEntry = { mtimeMs, size, timeZone: options.timeZone, ...(results[at] ?? { problems: [] }) };
    plan.entries[index] = entry;
    options.cache?.set(plan.absolute[index] as string, entry);
  }
  const drafts: ArticleDraft[] = [];
  const problems: Problem[] = [...plan.problems];
  const hashes = new Map<string, string>();
  for (const [index, entry] of plan.entries.entries()) {
    if (entry?.draft) drafts.push(entry.draft);
    if (entry) problems.push(...entry.problems);
    if (entry?.hash) hashes.set(plan.files[index] as string, entry.hash);
  }
  options.cache?.retain(new Set(plan.absolute));
  // Saved before anything downstream sees the drafts; built from this listing, so vanished files drop out.
  plan.store?.save(plan.root, options.timeZone, storedFiles(plan));
  return { files: plan.files, drafts, problems, cached: plan.absolute.length - plan.jobs.length, stored: plan.stored, hashes };
}

/** Every file that was read, by its path as reports name it (files never read, too large or unreadable, are looked at again next build). */
function storedFiles(plan: ReadPlan): Map<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  for (const [index, entry] of plan.entries.entries()) {
    if (!entry?.hash) continue;
    files.set(plan.files[index] as string, { hash: entry.hash, result: entry.draft ? { draft: entry.draft, problems: entry.problems } : { problems: entry.problems } });
  }
  return files;
}

/**
 * The content hash of a file as it is now (the same as {@link contentHash} of its bytes), read
 * through `scratch`; undefined when it cannot be read (its job then reports why).
 */
function hashOnDisk(full: string, scratch: Buffer): string | undefined {
  let fd: number;
  try {
    fd = openSync(full, "r");
  } catch {
    return undefined;
  }
  try {
    const hash = createHash("sha1");
    for (let read = readSync(fd, scratch, 0, scratch.length, null); read > 0; read = readSync(fd, scratch, 0, scratch.length, null)) hash.update(scratch.subarray(0, read));
    return hash.digest("base64");
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export interface FolderReadOptions {
  cwd?: string;
  /** Folders never walked for articles: the output folder, when it lies inside the content folder. */
  skip?: readonly string[];
  /** Files larger than this many bytes are a problem and are never read. */
  maxFileSize?: number;
  timeZone: string;
  cache?: ArticleCache;
  /** The persistent store of parsed articles: a file whose bytes it knows is not parsed again. */
  store?: ArticleStore;
  /** Progress while files are read and validated (a long build's "reading N of M" line). */
  onProgress?: ReadProgress;
}

/** Reads every article file under `contentDir` (recursively; dot-files and README files skipped), in this thread. */
export function readArticleFolder(contentDir: string, options: FolderReadOptions): FolderReadResult {
  const plan = planRead(contentDir, options);
  if (!("jobs" in plan)) return plan;
  return completeRead(plan, validateJobs(plan.jobs, options.timeZone, options.onProgress), options);
}

/** The same, validating the files the cache cannot answer through `validateMany` (worker threads: see read-parallel.ts). */
export async function readArticleFolderWith(contentDir: string, options: FolderReadOptions, validateMany: ValidateMany): Promise<FolderReadResult> {
  const plan = planRead(contentDir, options);
  if (!("jobs" in plan)) return plan;
  const results = plan.jobs.length > 0 ? await validateMany(plan.jobs, options.timeZone, options.onProgress) : [];
  return completeRead(plan, results, options);
}

import { NewsDigestError } from "./errors.js";
import type { NewsDigestOptions } from "./options.js";
import type { ArticleStore } from "./article/article-store.js";
import { readArticleFolder, readArticleFolderWith, type ArticleCache, type FolderReadOptions, type FolderReadResult, type ReadProgress } from "./article/read-folder.js";
import { validateInParallel } from "./article/read-parallel.js";
import { createDigest, type Digest, type GroupedArticles } from "./digest.js";
import { formatProblems, formatSummary } from "./summary.js";
import type { PhaseTimer } from "./build-stats.js";
import type { DigestMemo } from "./digest-memo.js";

export interface LoadDigestOptions {
  cwd?: string;
  cache?: ArticleCache;
  /** The build cache's parsed articles: files whose bytes it knows are not parsed again. */
  store?: ArticleStore;
  /** Folders never read for articles (the output folder, when it lies inside the content folder). */
  skip?: readonly string[];
  now?: Date;
  /** A watch session's memo of slugs and article objects (see DigestMemo); with `cache` only, whose drafts it is keyed by. */
  memo?: DigestMemo;
  /** Where the summary and report go; the plugin passes its logger. Default: `console.log`. */
  log?: (message: string) => void;
  /** Records "read+validate" and "group+cluster" phases when given. */
  timer?: PhaseTimer;
  /** Called with the published articles and terms before story clusters are built (see createDigest). */
  onGrouped?: (grouped: GroupedArticles) => void;
  /** Reading progress, every thousand files. */
  onProgress?: ReadProgress;
  /** Called with what the folder read gave (its files' content hashes among it), before grouping. */
  onRead?: (folder: FolderReadResult) => void;
}

/**
 * Reads, validates and groups the content folder, prints the summary and report, and applies the
 * mode: in `strict` any invalid file fails the build after the whole report has been printed;
 * in `lenient` invalid files are skipped and counted.
 */
export function loadDigest(options: NewsDigestOptions, run: LoadDigestOptions = {}): Digest {
  const started = performance.now();
  const folder = readArticleFolder(options.contentDir, folderOptions(options, run));
  return digestFromFolder(folder, options, run, started);
}

/** {@link loadDigest}, validating the files across CPU cores (worker threads) when there are many. */
export async function loadDigestInParallel(options: NewsDigestOptions, run: LoadDigestOptions = {}): Promise<Digest> {
  const started = performance.now();
  const folder = await readArticleFolderWith(options.contentDir, folderOptions(options, run), validateInParallel());
  return digestFromFolder(folder, options, run, started);
}

function folderOptions(options: NewsDigestOptions, run: LoadDigestOptions): FolderReadOptions {
  return { timeZone: options.timeZone, maxFileSize: options.maxFileSize, ...(run.cwd ? { cwd: run.cwd } : {}), ...(run.cache ? { cache: run.cache } : {}), ...(run.store ? { store: run.store } : {}), ...(run.skip ? { skip: run.skip } : {}), ...(run.onProgress ? { onProgress: run.onProgress } : {}) };
}

function digestFromFolder(folder: FolderReadResult, options: NewsDigestOptions, run: LoadDigestOptions, started: number): Digest {
  const log = run.log ?? ((message: string) => console.log(message));
  run.timer?.end("read+validate");
  run.onRead?.(folder);
  // Invalid files are the only errors; a strict build that will stop on them tells no one its articles.
  const willFail = options.mode === "strict" && folder.problems.some((p) => p.severity === "error");
  const digest = createDigest(folder, options, run.now, willFail ? undefined : run.onGrouped, run.memo);
  const report = formatProblems(digest);
  const errors = digest.problems.filter((p) => p.severity === "error");
  // The report is printed here, once. Eleventy's CLI prints a failed build's error twice (once
  // for the build, once more as a fatal CLI error), so the error itself only points at the report.
  if (report) log(report);
  log(formatSummary(digest, performance.now() - started, folder.stored));
  if (errors.length > 0 && options.mode === "strict") {
    const files = `${digest.counts.invalid} invalid article file${digest.counts.invalid === 1 ? "" : "s"}`;
    throw new NewsDigestError(`${files} (strict mode), listed above. Fix them, or set mode: "lenient" to build without them.`, { problems: errors });
  }
  return digest;
}

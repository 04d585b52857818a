import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { Problem } from "../errors.js";
import { readArticleText, type ReadResult } from "./read.js";
import { validateArticle, type ArticleDraft } from "./validate.js";

/** File names read as articles. README files are documentation, not articles. */
export function isArticleFileName(name: string): boolean {
  return /\.(md|txt)$/i.test(name) && !/^readme\.(md|txt)$/i.test(name) && !name.startsWith(".");
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  timeZone: string;
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
  /** Files answered from the cache. */
  cached: number;
}

/**
 * Article files under `root`, sorted, plus warnings for entries that look like articles but
 * cannot be read. Symlinks to files are followed (a content folder assembled from links is
 * common); symlinked folders are reported, not walked, since one link to a parent would loop.
 */
function listArticleFiles(root: string, displayPath: (full: string) => string): { files: string[]; problems: Problem[] } {
  const found: string[] = [];
  const problems: Problem[] = [];
  const skipped = (full: string, received: string, hint: string): void => {
    problems.push({ severity: "warning", file: displayPath(full), field: "", expected: "an article file or a folder", received, hint });
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        if (isArticleFileName(entry.name)) found.push(full);
      } else if (entry.isSymbolicLink()) {
        let target: Stats | undefined;
        try {
          target = statSync(full);
        } catch {
          target = undefined;
        }
        if (target?.isDirectory()) skipped(full, "a symbolic link to a folder", "linked folders are not followed, so a link cannot make the walk loop; link the files instead, or move the folder in");
        else if (!isArticleFileName(entry.name)) continue;
        else if (target?.isFile()) found.push(full);
        else skipped(full, target ? "a symbolic link to something that is not a file" : "a symbolic link whose target does not exist", "fix or remove the link");
      }
    }
  };
  walk(root);
  return { files: found.sort(), problems };
}

export function validateFile(file: string, bytes: Uint8Array, timeZone: string): { draft?: ArticleDraft; problems: Problem[] } {
  const read: ReadResult = readArticleText(file, bytes);
  if (!read.ok) return { problems: [read.problem] };
  return validateArticle(read.parsed, { timeZone });
}

/** Reads every article file under `contentDir` (recursively; dot-files and README files skipped). */
export function readArticleFolder(contentDir: string, options: { cwd?: string; timeZone: string; cache?: ArticleCache }): FolderReadResult {
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
    return { files: [], drafts: [], problems: [problem], cached: 0 };
  }
  const displayPath = (full: string): string => path.relative(cwd, full).split(path.sep).join("/");
  const listing = listArticleFiles(root, displayPath);
  const absolute = listing.files;
  const files: string[] = [];
  const drafts: ArticleDraft[] = [];
  const problems: Problem[] = [...listing.problems];
  let cached = 0;
  for (const full of absolute) {
    const file = displayPath(full);
    files.push(file);
    const stat = statSync(full);
    let entry = options.cache?.get(full, stat.mtimeMs, stat.size, options.timeZone);
    if (entry) cached++;
    else {
      const result = validateFile(file, readFileSync(full), options.timeZone);
      entry = { mtimeMs: stat.mtimeMs, size: stat.size, timeZone: options.timeZone, ...result };
      options.cache?.set(full, entry);
    }
    if (entry.draft) drafts.push(entry.draft);
    problems.push(...entry.problems);
  }
  options.cache?.retain(new Set(absolute));
  return { files, drafts, problems, cached };
}

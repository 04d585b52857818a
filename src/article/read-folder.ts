import { readdirSync, readFileSync, statSync } from "node:fs";
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

function listArticleFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isArticleFileName(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found.sort();
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
  const absolute = listArticleFiles(root);
  const files: string[] = [];
  const drafts: ArticleDraft[] = [];
  const problems: Problem[] = [];
  let cached = 0;
  for (const full of absolute) {
    const file = path.relative(cwd, full).split(path.sep).join("/");
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

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { codeFingerprint, dependencyVersions } from "../code-fingerprint.js";
import { readRecordFile, writeRecordFile } from "./record-file.js";
import type { FileResult } from "./read-folder.js";

/**
 * The parsed-article half of the persistent build cache (`cacheDir`): for each content folder,
 * every article file's content hash and what reading it gave (its draft and problems). A build
 * still lists and reads every file, so the hash is of the real bytes, but a file whose hash
 * matches is answered from here and never parsed or validated: at 10,000 articles parsing was
 * about 4 s of a 20 s deploy build, and a deploy build after a day's news changes a few files.
 *
 * A stored result is only good for the code and settings that made it, so the file records them
 * and one made by anything else is ignored, as is one that is truncated or corrupt: the cache can
 * only ever cost a re-parse, never a wrong article or a crashed build.
 */
// Bumped whenever what is stored changes shape.
const STORE_VERSION = 2;
// A file that does not start so is not a store (of any version).
const MAGIC = Buffer.from("NDAS");

/** One file's entry: the hash of its bytes when it was read, and what reading them gave. */
export interface StoredFile {
  hash: string;
  result: FileResult;
}

/**
 * What a stored file must have been made with to be used: compared whole on load. `maxFileSize`
 * is not part of it: a file over the limit is never read, so never stored, and the limit is
 * checked against the file's size before the store is asked.
 */
interface StoreKey {
  version: number;
  /** The article reader's code and the parsers it relies on (see {@link readerFingerprint}). */
  code: string;
  /** Drafts depend on it: a date without an offset is read in it. */
  timeZone: string;
  contentDir: string;
}

/** The hash a file's bytes are stored and looked up by. */
export const contentHash = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("base64");

/** One record of the file: `[file, hash, result]`. */
type StoreRecord = [string, string, FileResult];

const isStoreRecord = (value: unknown): value is StoreRecord => {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [file, hash, result] = value as unknown[];
  return typeof file === "string" && typeof hash === "string" && result !== null && typeof result === "object" && Array.isArray((result as { problems?: unknown }).problems);
};

/**
 * The reader's code: every module of the article folder and the two outside it that problems and
 * text go through, and the versions of the YAML and date libraries and of the time-zone data,
 * whose updates can change what a file parses to.
 */
function readerFingerprint(): string {
  return `${codeFingerprint(["article", "errors", "escape"])} ${dependencyVersions(["js-yaml", "luxon"])} tz@${process.versions.tz ?? "?"}`;
}

export class ArticleStore {
  private code: string | undefined;
  /**
   * The hashes this object last loaded or saved, so a build that changed nothing does not rewrite
   * the file. Only the hashes: the drafts are the digest's to keep or let go.
   */
  private last: { file: string; key: string; hashes: ReadonlyMap<string, string> } | undefined;

  constructor(private readonly dir: string) {}

  /** Read once per store: the reader's code does not change while the process runs. */
  private keyFor(contentRoot: string, timeZone: string): StoreKey {
    return { version: STORE_VERSION, code: (this.code ??= readerFingerprint()), timeZone, contentDir: path.resolve(contentRoot) };
  }

  /** The stored entries for the content folder, by file path as reports name it; empty when there is no usable store. */
  load(contentRoot: string, timeZone: string): ReadonlyMap<string, StoredFile> {
    const key = this.keyFor(contentRoot, timeZone);
    const file = this.fileFor(contentRoot);
    const files = readStore(file, key);
    this.last = { file, key: JSON.stringify(key), hashes: hashesOf(files) };
    return files;
  }

  /**
   * Replaces the stored entries for the content folder with `files` (files that vanished drop
   * out). Written to a temporary file and renamed, so a reader never sees half of one; not written
   * at all when nothing changed since this object last loaded or saved it.
   */
  save(contentRoot: string, timeZone: string, files: ReadonlyMap<string, StoredFile>): void {
    const key = this.keyFor(contentRoot, timeZone);
    const file = this.fileFor(contentRoot);
    const keyText = JSON.stringify(key);
    if (this.last?.file === file && this.last.key === keyText && sameHashes(this.last.hashes, files) && existsSync(file)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeRecordFile(temporary, MAGIC, key, recordsOf(files));
      renameSync(temporary, file);
      // Version 1's file, of node:v8 batches, which nothing reads any more.
      rmSync(file.replace(/\.records$/, ".v8"), { force: true });
    } catch {
      // A cache that cannot be written (a full or read-only disk) costs the next build a re-parse, not this build.
      rmSync(temporary, { force: true });
      return;
    }
    this.last = { file, key: keyText, hashes: hashesOf(files) };
  }

  /** One file per content folder, named by its resolved path, as the output fingerprints are by the output folder's. */
  private fileFor(contentRoot: string): string {
    return path.join(this.dir, `articles-${createHash("sha1").update(path.resolve(contentRoot)).digest("hex").slice(0, 16)}.records`);
  }
}

function* recordsOf(files: ReadonlyMap<string, StoredFile>): Generator<StoreRecord> {
  for (const [file, entry] of files) yield [file, entry.hash, entry.result];
}

const hashesOf = (files: ReadonlyMap<string, StoredFile>): Map<string, string> => new Map([...files].map(([file, entry]) => [file, entry.hash]));

function sameHashes(hashes: ReadonlyMap<string, string>, files: ReadonlyMap<string, StoredFile>): boolean {
  if (hashes.size !== files.size) return false;
  for (const [file, entry] of files) if (hashes.get(file) !== entry.hash) return false;
  return true;
}

/** The entries of a store file made with `key`; anything else (missing, foreign, truncated, corrupt) is an empty store. */
function readStore(file: string, key: StoreKey): ReadonlyMap<string, StoredFile> {
  const files = new Map<string, StoredFile>();
  const sameKey = (header: unknown): boolean => {
    const found = (header ?? {}) as Partial<StoreKey>;
    return found.version === key.version && found.code === key.code && found.timeZone === key.timeZone && found.contentDir === key.contentDir;
  };
  const complete = readRecordFile(file, MAGIC, sameKey, (record) => {
    if (!isStoreRecord(record)) return false;
    files.set(record[0], { hash: record[1], result: record[2] });
    return true;
  });
  return complete ? files : new Map();
}

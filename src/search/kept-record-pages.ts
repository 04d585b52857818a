import { existsSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

/** A folder of record pages and the digest of each page in it, by its path inside the folder. */
export interface RecordPagesFolder {
  dir: string;
  digests: ReadonlyMap<string, string>;
}

/**
 * The record pages of a watch session's last published index, kept for its next one: a one-article
 * rebuild then writes one page and deletes none, where writing the 10,000 pages of a 10,000-article
 * site and removing them after Pagefind read them took about 1 s of the time until search is
 * refreshed. Only an index that was written (or found unchanged) hands its folder back; any other
 * end leaves nothing kept, and the next index starts from an empty folder. The folder is removed when
 * the session closes or the process exits.
 */
export class KeptRecordPages {
  private kept: RecordPagesFolder | undefined;
  private readonly removeOnExit = (): void => this.drop();

  /** The kept folder for the next index, or a new empty one; until `keep`, nothing is kept. */
  take(tempRoot: string): RecordPagesFolder {
    const kept = this.kept;
    this.kept = undefined;
    process.removeListener("exit", this.removeOnExit);
    // A system's temp cleaner may have removed it meanwhile: then every page is written again.
    if (kept && existsSync(kept.dir)) return kept;
    return { dir: mkdtempSync(path.join(tempRoot, "news-digest-search-")), digests: new Map() };
  }

  /** Hands back the folder of an index that completed, with the digest of every page now in it. */
  keep(folder: RecordPagesFolder): void {
    if (this.kept && this.kept.dir !== folder.dir) rmSync(this.kept.dir, { recursive: true, force: true });
    this.kept = folder;
    process.removeListener("exit", this.removeOnExit);
    process.once("exit", this.removeOnExit);
  }

  /** Removes the kept folder, if any. */
  drop(): void {
    const kept = this.kept;
    this.kept = undefined;
    process.removeListener("exit", this.removeOnExit);
    if (kept) rmSync(kept.dir, { recursive: true, force: true });
  }
}

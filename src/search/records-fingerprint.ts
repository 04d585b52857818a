import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { renderRecordPage } from "./record-page.js";
import type { SearchRecord } from "./records.js";

/**
 * What besides the records decides the bundle's bytes: the record pages' renderer (its source
 * text) and the Pagefind executable (its path, size and time, which an upgrade changes). Worked
 * out for each fingerprint (one per build's indexer thread): a stat and a short string.
 */
function indexerIdentity(binary: string): string {
  const stat = statSync(binary, { throwIfNoEntry: false });
  return JSON.stringify([renderRecordPage.toString(), binary, stat?.size, stat?.mtimeMs]);
}

/**
 * The fingerprint of a build's whole search input, taken batch by batch as the indexer's worker
 * receives the records. Pagefind cannot update an index, so the only saving there is is not to
 * build it: records whose fingerprint is the published bundle's leave that bundle in place
 * (index-worker.ts runs no Pagefind for them; digest-build.ts keeps the bundle).
 * Records come in the digest's order (newest first, then by file path), so the same articles give
 * the same fingerprint.
 */
export class RecordsFingerprint {
  private readonly hash;
  count = 0;

  constructor(binary: string) {
    this.hash = createHash("sha256").update(indexerIdentity(binary));
  }

  add(records: readonly SearchRecord[]): void {
    for (const record of records) this.hash.update(JSON.stringify(record)).update("\n");
    this.count += records.length;
  }

  digest(): string {
    return `${this.count}:${this.hash.digest("base64")}`;
  }
}

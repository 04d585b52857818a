import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { renderRecordPage } from "./record-page.js";
import type { SearchRecord } from "./records.js";

let indexer: string | undefined;

/**
 * What besides the records decides the bundle's bytes: the record pages' renderer (its source
 * text) and the Pagefind executable (its path, size and time, which an upgrade changes).
 */
function indexerIdentity(binary: string): string {
  if (indexer === undefined) {
    const stat = statSync(binary, { throwIfNoEntry: false });
    indexer = JSON.stringify([renderRecordPage.toString(), binary, stat?.size, stat?.mtimeMs]);
  }
  return indexer;
}

/**
 * The fingerprint of a build's whole search input, taken batch by batch as the records go to the
 * indexer. Pagefind cannot update an index, so the only saving there is is not to build it: a
 * build whose fingerprint matches the published bundle's keeps that bundle (see digest-build.ts).
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

import type { UnchangedCheck } from "../feeds/index.js";
import { hashOf } from "../fingerprint.js";
import type { OnDisk } from "./output-presence.js";

/**
 * The files whose contents differ from what the check last saw at their path: for the few outputs
 * that are cheaper to render than to fingerprint by their inputs (sitemaps, the OPML list), so an
 * unchanged redeploy leaves them untouched too (their mtime is what a deploy tool compares).
 */
export function* changedContents<T extends { path: string; contents: string }>(files: Iterable<T>, unchanged: UnchangedCheck | undefined): Generator<T> {
  for (const file of files) if (!unchanged?.(file.path, hashOf(file.contents))) yield file;
}

/**
 * Memory of generated files (pages and feeds) by fingerprint, between watch rebuilds and, through
 * the build cache, between deploy builds: a file whose fingerprint matches the last build's and
 * which is still on disk is not written again, so after one article changes only the handful of
 * files that show it are rewritten.
 */
export class FileFingerprints {
  private readonly fingerprints = new Map<string, string>();

  /** A check for one build; it records every fingerprint it is shown. `onDisk` says whether the output folder still holds a file. */
  checkFor(onDisk: OnDisk): UnchangedCheck {
    return (sitePath, fingerprint) => {
      const same = this.fingerprints.get(sitePath) === fingerprint && onDisk(sitePath);
      this.fingerprints.set(sitePath, fingerprint);
      return same;
    };
  }

  /** How many outputs are recorded. */
  get size(): number {
    return this.fingerprints.size;
  }

  /** A fingerprint recorded by hand, for an output made elsewhere (the search bundle: see digest-build.ts). */
  get(sitePath: string): string | undefined {
    return this.fingerprints.get(sitePath);
  }

  set(sitePath: string, fingerprint: string): void {
    this.fingerprints.set(sitePath, fingerprint);
  }

  /** Forgets one output, while it is being replaced: a build that fails then cannot vouch for what is left. */
  delete(sitePath: string): void {
    this.fingerprints.delete(sitePath);
  }

  /** Everything recorded, for the persistent build cache. */
  entries(): ReadonlyMap<string, string> {
    return this.fingerprints;
  }

  /** Starts from fingerprints a previous process recorded (the persistent build cache). */
  restore(fingerprints: ReadonlyMap<string, string>): void {
    for (const [sitePath, fingerprint] of fingerprints) this.fingerprints.set(sitePath, fingerprint);
  }

  /** Forgets everything: after a failed build, recorded fingerprints may belong to files never written. */
  clear(): void {
    this.fingerprints.clear();
  }
}

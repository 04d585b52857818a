import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeFingerprint, dependencyVersions } from "../code-fingerprint.js";

/**
 * The persistent build cache (`cacheDir`, default `.cache/news-digest/`): for each output folder,
 * the fingerprint of every page and feed the last completed deploy build wrote there. A deploy
 * build into a folder that still holds that output then skips rendering feeds whose inputs are
 * unchanged and writing files whose contents are, as watch mode does between rebuilds.
 *
 * The cache trusts that the output folder holds what the last build wrote. It is taken away when a
 * build starts and written back only when the build's pages and feeds are all written, so a failed
 * or interrupted build leaves no fingerprint that might describe a file it did not write. Delete
 * the folder to make the next build write everything.
 *
 * The same folder holds the parsed articles of each content folder (src/article/article-store.ts),
 * which every build with a cache folder uses, watch builds too.
 */
const CACHE_VERSION = 1;

export class BuildCache {
  private code: string | undefined;

  constructor(private readonly dir: string) {}

  /**
   * Pages and feeds are skipped by the fingerprint of what they are rendered from, so a
   * fingerprint is only good for the code that recorded it: this package's renderers and layouts'
   * kit (its feeds and site folders), the escaper and fingerprinter they use, the date library
   * and ICU data the kit formats dates with, and the article reader and its YAML parser (an
   * article's fingerprint is its file's content hash: see article-fingerprint.ts). Read once per build object: the renderers do not
   * change while the process runs.
   */
  private codeFingerprint(): string {
    return (this.code ??= `${codeFingerprint(["feeds", "site", "escape", "fingerprint", "errors", "article"])} ${dependencyVersions(["luxon", "js-yaml"])} icu@${process.versions.icu ?? "?"} tz@${process.versions.tz ?? "?"}`);
  }

  /** The fingerprints recorded for `outputDir`, taken out of the cache (see the class comment); empty when there are none or they were made by other code. */
  take(outputDir: string): Map<string, string> {
    const file = this.fileFor(outputDir);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      return new Map();
    } finally {
      rmSync(file, { force: true });
    }
    const { version, code, fingerprints } = (parsed ?? {}) as { version?: unknown; code?: unknown; fingerprints?: unknown };
    if (version !== CACHE_VERSION || code !== this.codeFingerprint() || typeof fingerprints !== "object" || fingerprints === null) return new Map();
    const found = new Map<string, string>();
    for (const [sitePath, fingerprint] of Object.entries(fingerprints)) if (typeof fingerprint === "string") found.set(sitePath, fingerprint);
    return found;
  }

  /** Records the fingerprints of a completed build; written to a temporary file first, so a reader never sees half of it. */
  put(outputDir: string, fingerprints: ReadonlyMap<string, string>): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.fileFor(outputDir);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, code: this.codeFingerprint(), outputDir: path.resolve(outputDir), fingerprints: Object.fromEntries(fingerprints) }));
    renameSync(temporary, file);
  }

  private fileFor(outputDir: string): string {
    return path.join(this.dir, `output-${createHash("sha1").update(path.resolve(outputDir)).digest("hex").slice(0, 16)}.json`);
  }
}

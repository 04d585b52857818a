import { existsSync, readFileSync, readdirSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveInside } from "../site/write-files.js";

/**
 * The output manifest: every file the digest wrote into an output folder, as site paths
 * (`/articles/x/index.html`). It is kept in the output folder itself, so it always describes the
 * folder it sits in (a deleted `_site` takes its manifest with it, a restored one brings it back).
 */
export const MANIFEST_FILE = ".news-digest-manifest.json";
// Version 2 adds the address book (article page URL → canonical URL key) that redirects come from.
const MANIFEST_VERSION = 2;

export interface Manifest {
  files: Set<string>;
  /** Every article address the build answered at, live pages and redirects: page URL → article key. */
  addresses: Map<string, string>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : []);

/** What an earlier build wrote into `outputDir`; empty when there is no readable manifest (first build, or a folder the digest never wrote). */
export function readManifest(outputDir: string): Manifest {
  const { files, addresses } = readVersionedManifest(outputDir);
  return { files, addresses };
}

/** The manifest, and whether it is in this version's form (an older one is written again whatever it lists). */
function readVersionedManifest(outputDir: string): Manifest & { current: boolean } {
  const empty = (): Manifest & { current: boolean } => ({ files: new Set(), addresses: new Map(), current: false });
  const file = path.join(outputDir, MANIFEST_FILE);
  if (!existsSync(file)) return empty();
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof parsed !== "object" || parsed === null) return empty();
    const { version, files, addresses } = parsed as { version?: unknown; files?: unknown; addresses?: unknown };
    // A version 1 manifest still names the files to clean up; it only has no addresses yet.
    if (version !== 1 && version !== MANIFEST_VERSION) return empty();
    const book = new Map<string, string>();
    if (typeof addresses === "object" && addresses !== null && !Array.isArray(addresses)) {
      for (const [url, key] of Object.entries(addresses)) if (typeof key === "string") book.set(url, key);
    }
    return { files: new Set(strings(files)), addresses: book, current: version === MANIFEST_VERSION };
  } catch {
    // A damaged manifest only means stale files are not found this once; it must not stop a build.
    return empty();
  }
}

/** Records the files and addresses; sorted, so two builds of the same input write the same manifest. */
export function writeManifest(outputDir: string, files: Iterable<string>, addresses: ReadonlyMap<string, string>): void {
  const sorted = [...new Set(files)].sort();
  const book = Object.fromEntries([...addresses].sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(path.join(outputDir, MANIFEST_FILE), `${JSON.stringify({ version: MANIFEST_VERSION, files: sorted, addresses: book }, null, 0)}\n`);
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((entry) => b.has(entry));
const sameMap = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean => a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);

/**
 * An output folder's manifest as one build read it and then wrote it. A build writes it twice (before
 * its first file, and once it knows what is stale), and a watch rebuild or a deploy build that
 * changes a few articles mostly writes what the folder's manifest already says: sorting and
 * serialising 23,000 paths and 10,000 addresses was about 70 ms each time, so an unchanged one is
 * not written again.
 */
export class ManifestFile {
  private says: Manifest & { current: boolean };

  constructor(private readonly outputDir: string) {
    this.says = readVersionedManifest(outputDir);
  }

  /** What the folder's manifest lists now: as read, or as this object last wrote it. */
  lists(): Manifest {
    return { files: this.says.files, addresses: this.says.addresses };
  }

  write(files: ReadonlySet<string>, addresses: ReadonlyMap<string, string>): void {
    const unchanged = this.says.current && sameSet(files, this.says.files) && sameMap(addresses, this.says.addresses) && existsSync(path.join(this.outputDir, MANIFEST_FILE));
    if (unchanged) return;
    writeManifest(this.outputDir, files, addresses);
    this.says = { files: new Set(files), addresses: new Map(addresses), current: true };
  }
}

/**
 * Removes the files an earlier build wrote that this build does not (`previous` minus `current`),
 * except any file another writer (a site template) produced this build, then the folders that
 * removal left empty. Files the digest never wrote are never touched: only manifest entries are
 * candidates, and each resolves inside the output folder or is skipped. Returns how many went.
 */
export function removeStaleFiles(outputDir: string, previous: ReadonlySet<string>, current: ReadonlySet<string>, keep: ReadonlySet<string> = new Set()): number {
  const root = path.resolve(outputDir);
  const emptied = new Set<string>();
  let removed = 0;
  for (const sitePath of previous) {
    if (current.has(sitePath) || keep.has(sitePath)) continue;
    let target: string;
    try {
      target = resolveInside(root, sitePath);
    } catch {
      continue;
    }
    try {
      unlinkSync(target);
      removed++;
      emptied.add(path.dirname(target));
    } catch {
      // Already gone (deleted by hand, or a fresh output folder): nothing to do.
    }
  }
  for (const start of emptied) {
    // Walk up while the folder is empty: removing an archive page can empty `archive/3/` and then `archive/`.
    for (let dir = start; dir !== root && dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
      try {
        if (readdirSync(dir).length > 0) break;
        rmdirSync(dir);
      } catch {
        break;
      }
    }
  }
  return removed;
}

/** Site paths (`/pagefind/x.pf_meta`) of every file under `dir`, which lies at `sitePrefix` in the site. */
export function listSitePaths(dir: string, sitePrefix: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, sitePrefix);
  return found;
}

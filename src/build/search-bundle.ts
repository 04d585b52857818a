import { mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { NewsDigestError } from "../errors.js";
import { listSitePaths } from "./manifest.js";

/** Where Pagefind writes while the site renders: inside the output folder (so files move by rename), hidden from it. */
export const stagingDirOf = (outputDir: string): string => path.join(outputDir, ".news-digest-search");
const bundleDirOf = (outputDir: string): string => path.join(outputDir, "pagefind");

/**
 * Moves a freshly written bundle from its staging folder into `pagefind/`, file by file, and
 * returns the bundle's site paths for the manifest. Staging keeps the previous bundle whole and
 * searchable until the new one is complete (a watch rebuild indexes in the background), and
 * tells exactly which files this build's bundle has, so the stale ones can go.
 */
export function publishSearchBundle(outputDir: string): string[] {
  const staging = stagingDirOf(outputDir);
  const bundle = bundleDirOf(outputDir);
  let existing;
  try {
    existing = statSync(bundle);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isDirectory()) {
    rmSync(staging, { recursive: true, force: true });
    throw new NewsDigestError(`cannot write the search bundle: ${bundle} is a file, not a folder. Remove it, or turn search off with search: false.`);
  }
  const files = listSitePaths(staging, "/");
  const made = new Set<string>();
  for (const file of files) {
    const target = path.join(bundle, file);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    renameSync(path.join(staging, file), target);
  }
  rmSync(staging, { recursive: true, force: true });
  return files.map((file) => `/pagefind${file}`);
}

export const isSearchBundleFile = (sitePath: string): boolean => sitePath.startsWith("/pagefind/");

/** The bundle file the search input's fingerprint is kept under (one entry, among the other outputs' fingerprints). */
export const SEARCH_FINGERPRINT_PATH = "/pagefind/pagefind-entry.json";

/**
 * Whether every file the last build published into `pagefind/` (its manifest's bundle entries) is
 * still there: a bundle missing its entry file, its script or any chunk is built again, never reused.
 */
export function isBundleComplete(outputDir: string, bundleFiles: readonly string[]): boolean {
  if (!bundleFiles.includes(SEARCH_FINGERPRINT_PATH) || !bundleFiles.includes("/pagefind/pagefind.js")) return false;
  // One listing of the folder rather than a check per file: 10,000 articles make 10,000 fragments.
  let present: Set<string>;
  try {
    present = new Set(listSitePaths(bundleDirOf(outputDir), "/pagefind/"));
  } catch {
    // `pagefind` is a file, or unreadable: there is no bundle to keep.
    return false;
  }
  return bundleFiles.every((sitePath) => present.has(sitePath));
}

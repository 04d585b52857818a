import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export interface Fragment {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  content: string;
}

/** Every page Pagefind indexed in a bundle, from its fragment files (gzip of "pagefind_dcd" and the fragment's JSON). */
export function readFragments(bundleDir: string): Fragment[] {
  const dir = path.join(bundleDir, "fragment");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).toString("utf8").replace(/^pagefind_dcd/, "")) as Fragment);
}

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { NewsDigestError } from "../errors.js";
import type { Layouts } from "./kit.js";

export const LAYOUT_NAMES = ["base", "card", "pagination", "article", "list", "terms", "feeds", "search", "not-found"] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];
export const ASSET_NAMES = ["style.css", "search.js", "icon.svg"] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

/** The package's own `layouts/` folder, found from this module whether it runs from `src/` or `dist/src/`. */
export function bundledLayoutsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, "layouts", "base.js"))) return path.join(dir, "layouts");
    dir = path.dirname(dir);
  }
  throw new NewsDigestError(`cannot find the bundled layouts folder next to ${fileURLToPath(import.meta.url)}.`);
}

/** The site's file when it has one of that name, else the bundled one. */
export function resolveLayoutFile(siteLayoutsDir: string, relative: string): string {
  const own = path.join(siteLayoutsDir, relative);
  return existsSync(own) ? own : path.join(bundledLayoutsDir(), relative);
}

export interface LoadedLayouts {
  layouts: Layouts;
  assets: Record<AssetName, string>;
  /** Absolute file each layout and asset came from. */
  sources: Record<string, string>;
  /** A hash of every file in the site's and the bundled layouts folders: pages rendered by other layouts than last build's are rendered again. */
  fingerprint: string;
}

/**
 * Every file under both layouts folders, not only the layouts themselves: a site's layout may
 * import a helper module of its own, and a page must be rendered again when that changes.
 */
function layoutsFingerprint(folders: readonly string[]): string {
  const hash = createHash("sha1");
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const file of filesUnder(folder).sort()) hash.update(path.relative(folder, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("base64");
}

/** Files under `dir`, never entering dot-folders or node_modules (a layouts folder set to the site's root must not list its dependencies). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    // A linked layout is imported through its link, so its target's contents count; linked folders are not entered (a link may loop).
    else if (entry.isFile() || (entry.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isFile() === true)) found.push(full);
  }
  return found;
}

/**
 * A site overrides one layout by putting a file of the same name in its layouts folder; every
 * other name falls back to the bundled file. Layouts call each other through `kit.layouts`, so an
 * overridden `base.js` is used by every page.
 */
export async function loadLayouts(siteLayoutsDir: string): Promise<LoadedLayouts> {
  const sources: Record<string, string> = {};
  const loaded: Record<string, unknown> = {};
  for (const name of LAYOUT_NAMES) {
    const file = resolveLayoutFile(siteLayoutsDir, `${name}.js`);
    sources[name] = file;
    // The modification time in the URL makes a watch-mode rebuild load an edited layout, not the cached module.
    const module = (await import(`${pathToFileURL(file).href}?v=${statSync(file).mtimeMs}`)) as { default?: unknown };
    if (typeof module.default !== "function") {
      throw new NewsDigestError(`layout ${file}: expected a default export that is a function (data, kit) => html\`...\`, received ${typeof module.default}.`);
    }
    loaded[name] = module.default;
  }
  const assets = {} as Record<AssetName, string>;
  for (const name of ASSET_NAMES) {
    const file = resolveLayoutFile(siteLayoutsDir, path.join("assets", name));
    sources[`assets/${name}`] = file;
    assets[name] = readFileSync(file, "utf8");
  }
  return { layouts: loaded as unknown as Layouts, assets, sources, fingerprint: layoutsFingerprint([path.resolve(siteLayoutsDir), bundledLayoutsDir()]) };
}

import path from "node:path";

/**
 * Eleventy's ignore glob for the content folder: articles are data, never templates, so Eleventy
 * must not read them even when they sit inside its input folder.
 */
export function contentIgnoreGlob(contentDir: string, cwd: string = process.cwd()): string {
  return `${path.relative(cwd, contentDir).split(path.sep).join("/") || "."}/**`;
}

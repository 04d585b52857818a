import path from "node:path";

// Everything picomatch (the matcher behind Eleventy's ignores) treats as syntax, the escape included.
const GLOB_SYNTAX = /[\\*?[\](){}!+@|^$,]/g;

/**
 * Eleventy's ignore glob for the content folder: articles are data, never templates, so Eleventy
 * must not read them even when they sit inside its input folder (it would run `---js` front
 * matter). The folder's path is escaped character by character: a folder named `news(1)` or
 * `[drafts]` unescaped would be a pattern that matches nothing, and Eleventy would render the articles.
 */
export function contentIgnoreGlob(contentDir: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, contentDir).split(path.sep).join("/") || ".";
  return `${relative.replace(GLOB_SYNTAX, (c) => `\\${c}`)}/**`;
}

import { existsSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { problem, type Problem } from "../errors.js";
import { MANIFEST_FILE } from "../build/manifest.js";

/** File names read as articles. README files are documentation, not articles. */
export function isArticleFileName(name: string): boolean {
  return /\.(md|txt)$/i.test(name) && !/^readme\.(md|txt)$/i.test(name) && !name.startsWith(".");
}

const isInside = (root: string, target: string): boolean => target === root || target.startsWith(root + path.sep);

/** What a directory entry is, for the warning that says why it was not read (never opened to find out). */
function specialKind(entry: Dirent | Stats): string | undefined {
  if (entry.isFIFO()) return "a named pipe (FIFO)";
  if (entry.isSocket()) return "a socket";
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return "a device";
  return undefined;
}

/**
 * Article files under `root`, sorted, plus a problem for every entry that looks like one but is
 * not read. The boundary of the content folder holds:
 * - a symbolic link is followed only when its target lies inside the content folder (a link to a
 *   system file is never opened, so no line of it can reach the log or the site);
 * - named pipes, sockets and devices are skipped unopened (opening a FIFO blocks the build);
 * - a folder that cannot be listed is an error naming it (lenient mode skips it);
 * - `node_modules`, dot-folders, the folders in `skip` (the output folder, when it lies inside
 *   the content folder) and any folder holding a digest output manifest (an output folder that
 *   `news-digest check` is not told about) are not walked, each with a warning naming it.
 * Symlinked folders are not followed either, so no link can make the walk loop.
 */
export function listArticleFiles(root: string, displayPath: (full: string) => string, skip: readonly string[] = []): { files: string[]; problems: Problem[] } {
  const found: string[] = [];
  const problems: Problem[] = [];
  const realRoot = realpathSync(root);
  const skipped = new Set(skip.map((dir) => path.resolve(dir)));
  const warn = (full: string, received: string, hint: string): void => {
    problems.push(problem({ severity: "warning", file: displayPath(full), expected: "an article file or a folder", received, hint }));
  };
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push(problem({ file: displayPath(dir), expected: "a folder the build can read", received: `an error: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, hint: "fix its permissions, or move it out of the content folder" }));
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name.startsWith(".")) warn(full, "a folder that is never read for articles", `${entry.name === "node_modules" ? "node_modules holds packages" : "dot-folders hold tools' files"}; it was skipped`);
        else if (skipped.has(full) || existsSync(path.join(full, MANIFEST_FILE))) warn(full, "the output folder, inside the content folder", "the site's own output is never read as articles; it was skipped");
        else walk(full);
        continue;
      }
      if (entry.isSymbolicLink()) followLink(full, isArticleFileName(entry.name));
      else if (!isArticleFileName(entry.name)) continue;
      else if (entry.isFile()) found.push(full);
      else if (specialKind(entry)) warn(full, specialKind(entry) as string, "it was skipped without being opened");
    }
  };
  // A link to a folder is reported whatever its name (a site may link a folder in and wonder why it is empty).
  const followLink = (full: string, articleName: boolean): void => {
    let target: string;
    let stats: Stats;
    try {
      target = realpathSync(full);
      stats = statSync(target);
    } catch {
      if (articleName) warn(full, "a symbolic link whose target does not exist", "fix or remove the link");
      return;
    }
    if (!stats.isDirectory() && !articleName) return;
    if (!isInside(realRoot, target)) warn(full, "a symbolic link to a file outside the content folder", "only files inside the content folder are read; copy the file in instead");
    else if (stats.isFile()) found.push(full);
    else if (stats.isDirectory()) warn(full, "a symbolic link to a folder", "linked folders are not followed, so a link cannot make the walk loop; link the files instead, or move the folder in");
    else warn(full, `a symbolic link to ${specialKind(stats) ?? "something that is not a file"}`, "it was skipped without being opened");
  };
  walk(root);
  return { files: found.sort(), problems };
}

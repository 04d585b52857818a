import { createHash } from "node:crypto";
import { existsSync, mkdirSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isArticleFileName } from "../article/read-folder.js";

/**
 * The file a watching build changes when an article file is added, edited, deleted or renamed.
 * Eleventy cannot be left to watch the content folder: it ignores what its ignore list holds
 * (and the articles must be there, so they are never read as templates), and even where it
 * watches, a deleted file only logs "File deleted" and rebuilds nothing. A plugin cannot ask
 * Eleventy to rebuild; a changed watch target does, so the build object watches the content folder
 * itself and changes this file (one per content folder, so two sites never wake each other).
 */
export function contentSignalFile(contentDir: string, tempDir: string = os.tmpdir()): string {
  const id = createHash("sha1").update(path.resolve(contentDir)).digest("hex").slice(0, 12);
  // In the temp folder: Eleventy's watcher ignores what .gitignore lists, which a cache folder usually is.
  return path.join(tempDir, "news-digest-watch", `content-changes-${id}.txt`);
}

/**
 * Watches `contentDir` for any change to an article file and writes what changed to `signalFile`;
 * never keeps the process alive. Files the build never reads as articles are not changes: those
 * in dot-folders and `node_modules`, and those under `ignored` (the output folder, when it lies
 * inside the content folder: its robots.txt would otherwise wake a rebuild that writes it again).
 */
export function watchContentFolder(contentDir: string, signalFile: string, ignored: () => readonly string[] = () => []): FSWatcher {
  mkdirSync(path.dirname(signalFile), { recursive: true });
  if (!existsSync(signalFile)) writeFileSync(signalFile, "");
  const watcher = watch(contentDir, { recursive: true }, (event, name) => {
    if (!name || !isArticleFileName(path.basename(name))) return;
    if (name.split(path.sep).some((segment) => segment.startsWith(".") || segment === "node_modules")) return;
    const full = path.join(contentDir, name);
    if (ignored().some((dir) => full.startsWith(dir + path.sep))) return;
    const what = event === "change" ? "changed" : existsSync(full) ? "added" : "deleted";
    writeFileSync(signalFile, `${new Date().toISOString()} ${what} ${JSON.stringify(name)}\n`);
  });
  // A content folder removed as a whole ends the watch; the next build reports the missing folder.
  watcher.on("error", () => watcher.close());
  watcher.unref();
  return watcher;
}

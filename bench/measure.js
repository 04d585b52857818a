// Shared by the benchmark's child processes: peak memory sampling, output-folder totals and what a rebuild rewrote.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Samples RSS every 50 ms; `stop()` returns the peak in MiB (also checked against the OS's maxRSS). */
export function trackPeakMemory() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const osPeak = process.resourceUsage().maxRSS * 1024;
      return Math.round(Math.max(peak, osPeak) / 1048576);
    },
  };
}

/**
 * Every file under `dir`, depth first; folders for which `skip(name, depth)` is true are not entered.
 * @param {string} dir @param {(name: string, depth: number) => boolean} [skip] @returns {Generator<string>}
 */
function* filesUnder(dir, skip = () => false, depth = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory()) yield full;
    else if (!skip(entry.name, depth)) yield* filesUnder(full, skip, depth + 1);
  }
}

/** @param {string} dir @returns {{ files: number, bytes: number }} */
export function folderTotals(dir) {
  let files = 0;
  let bytes = 0;
  for (const file of filesUnder(dir)) {
    files++;
    bytes += statSync(file).size;
  }
  return { files, bytes };
}

/**
 * The files under `dir` whose text contains `text`, with their modification times (epoch ms):
 * after a watch rebuild, every page and feed that shows the edit. Hidden folders (the search
 * staging folder) and Pagefind's compressed bundle are not read.
 * @param {string} dir @param {string} text @returns {{ path: string, mtimeMs: number }[]}
 */
export function filesContaining(dir, text) {
  const skip = (/** @type {string} */ name, /** @type {number} */ depth) => name.startsWith(".") || (depth === 0 && name === "pagefind");
  return [...filesUnder(dir, skip)].filter((file) => readFileSync(file, "utf8").includes(text)).map((file) => ({ path: path.relative(dir, file), mtimeMs: statSync(file).mtimeMs }));
}

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

/** @param {string} dir @returns {{ files: number, bytes: number }} */
export function folderTotals(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        files++;
        bytes += statSync(full).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/**
 * The files under `dir` whose text contains `text`, with their modification times (epoch ms):
 * after a watch rebuild, every page and feed that shows the edit. Hidden folders (the search
 * staging folder) and Pagefind's compressed bundle are not read.
 * @param {string} dir @param {string} text @returns {{ path: string, mtimeMs: number }[]}
 */
export function filesContaining(dir, text) {
  /** @type {{ path: string, mtimeMs: number }[]} */
  const found = [];
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && !(current === dir && entry.name === "pagefind")) walk(full);
      } else if (readFileSync(full, "utf8").includes(text)) found.push({ path: path.relative(dir, full), mtimeMs: statSync(full).mtimeMs });
    }
  };
  walk(dir);
  return found;
}

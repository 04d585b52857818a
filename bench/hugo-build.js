// The Hugo peer: `hugo` over the site prepare-sites.js made, then Pagefind's CLI over Hugo's
// output (the search the digest builds itself, done the way a Hugo site adds it). Each runs as its
// own process, timed from here; their peak RSS comes from GNU time where it is installed.
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { folderTotals } from "./measure.js";

/** @param {string} name @returns {string | undefined} the executable's path, found as a shell would */
export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder of PATH: try the next.
    }
  }
  return undefined;
}

const GNU_TIME = "/usr/bin/time";

/**
 * @param {string} command @param {string[]} args @param {{ cwd: string, env: NodeJS.ProcessEnv, scratch: string }} where
 * @returns {{ wallMs: number, peakMiB: number | undefined, stdout: string }}
 */
function timed(command, args, { cwd, env, scratch }) {
  const withTime = existsSync(GNU_TIME);
  const rssFile = path.join(scratch, "peak-rss-kib");
  const [file, argv] = withTime ? [GNU_TIME, ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  const stdout = execFileSync(file, argv, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Math.round(performance.now() - started);
  const peakMiB = withTime ? Math.round(Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) / 1024) : undefined;
  return { wallMs, peakMiB, stdout };
}

/**
 * @typedef {{ hugoMs: number, hugoPeakMiB: number | undefined, pagefindMs: number, pagefindPeakMiB: number | undefined, pagesIndexed: number, files: number, bytes: number }} HugoResult
 * @param {{ hugo: string, pagefind: string, site: string, output: string, scratch: string }} options
 * @returns {HugoResult}
 */
export function buildWithHugo({ hugo, pagefind, site, output, scratch }) {
  const env = { ...process.env, TMPDIR: scratch };
  const where = { cwd: site, env, scratch };
  const built = timed(hugo, ["--quiet", "--destination", output, "--cacheDir", path.join(scratch, "hugo-cache")], where);
  const totals = folderTotals(output);
  const indexed = timed(pagefind, ["--site", output], where);
  // Printed by Pagefind as "Indexed N pages": proof that it found the article pages to index.
  const pagesIndexed = Number(/Indexed (\d+) pages?/.exec(indexed.stdout)?.[1] ?? 0);
  return { hugoMs: built.wallMs, hugoPeakMiB: built.peakMiB, pagefindMs: indexed.wallMs, pagefindPeakMiB: indexed.peakMiB, pagesIndexed, files: totals.files, bytes: totals.bytes };
}

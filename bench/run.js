// npm run bench -- --count N [--runs R] [--shape realistic|small] [--skip-floor] [--skip-watch] [--skip-hugo] [--skip-incremental] [--keep] [--seed S]
// Generates N articles and builds them, each build in its own process on a RAM disk where there is
// one: a clean deploy build with the plugin, the plugin in watch mode (clean, then a one-article
// rebuild), a plain Eleventy site (the floor), and Hugo with Pagefind's CLI (a peer outside Node).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, SHAPES } from "./generate.js";
import { buildWithHugo, findOnPath } from "./hugo-build.js";
import { prepareFloorSite, prepareHugoSite } from "./prepare-sites.js";

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name) => argv.includes(name);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : (argv[at + 1] ?? fallback);
};
const count = Number(option("--count", "10000"));
const seed = Number(option("--seed", "42"));
const shape = /** @type {import("./generate.js").Shape} */ (option("--shape", "realistic"));
if (!SHAPES.includes(shape)) throw new Error(`--shape must be one of ${SHAPES.join(", ")}, not ${shape}`);
// This machine's timings vary by up to a third from run to run: with --runs N the deploy build and
// the floor (and Hugo and Pagefind) each run N times, interleaved, and the fastest of each is compared.
const runs = Math.max(1, Number(option("--runs", "1")));
const here = path.dirname(fileURLToPath(import.meta.url));
const scratchRoot = existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
const scratch = mkdtempSync(path.join(scratchRoot, "news-digest-bench-"));
const corpus = path.join(scratch, "content");
const floorSite = path.join(scratch, "floor-site");
const hugoSite = path.join(scratch, "hugo-site");
const hugo = flag("--skip-hugo") ? undefined : findOnPath("hugo");
const buildCache = path.join(scratch, "cache");

/**
 * @typedef {{ wallMs: number, peakMiB: number, phases: { name: string, ms: number, rssMiB: number }[], files: number, bytes: number, rebuildMs?: number, rebuildEditedMs?: number | null, rebuildEditedFiles?: number, rebuildSearchMs?: number, wrote?: string }} BuildResult
 * @param {string} script @param {string[]} args @returns {BuildResult}
 */
function child(script, args) {
  // Every build but the incremental one starts from an empty cache: parsed articles are kept per
  // content folder, and a clean build that found the last run's would not be clean.
  if (!args.includes("incremental")) rmSync(buildCache, { recursive: true, force: true });
  // Temporary files (the search indexer's record pages) go to the same RAM disk as the output.
  // The build cache goes there too, never into the checkout's .cache/.
  const env = { ...process.env, TMPDIR: scratch, NEWS_DIGEST_CACHE: buildCache };
  const out = execFileSync(process.execPath, [path.join(here, script), ...args], { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  const line = out.trim().split("\n").filter((l) => l.startsWith("{")).at(-1);
  if (!line) throw new Error(`${script} printed no result:\n${out}`);
  return JSON.parse(line);
}

const mib = (/** @type {number} */ bytes) => (bytes / 1048576).toFixed(1);
try {
  const generatedAt = performance.now();
  const generated = generateCorpus({ count, dir: corpus, seed, shape });
  console.log(`bench: ${count} articles, ${shape} shape (${mib(generated.bytes)} MiB, ${(generated.bytes / count / 1024).toFixed(1)} KiB each) generated in ${Math.round(performance.now() - generatedAt)} ms on ${scratchRoot}; node ${process.version}, ${os.cpus().length} cores`);
  if (!flag("--skip-floor")) prepareFloorSite(corpus, floorSite);
  if (hugo) {
    prepareHugoSite(corpus, hugoSite);
    console.log(`hugo: ${hugo}, ${/v[\d.]+\S*/.exec(execFileSync(hugo, ["version"], { encoding: "utf8" }))?.[0] ?? "unknown version"}`);
  }
  // The product's own Pagefind binary, so both sides index with the same version.
  const pagefind = hugo ? (await import("../dist/src/search/pagefind-binary.js")).pagefindBinary() : undefined;

  /** @type {BuildResult[]} */
  const fulls = [];
  /** @type {BuildResult[]} */
  const floors = [];
  /** @type {import("./hugo-build.js").HugoResult[]} */
  const hugos = [];
  for (let run = 0; run < runs; run++) {
    fulls.push(child("full-build.js", [corpus, path.join(scratch, "full"), "build"]));
    rmSync(path.join(scratch, "full"), { recursive: true, force: true });
    if (!flag("--skip-floor")) floors.push(child("floor-build.js", [floorSite, path.join(scratch, "floor")]));
    rmSync(path.join(scratch, "floor"), { recursive: true, force: true });
    if (hugo && pagefind) hugos.push(buildWithHugo({ hugo, pagefind, site: hugoSite, output: path.join(scratch, "hugo"), scratch }));
    rmSync(path.join(scratch, "hugo"), { recursive: true, force: true });
  }
  /** @template {object} T @param {T[]} results @param {(result: T) => number} ms */
  const fastestBy = (results, ms) => results.reduce((a, b) => (ms(b) < ms(a) ? b : a));
  const fastest = (/** @type {BuildResult[]} */ results) => fastestBy(results, (r) => r.wallMs);
  const full = fastest(fulls);
  const floor = floors.length ? fastest(floors) : undefined;
  // Hugo's and Pagefind's fastest runs are taken separately: they are two programs, each as noisy.
  const hugoRun = hugos.length ? fastestBy(hugos, (r) => r.hugoMs) : undefined;
  const pagefindRun = hugos.length ? fastestBy(hugos, (r) => r.pagefindMs) : undefined;
  const ofRuns = (/** @type {number[]} */ ms) => (runs > 1 ? ` (fastest of ${ms.join(", ")})` : "");
  const peak = (/** @type {number | undefined} */ mib) => (mib === undefined ? "peak RSS not measured (no /usr/bin/time)" : `peak RSS ${mib} MiB`);
  const watch = flag("--skip-watch") ? undefined : child("full-build.js", [corpus, path.join(scratch, "watch"), "watch"]);
  rmSync(path.join(scratch, "watch"), { recursive: true, force: true });
  // A publisher's next deploy: 10 new articles, the last output and the build cache in place. Last,
  // because it adds the articles to the corpus.
  const incremental = flag("--skip-incremental")
    ? undefined
    : (() => {
        child("full-build.js", [corpus, path.join(scratch, "deployed"), "build"]);
        return child("full-build.js", [corpus, path.join(scratch, "deployed"), "incremental"]);
      })();

  const rows = [
    ["articles", String(count)],
    ...full.phases.map((/** @type {{ name: string, ms: number, rssMiB: number }} */ p) => [`  ${p.name}`, `${p.ms} ms (rss ${p.rssMiB} MiB)`]),
    ["full build, wall", `${full.wallMs} ms${ofRuns(fulls.map((r) => r.wallMs))}`],
    ["full build, peak RSS", `${full.peakMiB} MiB`],
    ["full build, output", `${full.files} files, ${mib(full.bytes)} MiB`],
    ...(watch
      ? [
          ["watch (npm start): clean build", `${watch.wallMs} ms (peak RSS ${watch.peakMiB} MiB)`],
          ["  rebuild after 1 change", `${watch.rebuildMs} ms (${((watch.rebuildMs ?? 0) / watch.wallMs).toFixed(2)}x its clean build, ${((watch.rebuildMs ?? 0) / full.wallMs).toFixed(2)}x the full build)`],
          ["  edit shown everywhere", watch.rebuildEditedMs === null ? "no page shows the edited article" : `${watch.rebuildEditedMs} ms after the change (the last of the ${watch.rebuildEditedFiles} pages and feeds that show the edited headline written)`],
          ["  search index refreshed", `${watch.rebuildSearchMs} ms after the change (in the background)`],
        ]
      : [["watch", "skipped (--skip-watch)"]]),
    ...(incremental
      ? [
          ["incremental deploy (+10 articles)", `${incremental.wallMs} ms (${(incremental.wallMs / full.wallMs).toFixed(2)}x the full build), peak RSS ${incremental.peakMiB} MiB`],
          ["  it wrote", (incremental.wrote ?? "").replace(/^\[news-digest\] wrote /, "")],
          // Its phases, beside the full build's above: reading is where the build cache's parsed articles show.
          ...incremental.phases.map((/** @type {{ name: string, ms: number, rssMiB: number }} */ p) => [`  ${p.name}`, `${p.ms} ms (rss ${p.rssMiB} MiB)`]),
        ]
      : [["incremental deploy", "skipped (--skip-incremental)"]]),
    ...(floor
      ? [
          ["floor (plain Eleventy), wall", `${floor.wallMs} ms${ofRuns(floors.map((r) => r.wallMs))}`],
          ["floor, peak RSS", `${floor.peakMiB} MiB`],
          ["ratio full / floor", `${(full.wallMs / floor.wallMs).toFixed(2)}x`],
        ]
      : [["floor", "skipped (--skip-floor)"]]),
    ...(hugoRun && pagefindRun
      ? [
          ["hugo, wall", `${hugoRun.hugoMs} ms${ofRuns(hugos.map((r) => r.hugoMs))}, ${peak(hugoRun.hugoPeakMiB)}`],
          ["hugo, output", `${hugoRun.files} files, ${mib(hugoRun.bytes)} MiB`],
          ["pagefind over hugo, wall", `${pagefindRun.pagefindMs} ms${ofRuns(hugos.map((r) => r.pagefindMs))}, ${peak(pagefindRun.pagefindPeakMiB)}, ${pagefindRun.pagesIndexed} pages indexed`],
          ["ratio full / hugo", `${(full.wallMs / hugoRun.hugoMs).toFixed(2)}x`],
          ["ratio full / (hugo + pagefind)", `${(full.wallMs / (hugoRun.hugoMs + pagefindRun.pagefindMs)).toFixed(2)}x`],
        ]
      : [["hugo", flag("--skip-hugo") ? "skipped (--skip-hugo)" : "skipped (no hugo on PATH)"]]),
  ];
  const width = Math.max(...rows.map(([label]) => label?.length ?? 0));
  for (const [label, value] of rows) console.log(`${(label ?? "").padEnd(width)}  ${value}`);
  const hugoJson = hugoRun && pagefindRun ? { hugoMs: hugoRun.hugoMs, hugoPeakMiB: hugoRun.hugoPeakMiB ?? null, pagefindMs: pagefindRun.pagefindMs, pagefindPeakMiB: pagefindRun.pagefindPeakMiB ?? null, pagesIndexed: pagefindRun.pagesIndexed, files: hugoRun.files, bytes: hugoRun.bytes } : null;
  console.log(`bench-json ${JSON.stringify({ count, shape, full, watch: watch ?? null, incremental: incremental ?? null, floor: floor ?? null, ratio: floor ? Number((full.wallMs / floor.wallMs).toFixed(2)) : null, hugo: hugoJson })}`);
} finally {
  if (!flag("--keep")) rmSync(scratch, { recursive: true, force: true });
  else console.log(`kept ${scratch}`);
}

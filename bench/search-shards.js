// Why search keeps one Pagefind index (README, Search: one index, not shards): builds the bench
// corpus's search records as one index, as one index per publication year and as one per month,
// and compares them in Chromium, where the newest shard is Pagefind's primary index and the others
// are merged into it with `mergeIndex`. Prints Pagefind's time per index, the bytes the page loads,
// and how each query's results compare with one index's. A measurement, not a test.
//
// npm run build && node bench/search-shards.js [--count 10000] [--seed 42]
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { generateCorpus } from "./generate.js";
import { loadDigest, resolveOptions, searchRecordBatches, sitePathOf, resolveInside } from "../dist/src/index.js";
import { renderRecordPage } from "../dist/src/search/record-page.js";
import { pagefindBinary } from "../dist/src/search/pagefind-binary.js";

/** @typedef {import("../src/search/records.js").SearchRecord} SearchRecord */
/** @typedef {{ count: number, relevance: string[], newest: string[], years: Record<string, number> }} Answer */

const argv = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : (argv[at + 1] ?? fallback);
};
const COUNT = Number(option("--count", "10000"));
const SEED = Number(option("--seed", "42"));
const QUERIES = ["market", "election", "rates", "court ruling", "energy", "bank", "climate"];
/** @type {Record<string, (iso: string) => string>} */
const LAYOUTS = { one: () => "all", year: (iso) => iso.slice(0, 4), month: (iso) => iso.slice(0, 7) };

/** Runs in the page: the newest shard is the primary index, the others are merged into it. */
const LOAD = `async (paths) => {
  const pagefind = await import(paths[0] + "pagefind.js");
  await pagefind.options({ noWorker: true });
  await pagefind.init();
  for (const other of paths.slice(1)) await pagefind.mergeIndex(other);
  window.measured = pagefind;
}`;
const SEARCH = `async (query) => {
  const pagefind = window.measured;
  const urls = (search) => Promise.all(search.results.slice(0, 20).map(async (result) => (await result.data()).url));
  const relevance = await pagefind.search(query);
  const newest = await pagefind.search(query, { sort: { date: "desc" } });
  const years = await pagefind.search(query, { filters: { year: { none: [] } } });
  return { count: relevance.results.length, relevance: await urls(relevance), newest: await urls(newest), years: years.filters.year };
}`;

const root = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir(), "news-digest-shards-"));
try {
  const contentDir = path.join(root, "content");
  generateCorpus({ count: COUNT, dir: contentDir, seed: SEED });
  /** @type {SearchRecord[]} */
  const records = [];
  const digest = loadDigest(resolveOptions({ contentDir, siteUrl: "https://bench.example.org/" }), { log: () => undefined });
  for (const batch of searchRecordBatches(digest, { language: "en", formatDate: (iso) => iso })) records.push(...batch);
  const site = path.join(root, "site");

  /** @type {Map<string, string[]>} */
  const shardPaths = new Map();
  for (const [layout, keyOf] of Object.entries(LAYOUTS)) {
    /** @type {Map<string, SearchRecord[]>} */
    const shards = new Map();
    for (const record of records) {
      const key = keyOf(record.card.datetime);
      const members = shards.get(key);
      if (members) members.push(record);
      else shards.set(key, [record]);
    }
    const times = [];
    for (const [key, members] of shards) {
      const pages = path.join(root, "pages", layout, key);
      for (const record of members) {
        const file = resolveInside(pages, sitePathOf(record.url));
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, renderRecordPage(record));
      }
      const started = performance.now();
      const ran = spawnSync(pagefindBinary(), ["--site", pages, "--output-path", path.join(site, layout, key)], { encoding: "utf8" });
      times.push(Math.round(performance.now() - started));
      if (ran.status !== 0) throw new Error(ran.stderr);
    }
    shardPaths.set(layout, [...shards.keys()].sort().reverse().map((key) => `/${layout}/${key}/`));
    console.log(`${layout}: ${shards.size} index(es) of ${[...shards.values()].map((m) => m.length).join(", ")} records; Pagefind ms ${times.join(", ")}`);
  }
  writeFileSync(path.join(site, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>`);

  let served = 0;
  const server = createServer((request, response) => {
    const file = path.join(site, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    const target = file.endsWith("/") ? path.join(file, "index.html") : file;
    if (!target.startsWith(site) || !existsSync(target) || !statSync(target).isFile()) {
      response.writeHead(404).end();
      return;
    }
    served += statSync(target).size;
    response.writeHead(200, { "content-type": target.endsWith(".js") ? "text/javascript" : target.endsWith(".html") ? "text/html" : "application/octet-stream" });
    createReadStream(target).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  /** @type {Map<string, Map<string, Answer>>} */
  const answers = new Map();
  try {
    for (const [layout, paths] of shardPaths) {
      const page = await browser.newPage();
      await page.goto(base);
      served = 0;
      await page.evaluate(`(${LOAD})(${JSON.stringify(paths)})`);
      const loaded = served;
      /** @type {Map<string, Answer>} */
      const byQuery = new Map();
      for (const query of QUERIES) {
        byQuery.set(query, /** @type {Answer} */ (await page.evaluate(`(${SEARCH})(${JSON.stringify(query)})`)));
        if (query === QUERIES[0]) console.log(`${layout}: Pagefind bytes once loaded ${loaded}; after "${query}" (relevance, newest first, year counts) ${served}`);
      }
      answers.set(layout, byQuery);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const dates = new Map(records.map((record) => [record.url, record.card.datetime]));
  for (const layout of ["year", "month"]) {
    for (const query of QUERIES) {
      const one = answers.get("one")?.get(query);
      const merged = answers.get(layout)?.get(query);
      if (!one || !merged) continue;
      const inDateOrder = merged.newest.every((url, i) => i === 0 || (dates.get(merged.newest[i - 1] ?? "") ?? "") >= (dates.get(url) ?? ""));
      const shared = merged.relevance.filter((url) => one.relevance.includes(url)).length;
      const firstDifferent = one.relevance.findIndex((url, i) => merged.relevance[i] !== url) + 1;
      console.log(`${layout} "${query}": ${merged.count} results (one index ${one.count}); relevance top 20 shares ${shared} of 20, first different at rank ${firstDifferent}; newest-first top 20 in date order: ${inDateOrder}; year counts equal: ${JSON.stringify(one.years) === JSON.stringify(merged.years)}`);
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

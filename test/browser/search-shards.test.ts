// Why search keeps one Pagefind index (README, Search): this measures what sharding the index by
// publication year or month would do, against one index of the same records, in Chromium. It is a
// measurement, not a check, and takes minutes: it runs only with NEWS_DIGEST_MEASURE_SHARDS=1.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { loadDigest, resolveOptions, searchRecordBatches, sitePathOf } from "../../src/index.js";
import { renderRecordPage } from "../../src/search/record-page.js";
import { pagefindBinary } from "../../src/search/pagefind-binary.js";
import type { SearchRecord } from "../../src/search/records.js";
import { resolveInside } from "../../src/site/write-files.js";
import { launchChromium } from "../helpers/browser.js";
import { serveStatic, type ServedResponse } from "../helpers/static-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const QUERIES = ["market", "election", "rates", "court ruling", "energy", "bank", "climate"];
const LAYOUTS = { one: () => "all", year: (iso: string) => iso.slice(0, 4), month: (iso: string) => iso.slice(0, 7) } as const;
type Layout = keyof typeof LAYOUTS;

interface Answer {
  count: number;
  relevance: string[];
  newest: string[];
  years: Record<string, number>;
}

/** Runs in the page: the newest shard is Pagefind's primary index, the others are merged into it. */
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

describe.skipIf(process.env.NEWS_DIGEST_MEASURE_SHARDS !== "1")("one Pagefind index, or shards by year or month merged with mergeIndex (a measurement)", () => {
  it("prints index time, bytes before and after the first query, and how results compare", { timeout: 900_000 }, async () => {
    const root = makeTempDir("search-shards");
    const contentDir = path.join(root, "content");
    generateCorpus({ count: 10_000, dir: contentDir, seed: 42 });
    const records: SearchRecord[] = [];
    for (const batch of searchRecordBatches(loadDigest(resolveOptions({ contentDir, siteUrl: "https://example.org/" })), { language: "en", formatDate: (iso) => iso })) records.push(...batch);
    const site = path.join(root, "site");
    const shardPaths = new Map<Layout, string[]>();
    for (const layout of Object.keys(LAYOUTS) as Layout[]) {
      const shards = new Map<string, SearchRecord[]>();
      for (const record of records) {
        const key = LAYOUTS[layout](record.card.datetime);
        const members = shards.get(key);
        if (members) members.push(record);
        else shards.set(key, [record]);
      }
      const times: number[] = [];
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
      console.log(`[shards] ${layout}: ${shards.size} indexes of ${[...shards.values()].map((m) => m.length).join(", ")} records; Pagefind ms ${times.join(", ")}`);
    }
    writeFileSync(path.join(site, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>`);
    const served: ServedResponse[] = [];
    const server = await serveStatic(site, "/", { onResponse: (response) => served.push(response) });
    const browser = await launchChromium();
    const answers = new Map<Layout, Map<string, Answer>>();
    try {
      for (const [layout, paths] of shardPaths) {
        const page = await browser.newPage();
        await page.goto(server.baseUrl);
        const start = served.length;
        await page.evaluate(`(${LOAD})(${JSON.stringify(paths)})`);
        const before = served.slice(start).reduce((sum, r) => sum + r.bytes, 0);
        const byQuery = new Map<string, Answer>();
        for (const query of QUERIES) {
          byQuery.set(query, (await page.evaluate(`(${SEARCH})(${JSON.stringify(query)})`)) as Answer);
          if (query === QUERIES[0]) console.log(`[shards] ${layout}: Pagefind bytes once loaded ${before}; after searching "${query}" (relevance, newest first, year counts) ${served.slice(start).reduce((sum, r) => sum + r.bytes, 0)}`);
        }
        answers.set(layout, byQuery);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    const dates = new Map(records.map((record) => [record.url, record.card.datetime]));
    const one = answers.get("one");
    for (const layout of ["year", "month"] as const) {
      for (const query of QUERIES) {
        const a = one?.get(query);
        const b = answers.get(layout)?.get(query);
        if (!a || !b) continue;
        const ordered = b.newest.every((url, i) => i === 0 || (dates.get(b.newest[i - 1] ?? "") ?? "") >= (dates.get(url) ?? ""));
        console.log(
          `[shards] ${layout} "${query}": results ${b.count} (one index ${a.count}); relevance top 20 shares ${b.relevance.filter((url) => a.relevance.includes(url)).length} of 20, first different at rank ${a.relevance.findIndex((url, i) => b.relevance[i] !== url) + 1}; "newest first" top 20 in date order: ${ordered}; year counts equal: ${JSON.stringify(a.years) === JSON.stringify(b.years)}`,
        );
      }
    }
  });
});

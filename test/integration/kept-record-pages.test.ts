import { readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSearchIndex, type SearchIndexResult } from "../../src/search/build-index.js";
import { KeptRecordPages } from "../../src/search/kept-record-pages.js";
import type { SearchRecord } from "../../src/search/records.js";
import { readFragments } from "../helpers/pagefind.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const record = (slug: string, title: string): SearchRecord => ({
  url: `/articles/${slug}/`,
  content: `${title}\nAn excerpt of ${title}`,
  language: "en",
  meta: { title, excerpt: `An excerpt of ${title}` },
  filters: { provider: ["wire.example.org"], topic: ["Energy"], year: ["2026"] },
  card: { outlet: "Wire", outletUrl: "/providers/wire-example-org/", date: "2 March 2026", datetime: "2026-03-02T10:00:00.000Z" },
  sort: { date: "2026-03-02T10:00:00.000Z" },
});

/** The record pages in a folder, by site path. */
function pagesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}

async function index(records: SearchRecord[], bundleDir: string, tempRoot: string, kept: KeptRecordPages): Promise<SearchIndexResult> {
  const search = openSearchIndex(tempRoot, kept);
  try {
    search.add(records);
    search.write(bundleDir);
    return await search.finish();
  } finally {
    await search.abandon();
  }
}

const longAgo = new Date("2001-01-01T00:00:00Z");

describe("a watch session's record pages, kept from one index to the next", () => {
  it("writes only changed pages, deletes those of removed records, and indexes exactly the current records", async () => {
    const tempRoot = makeTempDir("kept-pages");
    const output = makeTempDir("kept-pages-out");
    const kept = new KeptRecordPages();
    const first = [record("a", "Alpha story"), record("b", "Bravo story"), record("c", "Charlie story")];
    expect((await index(first, path.join(output, "one"), tempRoot, kept)).pages).toBe(3);
    const [folder] = readdirSync(tempRoot);
    expect(folder).toBeDefined();
    const dir = path.join(tempRoot, folder ?? "");
    expect(pagesIn(dir)).toEqual(["/articles/a/index.html", "/articles/b/index.html", "/articles/c/index.html"]);
    for (const page of pagesIn(dir)) utimesSync(path.join(dir, page), longAgo, longAgo);

    // b edited, c gone, d new.
    const second = [record("a", "Alpha story"), record("b", "Bravo story, edited"), record("d", "Delta story")];
    expect((await index(second, path.join(output, "two"), tempRoot, kept)).pages).toBe(3);
    expect(readdirSync(tempRoot)).toEqual([folder]);
    expect(pagesIn(dir)).toEqual(["/articles/a/index.html", "/articles/b/index.html", "/articles/d/index.html"]);
    const mtime = (page: string): number => statSync(path.join(dir, page)).mtime.getTime();
    expect(mtime("/articles/a/index.html")).toBe(longAgo.getTime());
    expect(mtime("/articles/b/index.html")).not.toBe(longAgo.getTime());
    const searchable = readFragments(path.join(output, "two")).map((f) => [f.url, f.meta.title]).sort();
    expect(searchable).toEqual([
      ["/articles/a/", "Alpha story"],
      ["/articles/b/", "Bravo story, edited"],
      ["/articles/d/", "Delta story"],
    ]);

    kept.drop();
    expect(readdirSync(tempRoot)).toEqual([]);
  }, 60_000);

  it("keeps nothing from an index that was abandoned, so the next one starts from an empty folder", async () => {
    const tempRoot = makeTempDir("kept-pages-abandoned");
    const output = makeTempDir("kept-pages-abandoned-out");
    const kept = new KeptRecordPages();
    await index([record("a", "Alpha story"), record("b", "Bravo story")], path.join(output, "one"), tempRoot, kept);
    const abandoned = openSearchIndex(tempRoot, kept);
    abandoned.add([record("a", "Alpha story, half written")]);
    await abandoned.abandon();
    expect(readdirSync(tempRoot)).toEqual([]);

    expect((await index([record("b", "Bravo story")], path.join(output, "two"), tempRoot, kept)).pages).toBe(1);
    expect(readFragments(path.join(output, "two")).map((f) => f.url)).toEqual(["/articles/b/"]);
    kept.drop();
  }, 60_000);

  it("starts from an empty folder again when the kept one was removed meanwhile (a temp cleaner)", async () => {
    const tempRoot = makeTempDir("kept-pages-removed");
    const output = makeTempDir("kept-pages-removed-out");
    const kept = new KeptRecordPages();
    await index([record("a", "Alpha story"), record("b", "Bravo story")], path.join(output, "one"), tempRoot, kept);
    for (const folder of readdirSync(tempRoot)) rmSync(path.join(tempRoot, folder), { recursive: true });
    expect((await index([record("a", "Alpha story"), record("b", "Bravo story")], path.join(output, "two"), tempRoot, kept)).pages).toBe(2);
    expect(readFragments(path.join(output, "two")).map((f) => f.url).sort()).toEqual(["/articles/a/", "/articles/b/"]);
    kept.drop();
  }, 60_000);
});

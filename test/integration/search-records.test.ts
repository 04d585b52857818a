import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/search/build-index.js";
import { renderRecordPage } from "../../src/search/record-page.js";
import type { SearchRecord } from "../../src/search/records.js";
import { readFragments } from "../helpers/pagefind.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const hostile = `</span><script>alert(1)</script> "quoted" & 'single' a:b, c`;

const records: SearchRecord[] = [
  {
    url: "/articles/2026-03-01-hostile/",
    content: `${hostile}\nSecond line & more`,
    language: "en",
    meta: { title: hostile, excerpt: "An excerpt with <b>tags</b> & ampersands", outlet: "AT&T News", date: "1 March 2026", datetime: "2026-03-01T10:00:00.000Z", image: "https://img.example.com/a.jpg?x=1&y=2" },
    filters: { provider: ["AT&T News"], topic: ["Markets, Rates & More", "Key: value"], year: ["2026"] },
    sort: { date: "2026-03-01T10:00:00.000Z", quality: "000000010", heat: "000000002" },
  },
  {
    url: "/articles/2026-03-02-plain/",
    content: "Plain story",
    language: "en",
    meta: { title: "Plain story", excerpt: "Plain.", outlet: "Wire", date: "2 March 2026", datetime: "2026-03-02T10:00:00.000Z" },
    filters: { provider: ["Wire"], topic: ["Energy"], year: ["2026"] },
    sort: { date: "2026-03-02T10:00:00.000Z", quality: "000000000", heat: "000000001" },
  },
];

describe("record pages", () => {
  it("escape every value for HTML text, so no value can open or close an element", () => {
    const html = renderRecordPage(records[0] as SearchRecord);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("</span><script>");
    expect(html.match(/<span /g)?.length).toBe(6 + 4 + 3);
  });

  it("round-trip through Pagefind: every meta value and filter comes back exactly as the record had it", async () => {
    const outputDir = makeTempDir("search-records");
    const tempRoot = makeTempDir("search-temp");
    const result = await buildSearchIndex({ bundleDir: path.join(outputDir, "pagefind"), records, tempRoot });
    expect(result.pages).toBe(2);
    const fragments = readFragments(path.join(outputDir, "pagefind")).sort((a, b) => a.url.localeCompare(b.url));
    expect(fragments.map((f) => f.url)).toEqual(records.map((r) => r.url));
    for (const [i, fragment] of fragments.entries()) {
      const record = records[i] as SearchRecord;
      expect(fragment.meta).toEqual(record.meta);
      expect(fragment.filters).toEqual(record.filters);
    }
    expect(fragments[0]?.content).toContain(`"quoted" & 'single'`);
    expect(fragments[0]?.content).toBe(`</span><script>alert(1)</script> "quoted" & 'single' a:b, c. Second line & more.`);
    // The record pages Pagefind read are gone.
    expect(readdirSync(tempRoot)).toEqual([]);
  }, 30_000);
});

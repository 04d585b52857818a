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
    meta: { title: hostile, excerpt: "An excerpt with <b>tags</b> & ampersands" },
    filters: { provider: ["att.example.com"], topic: ["Markets, Rates & More", "Key: value"], year: ["2026"] },
    card: { outlet: `AT&T "News" </span>, {x: 1}`, outletUrl: "/providers/att-example-com/", date: "1 March 2026", datetime: "2026-03-01T10:00:00.000Z", image: { url: "https://img.example.com/a.jpg?x=1&y=2", width: 800, height: 450 } },
    sort: { date: "2026-03-01T10:00:00.000Z" },
  },
  {
    url: "/articles/2026-03-02-plain/",
    content: "Plain story",
    language: "en",
    meta: { title: "Plain story", excerpt: "Plain." },
    filters: { provider: ["wire.example.org"], topic: ["Energy"], year: ["2026"] },
    card: { outlet: "Wire", outletUrl: "/providers/wire-example-org/", date: "2 March 2026", datetime: "2026-03-02T10:00:00.000Z" },
    sort: { date: "2026-03-02T10:00:00.000Z" },
  },
];

describe("record pages", () => {
  it("escape every value for HTML text, so no value can open or close an element", () => {
    const html = renderRecordPage(records[0] as SearchRecord);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("</span><script>");
    // Two meta fields, four filter values, the card and one sort key.
    expect(html.match(/<span /g)?.length).toBe(2 + 4 + 1 + 1);
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
      // The card comes back as the one value of its filter, JSON that parses to the record's card.
      const { card, ...filters } = fragment.filters;
      expect(filters).toEqual(record.filters);
      expect(card).toHaveLength(1);
      expect(JSON.parse(card?.[0] ?? "")).toEqual(record.card);
    }
    expect(fragments[0]?.content).toContain(`"quoted" & 'single'`);
    expect(fragments[0]?.content).toBe(`</span><script>alert(1)</script> "quoted" & 'single' a:b, c. Second line & more.`);
    // Nothing of the card is indexed text.
    expect(fragments[0]?.content).not.toContain("AT&T");
    // The record pages Pagefind read are gone.
    expect(readdirSync(tempRoot)).toEqual([]);
  }, 30_000);
});

import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../../src/index.js";
import { searchRecordBatches } from "../../../src/search/records.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

describe("searchRecordBatches", () => {
  const options = resolveOptions({ siteUrl: "https://digest.example.org" });
  const files = Object.fromEntries(
    Array.from({ length: 5 }, (_, i) => [`${i}.md`, articleFile({ title: `Story ${i}`, topics: ["markets", "Markets"], originalUrl: `https://outlet.example.com/${i}`, publishedDateTime: `2026-03-0${i + 1}T10:00:00Z` })]),
  );
  files["draft.md"] = articleFile({ title: "Draft", published: false, originalUrl: "https://outlet.example.com/draft" });
  const digest = digestFromFiles(files, options);

  it("yields every published article once, newest first, in batches of the given size", () => {
    const batches = [...searchRecordBatches(digest, { language: "pt-BR", formatDate: (iso) => iso.slice(0, 10) }, 2)];
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(batches.flat().map((record) => record.url)).toEqual(digest.articles.map((article) => article.pageUrl));
    const newest = batches[0]?.[0];
    expect(newest?.language).toBe("pt");
    expect(newest?.filters).toEqual({ provider: [digest.articles[0]?.provider.domain], topic: ["Markets"], year: ["2026"] });
    // Only the headline and excerpt are metadata: Pagefind searches every metadata field.
    expect(newest?.meta).toEqual({ title: digest.articles[0]?.title, excerpt: digest.articles[0]?.excerpt });
    expect(newest?.card).toMatchObject({ outlet: digest.articles[0]?.provider.name, outletUrl: digest.providers[0]?.url, date: "2026-03-05", datetime: "2026-03-05T10:00:00.000Z" });
    expect(newest?.content).not.toContain(digest.articles[0]?.provider.name);
    // The sort the search page offers, and no other (each key is a list of every page in pf_meta).
    expect(newest?.sort).toEqual({ date: "2026-03-05T10:00:00.000Z" });
  });

  it("keys the provider filter by domain, so two outlets with one name stay two values", () => {
    const daily = (domain: string, n: number) => articleFile({ title: `Daily ${n}`, provider: { name: "Daily News", domain }, originalUrl: `https://${domain}/${n}` });
    const shared = digestFromFiles({ "a.md": daily("a.example.com", 1), "b.md": daily("b.example.com", 2), "a2.md": daily("a.example.com", 3) }, options);
    const records = [...searchRecordBatches(shared, { language: "en", formatDate: (iso) => iso })].flat();
    const titlesByValue = new Map<string, string[]>();
    for (const record of records) {
      expect(record.filters.provider).toHaveLength(1);
      const value = record.filters.provider?.[0] ?? "";
      titlesByValue.set(value, [...(titlesByValue.get(value) ?? []), record.meta.title ?? ""].sort());
    }
    expect(Object.fromEntries(titlesByValue)).toEqual({ "a.example.com": ["Daily 1", "Daily 3"], "b.example.com": ["Daily 2"] });
    expect(records.every((record) => record.card.outlet === "Daily News")).toBe(true);
    // Each record links its own outlet's page, taken from the term, not rebuilt from the name.
    const urlByDomain = new Map(shared.providers.map((provider) => [provider.key, provider.url]));
    for (const record of records) expect(record.card.outletUrl).toBe(urlByDomain.get(record.filters.provider?.[0] ?? ""));
    expect(new Set(records.map((record) => record.card.outletUrl)).size).toBe(2);
  });
});

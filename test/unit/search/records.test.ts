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
    expect(newest?.filters).toEqual({ provider: [digest.articles[0]?.provider.name], topic: ["Markets"], year: ["2026"] });
    expect(newest?.meta.date).toBe("2026-03-05");
    expect(newest?.sort).toEqual({ date: "2026-03-05T10:00:00.000Z", quality: expect.stringMatching(/^\d{9}$/), heat: expect.stringMatching(/^\d{9}$/) });
  });
});

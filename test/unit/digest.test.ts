import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { loadDigest, resolveOptions, formatProblem, NewsDigestError, type Digest, type NewsDigestOptions } from "../../src/index.js";
import { articleFile } from "../helpers/article-file.js";
import { digestFromFiles } from "../helpers/digest.js";
import { makeTempDir } from "../helpers/temp-dir.js";

function folderWith(files: Record<string, string>): string {
  const dir = makeTempDir("digest");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const mixed = {
  "good.md": articleFile({ title: "Good" }),
  "bad-flag.md": articleFile({ title: "Bad flag", published: "false", originalUrl: "https://outlet.example.com/bad" }),
  "bad-yaml.md": "---\ntitle: [oops\n---\n",
  "bad-date.md": articleFile({ title: "Bad date", publishedDateTime: "2026-02-30T10:00:00Z", originalUrl: "https://outlet.example.com/date" }),
};

describe("loadDigest", () => {
  it("in strict mode fails after reporting every bad file", () => {
    const dir = folderWith(mixed);
    const logs: string[] = [];
    let error: unknown;
    try {
      loadDigest(resolveOptions({ contentDir: dir }), { cwd: dir, log: (m) => logs.push(m) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NewsDigestError);
    expect((error as NewsDigestError).message).toMatchInlineSnapshot(`"[news-digest] 3 invalid article files (strict mode), listed above. Fix them, or set mode: "lenient" to build without them."`);
    expect((error as NewsDigestError).problems).toHaveLength(3);
    // The report is printed once, before the error: Eleventy's CLI prints a build's error twice.
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchInlineSnapshot(`
      "[news-digest] 3 of 4 article files are invalid:
        bad-date.md
          publishedDateTime: expected an ISO 8601 date-time such as 2021-04-19T15:31:00Z, received the string "2026-02-30T10:00:00Z". Hint: it is not a real date: you specified 30 (of type number) as a day, which is invalid
        bad-flag.md
          published: expected true or false (a boolean), received the string "false". Hint: write true or false without quotes
        bad-yaml.md
          expected valid YAML front matter, received a YAML syntax error on line 3: unexpected end of the stream within a flow collection. Hint: check quoting and indentation there"
    `);
    expect(logs.at(-1)?.replace(/\d+ ms/, "N ms")).toMatchInlineSnapshot(`"[news-digest] articles: 4 read, 1 published, 0 unpublished, 3 invalid, 0 duplicates, 1 providers, 1 topics, 1 story clusters in N ms"`);
  });

  it("in lenient mode builds the rest, listing and counting what it skipped", () => {
    const dir = folderWith(mixed);
    const logs: string[] = [];
    const digest = loadDigest(resolveOptions({ contentDir: dir, mode: "lenient" }), { cwd: dir, log: (m) => logs.push(m) });
    expect(digest.articles.map((a) => a.title)).toEqual(["Good"]);
    expect(digest.counts.invalid).toBe(3);
    expect(logs.join("\n")).toContain("bad-yaml.md");
  });

  it("names a missing content folder", () => {
    const logs: string[] = [];
    expect(() => loadDigest(resolveOptions({ contentDir: "/nonexistent/articles" }), { log: (m) => logs.push(m) })).toThrow(/1 invalid article file \(strict mode\)/);
    expect(logs.join("\n")).toMatch(/\/nonexistent\/articles\n\s+expected a folder of article files, received nothing \(the folder does not exist\)/);
  });
});

describe("duplicates", () => {
  it("keeps one file per canonical URL by the documented rule and names both files", () => {
    const digest = digestFromFiles({
      "b.md": articleFile({ title: "Second copy", originalUrl: "https://outlet.example.com/same?utm_source=x" }),
      "a.md": articleFile({ title: "First copy", originalUrl: "https://outlet.example.com/same" }),
      "c-draft.md": articleFile({ title: "Draft", published: false, originalUrl: "https://outlet.example.com/other" }),
      "d-live.md": articleFile({ title: "Live", originalUrl: "https://outlet.example.com/other/" }),
    });
    expect(digest.articles.map((a) => a.title).sort()).toEqual(["First copy", "Live"]);
    expect(digest.counts.duplicates).toBe(2);
    expect(digest.problems.map((p) => `${p.file}: ${formatProblem(p)}`)).toMatchInlineSnapshot(`
      [
        "b.md: originalUrl: expected a URL no other article file has, received the same canonical URL as a.md. Hint: kept a.md (its path sorts first); b.md was skipped",
        "c-draft.md: originalUrl: expected a URL no other article file has, received the same canonical URL as d-live.md. Hint: kept d-live.md (it is published); c-draft.md was skipped",
      ]
    `);
  });
});

describe("a held copy of a published article", () => {
  it("does not beat it, though its path sorts first: held files count as unpublished", () => {
    const files = {
      "a-later.md": articleFile({ title: "Later copy", publishedDateTime: "2026-03-05T10:00:00Z", originalUrl: "https://outlet.example.com/same" }),
      "b-live.md": articleFile({ title: "Live copy", publishedDateTime: "2026-03-01T10:00:00Z", originalUrl: "https://outlet.example.com/same/" }),
    };
    const digest = digestFromFiles(files, { futureArticles: "hold" }, new Date("2026-03-02T00:00:00Z"));
    expect(digest.articles.map((a) => a.title)).toEqual(["Live copy"]);
    expect(digest.problems.map((p) => p.hint)).toEqual(["kept b-live.md (it is published); a-later.md was skipped"]);
    // Once its time has come it is an equal again, and the path decides.
    expect(digestFromFiles(files, { futureArticles: "hold" }, new Date("2026-03-06T00:00:00Z")).articles.map((a) => a.title)).toEqual(["Later copy"]);
  });
});

describe("future-dated articles", () => {
  const files = { "now.md": articleFile({ title: "Now", publishedDateTime: "2026-03-01T10:00:00Z" }), "later.md": articleFile({ title: "Later", publishedDateTime: "2026-03-05T10:00:00Z", originalUrl: "https://outlet.example.com/later" }) };
  const now = new Date("2026-03-02T00:00:00Z");
  it("are built by default", () => {
    expect(digestFromFiles(files, {}, now).articles.map((a) => a.title)).toEqual(["Later", "Now"]);
  });
  it("are held back until their time with futureArticles: hold", () => {
    const digest = digestFromFiles(files, { futureArticles: "hold" }, now);
    expect(digest.articles.map((a) => a.title)).toEqual(["Now"]);
    expect(digest.counts.held).toBe(1);
    expect(digestFromFiles(files, { futureArticles: "hold" }, new Date("2026-03-06T00:00:00Z")).articles).toHaveLength(2);
  });
});

describe("public types", () => {
  it("resolveOptions returns complete options and loadDigest a Digest", () => {
    expectTypeOf(resolveOptions).returns.toEqualTypeOf<NewsDigestOptions>();
    expectTypeOf(loadDigest).returns.toEqualTypeOf<Digest>();
    expectTypeOf<Digest["articles"][number]>().not.toHaveProperty("secured");
  });
});

describe("top stories", () => {
  // Four outlets' copies of one story share its coverage score, so before de-duplication they
  // filled the block (issue 4: "a top stories block" of stories, not copies).
  const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet${n}.example.com`, images: [] });
  const copyUrl = (n: number) => `https://outlet${n}.example.com/rates`;
  const files: Record<string, string> = {
    "solo-a.md": articleFile({ title: "Solo A", quality: 50, originalUrl: "https://solo.example.com/a", webUrl: undefined, publishedDateTime: "2026-03-01T09:00:00Z" }),
    "solo-b.md": articleFile({ title: "Solo B", quality: 40, originalUrl: "https://solo.example.com/b", webUrl: undefined, publishedDateTime: "2026-03-01T08:00:00Z" }),
  };
  for (const n of [1, 2, 3, 4]) {
    files[`copy-${n}.md`] = articleFile({
      title: `Rates story ${n}`,
      provider: outlet(n),
      quality: n === 3 ? 90 : 60,
      originalUrl: copyUrl(n),
      webUrl: undefined,
      publishedDateTime: `2026-03-01T1${n}:00:00Z`,
      // The first copy names the others; canonical URLs join them into one cluster.
      related: n === 1 ? [2, 3, 4].map((m) => ({ title: `Rates story ${m}`, provider: outlet(m), webUrl: copyUrl(m), publishedDateTime: "2026-03-01T10:00:00Z" })) : [],
    });
  }

  it("keep only the best-scoring article of each story cluster", () => {
    const digest = digestFromFiles(files, { topStories: 3 });
    expect(digest.clusters.clusterOf.get(digest.articles.find((a) => a.title === "Rates story 1")!.pageUrl)?.outlets).toBe(4);
    expect(digest.topStories.map((a) => a.title)).toEqual(["Rates story 3", "Solo A", "Solo B"]);
  });

  it("show fewer entries than asked when there are fewer stories", () => {
    expect(digestFromFiles(files, { topStories: 5 }).topStories.map((a) => a.title)).toEqual(["Rates story 3", "Solo A", "Solo B"]);
  });
});

describe("loadDigest's onGrouped", () => {
  it("sees the published articles and terms before clusters, and never in a strict build that will fail", () => {
    const dir = folderWith(mixed);
    const seen: string[][] = [];
    const onGrouped = (grouped: { articles: { title: string }[] }) => seen.push(grouped.articles.map((a) => a.title));
    expect(() => loadDigest(resolveOptions({ contentDir: dir, mode: "strict" }), { log: () => undefined, onGrouped })).toThrow(NewsDigestError);
    expect(seen).toEqual([]);
    const digest = loadDigest(resolveOptions({ contentDir: dir, mode: "lenient" }), { log: () => undefined, onGrouped });
    expect(seen).toEqual([["Good"]]);
    expect(digest.articles.map((a) => a.title)).toEqual(["Good"]);
  });
});

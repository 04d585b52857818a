import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildClusters, canonicalUrlKey } from "../../../src/index.js";
import { CoverageIndex } from "../../../src/clusters/coverage-index.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const seedsDir = path.resolve(import.meta.dirname, "../../fixtures/seeds");

describe("canonicalUrlKey", () => {
  it("folds tracking parameters, AMP variants, host case, www and trailing slashes", () => {
    const key = canonicalUrlKey("https://www.example.com/story/1");
    for (const variant of [
      "https://WWW.Example.COM/story/1/",
      "http://example.com/story/1?utm_source=x&utm_medium=y",
      "https://example.com/story/1?fbclid=abc#comments",
      "https://example.com/story/1/amp/",
      "https://example.com/story/1?amp",
      "https://example.com/story/1?amp=1",
      "https://amp.example.com/story/1",
    ]) {
      expect(canonicalUrlKey(variant), variant).toBe(key);
    }
    expect(canonicalUrlKey("https://example.com/story.amp.html")).toBe(canonicalUrlKey("https://example.com/story.html"));
    expect(canonicalUrlKey("https://example.com/story/1?id=2")).not.toBe(key);
    expect(canonicalUrlKey("https://example.com/story?b=2&a=1")).toBe(canonicalUrlKey("https://example.com/story?a=1&b=2"));
  });
});

describe("the two seed articles", () => {
  const files = Object.fromEntries(["000_19079f2184e9e301.txt", "001_bc66dc839f6d2e3e.txt"].map((name) => [name, readFileSync(path.join(seedsDir, name), "utf8")]));
  const digest = digestFromFiles(files);

  it("read correctly: IT Pro published, Reuters unpublished", () => {
    expect(digest.problems).toEqual([]);
    expect(digest.articles.map((a) => [a.provider.name, a.title])).toEqual([["IT Pro", "US banks are using AI to watch customers and employees"]]);
    expect(digest.unpublished.map((a) => a.provider.name)).toEqual(["Reuters"]);
    const itpro = digest.articles[0]!;
    expect(itpro).toMatchObject({ publishedAt: "2021-04-19T15:31:00.000Z", quality: 89, heat: 129, topics: ["IBM AI", "AI"], category: "news", type: "article" });
    expect(itpro.related).toHaveLength(4);
    expect(JSON.stringify(digest)).not.toContain("P+JrlbNwEKaItUXW");
  });

  it("puts both in one story cluster, folding Reuters' wire copies and linking out to the outlets", () => {
    expect(digest.clusters.clusters).toHaveLength(1);
    const itpro = digest.articles[0]!;
    expect(digest.clusters.clusterOf.get(itpro.pageUrl)?.outlets).toBe(4);
    const links = digest.clusters.alsoCoveredBy.get(itpro.pageUrl) ?? [];
    expect(links.map((l) => [l.providerName, l.copies, l.localUrl])).toEqual([
      ["St. Louis Post-Dispatch", 1, undefined],
      ["VentureBeat", 1, undefined],
      ["Reuters", 2, undefined],
    ]);
    expect(links.find((l) => l.providerName === "Reuters")?.externalUrl).toBe(
      "https://www.reuters.com/article/us-usa-banks-facialrecognition-insight/u-s-banks-deploy-ai-to-monitor-customers-workers-amid-tech-backlash-idUSKBN2C611P",
    );
  });
});

describe("coverage links", () => {
  it("point at the local page when the related item is a published article of the site", () => {
    const digest = digestFromFiles({
      "a.md": articleFile({ title: "Ours", originalUrl: "https://a.example.com/x", provider: { name: "A", domain: "a.example.com" }, related: [{ title: "Theirs", publishedDateTime: "2026-03-01T09:00:00Z", webUrl: "https://www.b.example.org/y/?utm_campaign=z", provider: { name: "B", domain: "b.example.org" } }] }),
      "b.md": articleFile({ title: "Theirs", originalUrl: "https://b.example.org/y", provider: { name: "B", domain: "b.example.org" }, publishedDateTime: "2026-03-01T09:00:00Z" }),
      "c.md": articleFile({ title: "Unrelated", originalUrl: "https://c.example.net/z", provider: { name: "C", domain: "c.example.net" } }),
    });
    const ours = digest.articles.find((a) => a.title === "Ours")!;
    const theirs = digest.articles.find((a) => a.title === "Theirs")!;
    expect(digest.clusters.alsoCoveredBy.get(ours.pageUrl)).toEqual([{ title: "Theirs", providerName: "B", providerDomain: "b.example.org", publishedAt: "2026-03-01T09:00:00.000Z", localUrl: theirs.pageUrl, externalUrl: "https://b.example.org/y", copies: 1 }]);
    expect(digest.clusters.alsoCoveredBy.get(theirs.pageUrl)?.map((l) => l.localUrl)).toEqual([ours.pageUrl]);
    expect(digest.clusters.clusters).toHaveLength(2);
  });
});

describe("a story chained through many files", () => {
  it("is one cluster listing every other outlet once, without the article's own outlet", () => {
    // Each file lists the previous one: 400 files, 40 outlets (10 files each), one story.
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      const domain = `o${i % 40}.example.com`;
      files[`f${i}.md`] = articleFile({
        title: `Story ${i}`,
        originalUrl: `https://${domain}/s/${i}`,
        provider: { name: `Outlet ${i % 40}`, domain },
        related: i === 0 ? [] : [{ title: `Story ${i - 1}`, publishedDateTime: "2026-03-01T10:00:00Z", webUrl: `https://o${(i - 1) % 40}.example.com/s/${i - 1}`, provider: { name: `Outlet ${(i - 1) % 40}`, domain: `o${(i - 1) % 40}.example.com` } }],
      });
    }
    const digest = digestFromFiles(files);
    expect(digest.clusters.clusters).toHaveLength(1);
    expect(digest.clusters.clusters[0]).toMatchObject({ size: 400, outlets: 40 });
    for (const article of digest.articles) {
      const links = digest.clusters.alsoCoveredBy.get(article.pageUrl) ?? [];
      expect(links).toHaveLength(39);
      expect(links.some((l) => l.providerDomain === article.provider.domain)).toBe(false);
      expect(links.every((l) => l.copies === 10 && l.localUrl !== undefined)).toBe(true);
    }
  });
});

describe("unpublished and held articles", () => {
  const ours = { name: "A", domain: "a.example.com" };
  const bridged = { name: "B", domain: "b.example.org" };
  const embargoed = { name: "Embargo Times", domain: "embargo.example.net" };
  const related = (title: string, webUrl: string, provider: object) => ({ title, publishedDateTime: "2026-03-01T09:00:00Z", webUrl, provider });
  const files = {
    "ours.md": articleFile({ title: "Ours", originalUrl: "https://a.example.com/x", webUrl: undefined, provider: ours, related: [related("Our words for theirs", "https://embargo.example.net/scoop", embargoed)] }),
    "bridged.md": articleFile({ title: "Bridged", originalUrl: "https://b.example.org/y", webUrl: undefined, provider: bridged }),
    "hidden.md": articleFile({
      title: "Embargoed scoop",
      published: false,
      originalUrl: "https://embargo.example.net/scoop",
      webUrl: undefined,
      provider: embargoed,
      related: [related("Ours", "https://a.example.com/x", ours), related("Bridged", "https://b.example.org/y", bridged), related("Only the draft says so", "https://c.example.com/z", { name: "C", domain: "c.example.com" })],
    }),
    "held.md": articleFile({ title: "Held", publishedDateTime: "2099-01-01T00:00:00Z", originalUrl: "https://held.example.com/h", webUrl: undefined, provider: { name: "Held Wire", domain: "held.example.com" }, related: [related("Ours", "https://a.example.com/x", ours)] }),
  };

  it("take no part in clusters: a published article shows only its own related[] items, and counts only them", () => {
    const digest = digestFromFiles(files, { futureArticles: "hold" });
    expect(digest.articles.map((a) => a.title).sort()).toEqual(["Bridged", "Ours"]);
    const page = digest.articles.find((a) => a.title === "Ours")!.pageUrl;
    expect(digest.clusters.alsoCoveredBy.get(page)).toEqual([{ title: "Our words for theirs", providerName: "Embargo Times", providerDomain: "embargo.example.net", publishedAt: "2026-03-01T09:00:00.000Z", externalUrl: "https://embargo.example.net/scoop", copies: 1 }]);
    expect(digest.clusters.clusterOf.get(page)).toMatchObject({ size: 2, outlets: 2 });
    // The draft's related[] would have joined both published articles into one story.
    expect(digest.clusters.clusters).toHaveLength(2);
    expect(JSON.stringify(digest.clusters.clusters)).not.toContain("Held");
    expect(JSON.stringify([...digest.clusters.alsoCoveredBy])).not.toMatch(/Embargoed scoop|Only the draft|Held/);
  });

  it("are skipped by buildClusters itself, for callers of the core that pass them in", () => {
    const digest = digestFromFiles(files, { futureArticles: "hold" });
    const direct = buildClusters([...digest.articles, ...digest.unpublished]);
    expect(direct.clusters).toEqual(digest.clusters.clusters);
    expect([...direct.alsoCoveredBy]).toEqual([...digest.clusters.alsoCoveredBy]);
  });
});

describe("CoverageIndex.first", () => {
  it("gives the same links and count as the full list, stopping after the limit", () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 30; n++) {
      files[`s${n}.md`] = articleFile({ title: `Take ${n}`, originalUrl: `https://o${n}.example.com/story`, provider: { name: `Outlet ${n}`, domain: `o${n}.example.com` }, publishedDateTime: `2026-03-01T${String(n % 24).padStart(2, "0")}:00:00Z`, related: n > 0 ? [{ title: "Take 0", publishedDateTime: "2026-03-01T00:00:00Z", webUrl: "https://o0.example.com/story", provider: { name: "Outlet 0", domain: "o0.example.com" } }] : [] });
    }
    const digest = digestFromFiles(files);
    for (const article of digest.articles) {
      const all = digest.clusters.alsoCoveredBy.get(article.pageUrl) ?? [];
      expect(all).toHaveLength(29);
      expect(digest.clusters.alsoCoveredBy.first(article.pageUrl, 5)).toEqual({ links: all.slice(0, 5), count: 29 });
    }
  });
});

describe("CoverageIndex.fingerprintOf", () => {
  const link = (domain: string, title: string) => ({ title, providerName: domain, providerDomain: domain, publishedAt: "2026-03-01T10:00:00.000Z", externalUrl: `https://${domain}/s`, copies: 1 });
  const indexOf = (title: string) => {
    const index = new CoverageIndex();
    const story = [link("a.example", "A"), link("b.example", title), link("c.example", "C")];
    index.add("/a/", story, "a.example");
    index.add("/b/", story, "b.example");
    return index;
  };

  it("is equal for equal lists and differs when the story's links, the outlet or the limit differ", () => {
    const index = indexOf("B");
    const same = indexOf("B");
    const retitled = indexOf("B, corrected");
    const of = (i: CoverageIndex, pageUrl: string, limit: number) => i.fingerprintOf(i.first(pageUrl, limit).links);
    expect(of(index, "/a/", 5)).toBe(of(same, "/a/", 5));
    expect(of(index, "/a/", 5)).not.toBe(of(retitled, "/a/", 5));
    expect(of(index, "/a/", 5)).not.toBe(of(index, "/b/", 5));
    expect(of(index, "/a/", 5)).not.toBe(of(index, "/a/", 1));
  });

  it("knows only the lists `first` returned: a copy is serialised by the caller instead", () => {
    const index = indexOf("B");
    expect(index.fingerprintOf([...index.first("/a/", 5).links])).toBeUndefined();
  });

  it("is what firstFingerprint gives without the list, with first's count", () => {
    const index = indexOf("B");
    for (const [pageUrl, limit] of [["/a/", 5], ["/b/", 1]] as const) {
      const { links, count } = index.first(pageUrl, limit);
      expect(index.firstFingerprint(pageUrl, limit)).toEqual({ links: index.fingerprintOf(links), count });
    }
    expect(index.firstFingerprint("/none/", 5)).toEqual({ links: "", count: 0 });
  });
});

describe("the cost of one big story", () => {
  // Generous: doubling a story must not come near quadrupling the work (a per-article copy of the
  // story's outlet list did). Timed in-process, on the digest and page plan only.
  it("grows about linearly from 1,000 to 2,000 outlets", async () => {
    const { planSite } = await import("../../../src/site/pages.js");
    const { feedLinks } = await import("../../../src/feeds/index.js");
    const story = (count: number): Record<string, string> =>
      Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          `o${i}.md`,
          articleFile({ title: `Take ${i}`, originalUrl: `https://o${i}.example.com/s`, provider: { name: `O${i}`, domain: `o${i}.example.com` }, related: [{ title: "Wire", publishedDateTime: "2026-03-01T09:00:00Z", originalUrl: "https://wire.example.com/s", provider: { name: "Wire", domain: "wire.example.com" } }] }),
        ]),
      );
    const time = (count: number): number => {
      const files = story(count);
      const started = performance.now();
      const digest = digestFromFiles(files);
      planSite(digest, 20, feedLinks, "Test");
      return performance.now() - started;
    };
    time(200);
    const small = Math.min(time(1000), time(1000));
    const large = Math.min(time(2000), time(2000));
    expect(large / small).toBeLessThan(3);
  });
});

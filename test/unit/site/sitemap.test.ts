import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { html } from "../../../src/escape.js";
import { createKit, type LayoutKit, type SiteInfo } from "../../../src/site/kit.js";
import { renderSitemaps, sitemapPaths } from "../../../src/site/sitemap.js";

const site: SiteInfo = { title: "T", description: "D", language: "en", timeZone: "UTC", siteUrl: "https://digest.example.org", pathPrefix: "/news/", search: false };
const kitFor = (info: SiteInfo): LayoutKit => createKit(info, { base: (data) => html`${data.title}` });
const parse = (xml: string): Record<string, unknown> => new XMLParser({ isArray: (name) => name === "url" || name === "sitemap" }).parse(xml) as Record<string, unknown>;
const urls = (n: number): string[] => Array.from({ length: n }, (_, i) => `/articles/story-${i + 1}/`);

describe("renderSitemaps", () => {
  it("keeps sitemaps.org's 50,000-URL limit as the default", () => {
    const locs = (xml: string): number => xml.split("<loc>").length - 1;
    const atLimit = renderSitemaps(urls(50_000), kitFor(site));
    expect(atLimit.map((f) => f.path)).toEqual(["/sitemap.xml", "/robots.txt"]);
    expect(locs(atLimit[0]!.contents)).toBe(50_000);
    const past = renderSitemaps(urls(50_001), kitFor(site));
    expect(past.map((f) => f.path)).toEqual(["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/robots.txt"]);
    expect(past.slice(1, 3).map((f) => locs(f.contents))).toEqual([50_000, 1]);
  });

  it("writes one urlset of absolute, prefixed URLs up to the limit, and robots.txt pointing at it", () => {
    const files = renderSitemaps(urls(3), kitFor(site), 3);
    expect(files.map((f) => f.path)).toEqual(["/sitemap.xml", "/robots.txt"]);
    const doc = parse(files[0]!.contents) as { urlset: { url: { loc: string }[] } };
    expect(doc.urlset.url.map((u) => u.loc)).toEqual(["https://digest.example.org/news/articles/story-1/", "https://digest.example.org/news/articles/story-2/", "https://digest.example.org/news/articles/story-3/"]);
    expect(files[1]!.contents).toContain("Sitemap: https://digest.example.org/news/sitemap.xml\n");
  });

  it("past the limit, writes a sitemap index listing parts of at most `limit` URLs, every URL once", () => {
    const files = renderSitemaps(urls(7), kitFor(site), 3);
    expect(files.map((f) => f.path)).toEqual(["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml", "/robots.txt"]);
    const index = parse(files[0]!.contents) as { sitemapindex: { sitemap: { loc: string }[] } };
    expect(index.sitemapindex.sitemap.map((s) => s.loc)).toEqual([1, 2, 3].map((n) => `https://digest.example.org/news/sitemap-${n}.xml`));
    const parts = files.slice(1, 4).map((f) => (parse(f.contents) as { urlset: { url: { loc: string }[] } }).urlset.url.map((u) => u.loc));
    expect(parts.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(parts.flat()).toEqual(urls(7).map((u) => `https://digest.example.org/news${u}`));
  });

  it("writes nothing without a site URL, since sitemaps need absolute URLs", () => {
    expect(renderSitemaps(urls(2), kitFor({ ...site, siteUrl: "" }))).toEqual([]);
  });

  it("plans exactly the files it writes (the output manifest lists them before they are written)", () => {
    for (const count of [2, 3, 7]) {
      expect(sitemapPaths(count, site.siteUrl, 3)).toEqual(renderSitemaps(urls(count), kitFor(site), 3).map((f) => f.path));
    }
    expect(sitemapPaths(2, "", 3)).toEqual([]);
  });
});

import { describe, expect, expectTypeOf, it } from "vitest";
// Through the package's own name, as a tool built on the core imports it (the exports map's `./core`).
import * as core from "eleventy-plugin-news-digest/core";
import type { ArticlePageData, LayoutKit, ListPageData } from "eleventy-plugin-news-digest/core";
import { articleFile, articlePageUrl } from "../helpers/article-file.js";
import { writeFiles } from "../helpers/build-fixture.js";
import { makeTempDir } from "../helpers/temp-dir.js";

describe("the /core entry", () => {
  it("renders a digest's pages, feeds and search records without Eleventy", async () => {
    const contentDir = makeTempDir("core-api");
    writeFiles(contentDir, {
      "a.md": articleFile({ title: "Rates rise", topics: ["Markets"], originalUrl: "https://outlet.example.com/a" }),
      "b.md": articleFile({ title: "Oil falls", topics: ["Energy"], originalUrl: "https://outlet.example.com/b", publishedDateTime: "2026-03-02T10:00:00Z" }),
    });
    const options = core.resolveOptions({ siteUrl: "https://digest.example.org", contentDir });
    const digest = core.loadDigest(options, { log: () => undefined });
    const { layouts } = await core.loadLayouts(core.bundledLayoutsDir());
    const kit = core.createKit(core.siteInfo(options, "/"), layouts);
    const plan = core.planSite(digest, options.pageSize, core.feedLinks, options.siteTitle);

    const pages = [...core.sitePageFiles(plan, kit)];
    const oilFalls = articlePageUrl({ title: "Oil falls", originalUrl: "https://outlet.example.com/b", publishedDateTime: "2026-03-02T10:00:00Z" });
    const ratesRise = articlePageUrl({ title: "Rates rise", originalUrl: "https://outlet.example.com/a" });
    expect(pages.map((p) => p.path)).toContain(`${oilFalls}index.html`);
    expect(pages.find((p) => p.path === "/index.html")?.contents).toContain("Rates rise");

    const site = { siteUrl: options.siteUrl, pathPrefix: "/", title: options.siteTitle, description: options.siteDescription, language: options.language, feedSize: options.feedSize, websubHub: "" };
    const feeds = [...core.renderAllFeeds(digest, site)];
    expect(feeds.find((f) => f.path === "/feed.xml")?.contents).toContain("<title>Oil falls</title>");

    const records = [...core.searchRecordBatches(digest, { language: options.language, formatDate: kit.formatDate })].flat();
    expect(records.map((r) => r.url).sort()).toEqual([ratesRise, oilFalls].sort());
  });

  it("exports the types a layout is written against", () => {
    expectTypeOf<LayoutKit["html"]>().toEqualTypeOf<typeof core.html>();
    expectTypeOf<ArticlePageData["card"]["article"]>().toEqualTypeOf<core.Article>();
    expectTypeOf<ListPageData["kind"]>().toEqualTypeOf<"home" | "provider" | "topic">();
  });
});

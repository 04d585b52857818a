import { describe, expect, it } from "vitest";
import { BuildProgress, BuildReport } from "../../../src/build/build-report.js";

describe("BuildReport", () => {
  it("counts pages, feeds, archives and sitemaps as they pass to the writer, and says it in one line", () => {
    const report = new BuildReport();
    const files = ["/index.html", "/articles/a/index.html", "/feed.xml", "/topics/x/feed.json", "/feeds.opml", "/archive/1/feed.xml", "/topics/x/archive/2/atom.xml", "/sitemap.xml", "/robots.txt"].map((path) => ({ path, contents: "x".repeat(100) }));
    expect([...report.count(files)]).toEqual(files);
    report.wrote({ bytes: 900 });
    report.removed = 3;
    report.searchRecords = 1234;
    expect(report.summary({ unchangedLeft: false, searchPending: false }).replace(/\d+ ms/, "N ms")).toBe(
      "[news-digest] wrote 2 pages, 3 feeds, 2 feed archives, 2 sitemap files, 1,234 search records, 1 KiB; removed 3 stale files, in N ms",
    );
  });

  it("says when search follows in the background and when unchanged files were left", () => {
    const line = new BuildReport().summary({ unchangedLeft: true, searchPending: true });
    expect(line).toMatch(/^\[news-digest\] wrote 0 pages, 0 feeds, 0 feed archives, 0 sitemap files, search index refreshing in the background, 0 KiB \(unchanged files left in place\), in \d+ ms$/);
  });
});

describe("BuildProgress", () => {
  it("prints phases once a build has run long enough, and nothing under --quiet", () => {
    const lines: string[] = [];
    new BuildProgress((m) => lines.push(m), false, 0).phase("writing feeds and sitemaps");
    new BuildProgress((m) => lines.push(m), true, 0).phase("quiet");
    new BuildProgress((m) => lines.push(m), false, 60_000).phase("too early");
    expect(lines).toEqual(["[news-digest] … writing feeds and sitemaps"]);
  });
});

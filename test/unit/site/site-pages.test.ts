import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedLinks } from "../../../src/feeds/index.js";
import { resolveOptions } from "../../../src/index.js";
import { createKit, siteInfo } from "../../../src/site/kit.js";
import { bundledLayoutsDir, loadLayouts } from "../../../src/site/load-layouts.js";
import { FileFingerprints } from "../../../src/site/page-cache.js";
import { planSite } from "../../../src/site/pages.js";
import { sitePageFiles, sitePathOf } from "../../../src/site/site-pages.js";
import { writeOutputFiles } from "../../../src/site/write-files.js";
import { fileExists } from "../../../src/build/feed-writer.js";
import { articleFile, articlePagePath } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";
import { articleFingerprints } from "../../../src/article/article-fingerprint.js";
import { contentHash } from "../../../src/article/article-store.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

const files = (excerpt: string) => ({
  "a.md": articleFile({ title: "One", excerpt, topics: ["Markets"], originalUrl: "https://outlet.example.com/1" }),
  "b.md": articleFile({ title: "Two", topics: ["Energy"], originalUrl: "https://outlet.example.com/2", publishedDateTime: "2026-03-02T10:00:00Z" }),
});

const one = articlePagePath({ title: "One", originalUrl: "https://outlet.example.com/1" });

describe("sitePageFiles", async () => {
  const options = resolveOptions({ siteUrl: "https://digest.example.org" });
  const kit = createKit(siteInfo(options, "/"), (await loadLayouts(bundledLayoutsDir())).layouts);
  const plan = (excerpt: string) => planSite(digestFromFiles(files(excerpt), options), 20, feedLinks, "Test");

  it("maps permalinks to files the way Eleventy does", () => {
    expect(sitePathOf("/topics/markets/")).toBe("/topics/markets/index.html");
    expect(sitePathOf("/404.html")).toBe("/404.html");
  });

  it("renders every article, list and term-index page on a clean build", () => {
    const paths = [...sitePageFiles(plan("First."), kit)].map((file) => file.path);
    expect(paths).toContain(`/${one}`);
    expect(paths).toContain(`/${articlePagePath({ title: "Two", originalUrl: "https://outlet.example.com/2", publishedDateTime: "2026-03-02T10:00:00Z" })}`);
    expect(paths).toContain("/index.html");
    expect(paths).toContain("/topics/markets/index.html");
    expect(paths).toContain("/providers/index.html");
    expect(new Set(paths).size).toBe(paths.length);
  });

  for (const known of [false, true]) {
    it(`on a rebuild, yields only pages whose inputs changed or whose file is gone, and every page when the layouts changed${known ? " (articles fingerprinted from their files' bytes)" : ""}`, () => {
      const outputDir = makeTempDir("pages");
      const fingerprints = new FileFingerprints();
      const build = (excerpt: string, layoutsFingerprint = "layouts v1"): string[] => {
        const written: string[] = [];
        const articleFingerprint = articleFingerprints({ contentHashes: new Map(Object.entries(files(excerpt)).map(([file, text]) => [file, contentHash(Buffer.from(text))])), timeZone: options.timeZone });
        const pages = sitePageFiles(plan(excerpt), kit, { unchanged: fingerprints.checkFor((sitePath) => fileExists(outputDir, sitePath)), layoutsFingerprint, ...(known ? { articleFingerprint } : {}) });
        writeOutputFiles(outputDir, (function* () {
          for (const file of pages) {
            written.push(file.path);
            yield file;
          }
        })());
        return written.sort();
      };
      expect(build("First.").length).toBeGreaterThan(5);
      expect(build("First.")).toEqual([]);
      // The article itself, and the lists that show its excerpt: home and its provider and topic.
      expect(build("Second.")).toEqual([`/${one}`, "/index.html", "/providers/outlet.example.com/index.html", "/topics/markets/index.html"].sort());
      expect(readFileSync(path.join(outputDir, one), "utf8")).toContain("Second.");
      rmSync(path.join(outputDir, one));
      expect(build("Second.")).toEqual([`/${one}`]);
      const all = [...sitePageFiles(plan("Second."), kit)].length;
      expect(build("Second.", "layouts v2")).toHaveLength(all);
    });
  }
});

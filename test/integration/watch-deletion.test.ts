import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachDigestBuild } from "../../plugin/attach.js";
import { createDigestBuild, type DigestBuild } from "../../src/build/digest-build.js";
import { articleFile, articlePagePath } from "../helpers/article-file.js";
import { makeFixtureFolders, type FixtureFolders } from "../helpers/build-fixture.js";
import { readFragments } from "../helpers/pagefind.js";

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("editing, then deleting an article file while Eleventy watches (npm start)", () => {
  let site: FixtureFolders;
  let build: DigestBuild;
  let elev: Eleventy;
  const saved = console.log;
  const read = (sitePath: string): string => readFileSync(path.join(site.outputDir, sitePath), "utf8");

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 3; n++) files[`a${n}.md`] = articleFile({ title: `Story ${n}`, originalUrl: `https://outlet.example.com/s/${n}`, publishedDateTime: `2026-03-0${n}T10:00:00Z` });
    site = makeFixtureFolders("watch-delete", { content: files });
    build = createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir });
    console.log = () => undefined;
    elev = new Eleventy(site.inputDir, site.outputDir, { quietMode: true, configPath: false, runMode: "watch", config: (eleventyConfig) => attachDigestBuild(eleventyConfig, build) });
    // Eleventy's real file watcher: a first build, then a rebuild on each change it sees.
    await elev.init();
    await elev.watch();
    expect(read("index.html")).toContain("Story 2");
    // An edit is seen too: Eleventy itself ignores the content folder (its articles are never templates).
    writeFileSync(path.join(site.contentDir, "a1.md"), articleFile({ title: "Story One", originalUrl: "https://outlet.example.com/s/1", publishedDateTime: "2026-03-01T10:00:00Z" }));
    await waitFor(() => read("index.html").includes("Story One"), "the home page shows the edited headline");
    rmSync(path.join(site.contentDir, "a2.md"));
    await waitFor(() => !read("index.html").includes("Story 2"), "the home page no longer lists the deleted story");
    await waitFor(() => !read("feed.xml").includes("Story 2"), "the feed no longer carries it");
    await build.idle();
    await waitFor(() => readFragments(path.join(site.outputDir, "pagefind")).length === 2, "the search index has two pages");
  }, 60_000);

  afterAll(async () => {
    await elev.stopWatch();
    build.close();
    console.log = saved;
  });

  it("rebuilds without it: home, every feed format and search", () => {
    for (const file of ["index.html", "feed.xml", "atom.xml", "feed.json"]) {
      expect(read(file), file).not.toContain("Story 2");
      expect(read(file), file).toContain("Story 3");
      expect(read(file), file).toContain("Story One");
    }
    expect(readFragments(path.join(site.outputDir, "pagefind")).map((f) => f.meta.title).sort()).toEqual(["Story 3", "Story One"]);
  });

  it("removes its page", () => {
    const page = (n: number) => path.join(site.outputDir, `${articlePagePath({ title: `Story ${n}`, originalUrl: `https://outlet.example.com/s/${n}`, publishedDateTime: `2026-03-0${n}T10:00:00Z` })}`);
    expect(existsSync(page(2))).toBe(false);
    expect(existsSync(page(3))).toBe(true);
  });
});

describe("an output folder inside the content folder, under Eleventy's watcher", () => {
  it("does not wake a rebuild with its own files (robots.txt is an article file name)", async () => {
    const site = makeFixtureFolders("watch-output-inside", { content: { "a.md": articleFile({ title: "Story A" }) } });
    const outputDir = path.join(site.contentDir, "_site");
    const lines: string[] = [];
    const build = createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir, search: false }, (m) => lines.push(m));
    const saved = console.log;
    console.log = () => undefined;
    const elev = new Eleventy(site.inputDir, outputDir, { quietMode: true, configPath: false, runMode: "watch", config: (eleventyConfig) => attachDigestBuild(eleventyConfig, build) });
    try {
      await elev.init();
      await elev.watch();
      // Eleventy's watcher waits 150 ms for writes to settle, then rebuilds: give a loop time to show.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(lines.filter((line) => line.startsWith("[news-digest] wrote "))).toHaveLength(1);
      // A real edit still rebuilds.
      writeFileSync(path.join(site.contentDir, "a.md"), articleFile({ title: "Story A, edited" }));
      await waitFor(() => readFileSync(path.join(outputDir, "index.html"), "utf8").includes("Story A, edited"), "the edit is built");
      // …once: the rebuild's own robots.txt and feeds must not wake another, and another.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(lines.filter((line) => line.startsWith("[news-digest] wrote "))).toHaveLength(2);
    } finally {
      await elev.stopWatch();
      build.close();
      console.log = saved;
    }
  }, 60_000);
});

import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import { attachDigestBuild } from "../../plugin/attach.js";
import { createDigestBuild } from "../../src/build/digest-build.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { articleFile, articlePageUrl } from "../helpers/article-file.js";
import { buildFixture, fixtureBuild, makeFixtureFolders, type FixtureBuild } from "../helpers/build-fixture.js";
import { MANIFEST_FILE } from "../../src/build/manifest.js";
import { rebuildLikeWatcher } from "../helpers/watch-rebuild.js";

const quiet = <T>(run: () => Promise<T>): Promise<T> => {
  const original = console.log;
  console.log = () => undefined;
  return run().finally(() => {
    console.log = original;
  });
};

/** A site in watch mode: one Eleventy instance, rebuilt the way its file watcher does (restart, init, write). */
async function watchSite(files: Record<string, string>): Promise<{ rebuild(): Promise<void>; output: string; content: string }> {
  const { contentDir: content, inputDir, layoutsDir, outputDir: output } = makeFixtureFolders("watch", { content: files });
  // The build object itself, not the plugin, so the test can wait for a rebuild's background search.
  const build = createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: content, layoutsDir, feedSize: 2 });
  const elev = new Eleventy(inputDir, output, {
    quietMode: true,
    configPath: false,
    runMode: "watch",
    config(eleventyConfig: EleventyConfig) {
      attachDigestBuild(eleventyConfig, build);
    },
  });
  await quiet(() => elev.write());
  return {
    output,
    content,
    async rebuild() {
      await quiet(() => rebuildLikeWatcher(elev, build));
    },
  };
}

const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet${n}.example.com` });
const storyFields = (i: number) => ({ title: `Story ${i}`, originalUrl: `https://outlet${i % 2}.example.com/s/${i}`, publishedDateTime: `2026-03-0${i + 1}T10:00:00Z` });
const story0 = articlePageUrl(storyFields(0));
const story1 = articlePageUrl(storyFields(1));

describe("a watch-mode rebuild after one article changes", () => {
  let site: Awaited<ReturnType<typeof watchSite>>;
  const file = (sitePath: string): string => path.join(site.output, sitePath, sitePath.endsWith("/") ? "index.html" : "");
  const longAgo = new Date("2001-01-01T00:00:00Z");

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) {
      files[`a${i}.md`] = articleFile({ ...storyFields(i), provider: outlet(i % 2), topics: [i % 2 ? "Energy" : "Markets"] });
    }
    site = await watchSite(files);
    // Mark every written file as old, so a file the rebuild writes again is told apart by its time.
    for (const sitePath of [story0, story1, "/providers/outlet1.example.com/feed.xml", "/topics/energy/feed.json", "/archive/2/feed.xml", "/pagefind/pagefind-entry.json"]) {
      utimesSync(file(sitePath), longAgo, longAgo);
    }
    const changed = path.join(site.content, "a0.md");
    writeFileSync(changed, readFileSync(changed, "utf8").replace("excerpt: What happened, in two sentences.", "excerpt: A corrected excerpt."));
    await site.rebuild();
  }, 120_000);

  it("rewrites the changed article's page and feeds with the new text", () => {
    expect(readFileSync(file(story0), "utf8")).toContain("A corrected excerpt.");
    expect(statSync(file(story0)).mtime.getTime()).toBeGreaterThan(longAgo.getTime());
    // feedSize 2, six stories: the oldest two are the site's first archive page, not the head feed.
    expect(readFileSync(file("/archive/1/feed.xml"), "utf8")).toContain("A corrected excerpt.");
    expect(readFileSync(file("/providers/outlet0.example.com/feed.xml"), "utf8")).toContain("A corrected excerpt.");
  });

  it("leaves pages and feeds the change does not touch in place", () => {
    expect(statSync(file(story1)).mtime.getTime()).toBe(longAgo.getTime());
    expect(statSync(file("/providers/outlet1.example.com/feed.xml")).mtime.getTime()).toBe(longAgo.getTime());
    expect(statSync(file("/topics/energy/feed.json")).mtime.getTime()).toBe(longAgo.getTime());
    expect(statSync(file("/archive/2/feed.xml")).mtime.getTime()).toBe(longAgo.getTime());
  });

  it("refreshes the search index after the rebuild", () => {
    expect(statSync(file("/pagefind/pagefind-entry.json")).mtime.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it("writes a page, a feed and a sitemap again when their files were deleted, even if they did not change", async () => {
    const untouched = [file(story1), file("/topics/energy/feed.json"), file("/sitemap.xml")];
    const before = untouched.map((sitePath) => readFileSync(sitePath, "utf8"));
    for (const sitePath of untouched) rmSync(sitePath);
    await site.rebuild();
    expect(untouched.map((sitePath) => readFileSync(sitePath, "utf8"))).toEqual(before);
  });

  it("keeps the search index when a rebuild changes no search record", async () => {
    utimesSync(file("/pagefind/pagefind-entry.json"), longAgo, longAgo);
    rmSync(file(story1));
    await site.rebuild();
    expect(statSync(file("/pagefind/pagefind-entry.json")).mtime.getTime()).toBe(longAgo.getTime());
    // An article edit changes its record: the index is built again.
    const changed = path.join(site.content, "a1.md");
    writeFileSync(changed, readFileSync(changed, "utf8").replace("excerpt: What happened, in two sentences.", "excerpt: Another corrected excerpt."));
    await site.rebuild();
    expect(statSync(file("/pagefind/pagefind-entry.json")).mtime.getTime()).toBeGreaterThan(longAgo.getTime());
  });
});

/** Every file of a build's output but the search bundle and the manifest, by site path. */
const builtFiles = (build: FixtureBuild): string[] => build.files().filter((sitePath) => !sitePath.startsWith("/pagefind/") && sitePath !== `/${MANIFEST_FILE}`);

describe("a watch rebuild after a headline edit and a deletion", () => {
  const renamed = "Story Zero, renamed";
  let site: Awaited<ReturnType<typeof watchSite>>;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) {
      // Story 1 lists story 0 as other coverage: story 1's page names story 0 by its headline.
      const related = i === 1 ? [{ title: "Story 0", publishedDateTime: storyFields(0).publishedDateTime, webUrl: storyFields(0).originalUrl, provider: outlet(0) }] : [];
      files[`a${i}.md`] = articleFile({ ...storyFields(i), provider: outlet(i % 2), topics: [i % 2 ? "Energy" : "Markets"], related });
    }
    // A third outlet and topic: deleting one of their articles changes their lists, not story 0's.
    for (const i of [6, 7]) files[`a${i}.md`] = articleFile({ ...storyFields(i), originalUrl: `https://outlet2.example.com/s/${i}`, provider: outlet(2), topics: ["Health"] });
    site = await watchSite(files);
    const changed = path.join(site.content, "a0.md");
    writeFileSync(changed, readFileSync(changed, "utf8").replace("title: Story 0", `title: ${renamed}`));
    rmSync(path.join(site.content, "a7.md"));
    await site.rebuild();
  }, 120_000);

  it("leaves what a clean build of the edited folder writes, byte for byte, and the redirect", async () => {
    const clean = await buildFixture({ name: "watch-clean", contentDir: site.content, options: { feedSize: 2 } });
    const watched = fixtureBuild(site.output, site.output, []);
    const expected = builtFiles(clean);
    expect(builtFiles(watched).filter((sitePath) => !expected.includes(sitePath))).toEqual([`${story0}index.html`]);
    for (const sitePath of expected) expect(watched.read(sitePath), sitePath).toBe(clean.read(sitePath));
  }, 120_000);

  it("leaves the redirect from the old address in place while it stays the same", async () => {
    const redirect = path.join(site.output, `${story0}index.html`);
    const longAgo = new Date("2001-01-01T00:00:00Z");
    utimesSync(redirect, longAgo, longAgo);
    const other = path.join(site.content, "a3.md");
    writeFileSync(other, readFileSync(other, "utf8").replace("excerpt: What happened, in two sentences.", "excerpt: A corrected excerpt."));
    await site.rebuild();
    expect(readFileSync(path.join(site.output, `${articlePageUrl(storyFields(3))}index.html`), "utf8")).toContain("A corrected excerpt.");
    expect(statSync(redirect).mtime.getTime()).toBe(longAgo.getTime());
  });
});

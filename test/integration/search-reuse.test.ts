import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { readManifest } from "../../src/build/manifest.js";
import { articleFile } from "../helpers/article-file.js";
import { fixtureBuild, makeFixtureFolders, writeCapturing, type FixtureBuild, type FixtureFolders } from "../helpers/build-fixture.js";
import { readFragments } from "../helpers/pagefind.js";

/** A real Eleventy deploy build (runMode "build") with the test file's build cache (see setup.ts). */
async function build(site: FixtureFolders, outputDir = site.outputDir): Promise<FixtureBuild> {
  const { logs, error } = await writeCapturing(site.inputDir, outputDir, undefined, (eleventyConfig) => {
    eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir });
  });
  const result = fixtureBuild(site.root, outputDir, logs, error);
  expect(result.error).toBeUndefined();
  return result;
}

const story = (n: number) => articleFile({ title: `Story ${n}`, originalUrl: `https://outlet.example.com/s/${n}`, topics: ["Energy"], publishedDateTime: `2026-03-${String(n).padStart(2, "0")}T10:00:00Z` });
const summary = (b: FixtureBuild): string => b.logs.find((line) => line.startsWith("[news-digest] wrote ")) ?? "";
const longAgo = new Date("2001-01-01T00:00:00Z");

function bundleFiles(outputDir: string): string[] {
  const dir = path.join(outputDir, "pagefind");
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `/pagefind/${path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")}`)
    .sort();
}
const listedBundle = (outputDir: string): string[] => [...readManifest(outputDir).files].filter((f) => f.startsWith("/pagefind/")).sort();
const touched = (outputDir: string): string[] => bundleFiles(outputDir).filter((f) => statSync(path.join(outputDir, f)).mtime.getTime() !== longAgo.getTime());
const ageBundle = (outputDir: string): void => {
  for (const file of bundleFiles(outputDir)) utimesSync(path.join(outputDir, file), longAgo, longAgo);
};
/** What a visitor can find: every indexed record, as Pagefind stored it. */
const searchable = (outputDir: string): string[] => readFragments(path.join(outputDir, "pagefind")).map((f) => JSON.stringify([f.url, f.meta, f.filters, f.content])).sort();

describe("a deploy build keeps the published search bundle when its records are unchanged", () => {
  let site: FixtureFolders;
  let unchanged: FixtureBuild;
  let added: FixtureBuild;
  let addedTouched: string[];
  let clean: FixtureBuild;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 12; n++) files[`a${n}.md`] = story(n);
    site = makeFixtureFolders("search-reuse", { content: files });
    await build(site);
    ageBundle(site.outputDir);
    unchanged = await build(site);
    writeFileSync(path.join(site.contentDir, "a13.md"), story(13));
    added = await build(site);
    addedTouched = touched(site.outputDir);
    clean = await build(site, path.join(site.root, "_clean"));
  }, 180_000);

  it("runs no Pagefind and touches no bundle file when no record changed", () => {
    expect(summary(unchanged)).toContain("search index unchanged (12 records)");
    expect(summary(unchanged)).not.toContain("search records");
    expect(listedBundle(site.outputDir)).toEqual(bundleFiles(site.outputDir));
  });

  it("indexes again once an article is added, and then publishes what a clean build would search", () => {
    expect(summary(added)).toContain("13 search records");
    expect(addedTouched).toContain("/pagefind/pagefind-entry.json");
    expect(searchable(site.outputDir)).toHaveLength(13);
    expect(searchable(site.outputDir)).toEqual(searchable(clean.outputDir));
    // The previous bundle's files that this one lacks are gone, and the manifest lists exactly what is there.
    expect(listedBundle(site.outputDir)).toEqual(bundleFiles(site.outputDir));
    expect(bundleFiles(site.outputDir).map((f) => path.basename(f)).sort()).toEqual(bundleFiles(clean.outputDir).map((f) => path.basename(f)).sort());
  });

  it("indexes again when a file of the published bundle is missing", async () => {
    const fragments = bundleFiles(site.outputDir).filter((f) => f.startsWith("/pagefind/fragment/"));
    rmSync(path.join(site.outputDir, fragments[0] ?? "missing"));
    const again = await build(site);
    expect(summary(again)).toContain("13 search records");
    expect(searchable(site.outputDir)).toEqual(searchable(clean.outputDir));
    expect(listedBundle(site.outputDir)).toEqual(bundleFiles(site.outputDir));
    // ...and keeps it the next time.
    expect(summary(await build(site))).toContain("search index unchanged (13 records)");
  });

  it("indexes again without the build cache", async () => {
    const cache = process.env.NEWS_DIGEST_CACHE;
    if (!cache) throw new Error("setup.ts sets NEWS_DIGEST_CACHE");
    rmSync(cache, { recursive: true, force: true });
    expect(summary(await build(site))).toContain("13 search records");
  });
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { MANIFEST_FILE } from "../../src/build/manifest.js";
import { articleFile } from "../helpers/article-file.js";
import { fixtureBuild, makeFixtureFolders, writeCapturing, type FixtureBuild, type FixtureFolders } from "../helpers/build-fixture.js";

/**
 * A real Eleventy deploy build of `site` into `outputDir`, with the test file's build cache (see
 * setup.ts) unless `cache` is false, which builds as a machine without one does.
 */
async function build(site: FixtureFolders, options: { mode: "strict" | "lenient"; outputDir?: string; cache?: boolean }): Promise<FixtureBuild> {
  const outputDir = options.outputDir ?? site.outputDir;
  const saved = process.env.NEWS_DIGEST_CACHE;
  // "" turns the cache off, and the variable wins over the option.
  if (options.cache === false) process.env.NEWS_DIGEST_CACHE = "";
  try {
    const { logs, error } = await writeCapturing(site.inputDir, outputDir, undefined, (eleventyConfig) => {
      eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", feedSize: 3, mode: options.mode, contentDir: site.contentDir, layoutsDir: site.layoutsDir });
    });
    return fixtureBuild(site.root, outputDir, logs, error);
  } finally {
    process.env.NEWS_DIGEST_CACHE = saved;
  }
}

const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet${n}.example.com`, images: [] });
const story = (n: number, fields: Record<string, unknown> = {}) =>
  articleFile({ title: `Story ${n}`, originalUrl: `https://outlet${n % 3}.example.com/s/${n}`, provider: outlet(n % 3), topics: [n % 2 ? "Energy" : "Markets"], publishedDateTime: `2026-03-${String(n).padStart(2, "0")}T10:00:00Z`, ...fields });

const summary = (b: FixtureBuild): string => b.logs.find((line) => line.startsWith("[news-digest] articles: ")) ?? "";
/** How many files the build parsed: those read and not answered from the build cache. */
function parsed(b: FixtureBuild): number {
  const line = summary(b);
  const read = Number(/articles: (\d+) read/.exec(line)?.[1] ?? Number.NaN);
  const fromCache = /(\d+) of (\d+) files from the build cache/.exec(line);
  if (fromCache) expect(Number(fromCache[2])).toBe(read);
  return read - Number(fromCache?.[1] ?? 0);
}
const report = (b: FixtureBuild): string => b.logs.join("\n");
// The invalid file's problem as the report prints it: its file, then its field's line.
const BAD_FILE = /content\/bad\.md\n\s+title: expected a non-empty string, received nothing \(the field is missing\)/;

describe("deploy builds with the build cache's parsed articles", () => {
  let site: FixtureFolders;
  let first: FixtureBuild;
  let second: FixtureBuild;
  let clean: FixtureBuild;
  let strict: FixtureBuild;
  let strictEdited: FixtureBuild;
  let afterFailure: FixtureBuild;

  beforeAll(async () => {
    const files: Record<string, string> = { "bad.md": articleFile({ title: undefined, originalUrl: "https://outlet1.example.com/s/bad" }) };
    for (let n = 1; n <= 12; n++) files[`a${n}.md`] = story(n);
    site = makeFixtureFolders("article-cache", { content: files });
    first = await build(site, { mode: "lenient" });
    writeFileSync(path.join(site.contentDir, "a5.md"), story(5, { excerpt: "A corrected excerpt." }));
    second = await build(site, { mode: "lenient" });
    clean = await build(site, { mode: "lenient", outputDir: path.join(site.root, "_clean"), cache: false });
    strict = await build(site, { mode: "strict", outputDir: path.join(site.root, "_strict") });
    // A build that fails on an invalid file must still keep what it parsed for the next one.
    writeFileSync(path.join(site.contentDir, "a6.md"), story(6, { excerpt: "Edited before a failing build." }));
    strictEdited = await build(site, { mode: "strict", outputDir: path.join(site.root, "_strict") });
    afterFailure = await build(site, { mode: "lenient", outputDir: path.join(site.root, "_after") });
  }, 120_000);

  it("parses every file on the first build and only the edited one on the next", () => {
    expect(first.error).toBeUndefined();
    expect(second.error).toBeUndefined();
    expect(parsed(first)).toBe(13);
    expect(summary(first)).not.toContain("from the build cache");
    expect(parsed(second)).toBe(1);
    expect(summary(second)).toContain("12 of 13 files from the build cache");
    expect(parsed(clean)).toBe(13);
  });

  it("writes exactly what a clean build without the cache writes, byte for byte (search bundle aside)", () => {
    expect(clean.error).toBeUndefined();
    const ours = (b: FixtureBuild) => b.files().filter((f) => !f.startsWith("/pagefind/")).sort();
    expect(ours(second)).toEqual(ours(clean));
    for (const file of ours(clean)) expect(second.read(file), file).toBe(clean.read(file));
    expect(ours(clean)).toContain(`/${MANIFEST_FILE}`);
    expect(second.read(second.articleUrl("/articles/2026-03-05-story-5/"))).toContain("A corrected excerpt.");
  });

  it("still reports an invalid file answered from the cache: a lenient build lists it, a strict one fails on it", () => {
    expect(report(first)).toMatch(BAD_FILE);
    expect(report(second)).toMatch(BAD_FILE);
    expect(summary(second)).toMatch(/ 1 invalid,/);
    expect(strict.error?.message).toContain("1 invalid article file (strict mode)");
    expect(parsed(strict)).toBe(0);
    expect(report(strict)).toMatch(BAD_FILE);
  });

  it("keeps what a failed build parsed: the next build parses nothing", () => {
    expect(strictEdited.error?.message).toContain("1 invalid article file (strict mode)");
    expect(parsed(strictEdited)).toBe(1);
    expect(afterFailure.error).toBeUndefined();
    expect(parsed(afterFailure)).toBe(0);
    expect(afterFailure.read(afterFailure.articleUrl("/articles/2026-03-06-story-6/"))).toContain("Edited before a failing build.");
  });
});

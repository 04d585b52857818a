import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { generateCorpus } from "../../bench/generate.js";
import { MANIFEST_FILE, readManifest } from "../../src/build/manifest.js";
import { articleFile } from "../helpers/article-file.js";
import { fixtureBuild, makeFixtureFolders, writeCapturing, type FixtureBuild, type FixtureFolders } from "../helpers/build-fixture.js";

/** A real Eleventy deploy build (runMode "build") of `site` into `outputDir`, with the test file's build cache (see setup.ts). */
async function build(site: FixtureFolders, outputDir = site.outputDir, options: Record<string, unknown> = {}): Promise<FixtureBuild> {
  const { logs, error } = await writeCapturing(site.inputDir, outputDir, undefined, (eleventyConfig) => {
    eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", feedSize: 3, contentDir: site.contentDir, layoutsDir: site.layoutsDir, ...options });
  });
  return fixtureBuild(site.root, outputDir, logs, error);
}

const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet${n}.example.com`, images: [] });
const story = (n: number, fields: Record<string, unknown> = {}) =>
  articleFile({ title: `Story ${n}`, originalUrl: `https://outlet${n % 3}.example.com/s/${n}`, provider: outlet(n % 3), topics: [n % 2 ? "Energy" : "Markets"], publishedDateTime: `2026-03-${String(n).padStart(2, "0")}T10:00:00Z`, ...fields });

const wrote = (b: FixtureBuild): string => b.logs.find((line) => line.startsWith("[news-digest] wrote ")) ?? "";
const count = (line: string, kind: string): number => Number(new RegExp(`(\\d+) ${kind}`).exec(line)?.[1] ?? Number.NaN);
const longAgo = new Date("2001-01-01T00:00:00Z");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

describe("a deploy build into the last build's output, with the build cache", () => {
  let site: FixtureFolders;
  let first: FixtureBuild;
  let incremental: FixtureBuild;
  let clean: FixtureBuild;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 20; n++) files[`a${n}.md`] = story(n);
    site = makeFixtureFolders("incremental", { content: files });
    first = await build(site);
    expect(first.error).toBeUndefined();
    // Every file written so far is marked old, so a rewritten one is told apart by its time.
    for (const file of listFiles(site.outputDir)) utimesSync(path.join(site.outputDir, file), longAgo, longAgo);
    writeFileSync(path.join(site.contentDir, "a21.md"), story(21));
    writeFileSync(path.join(site.contentDir, "a5.md"), story(5, { excerpt: "A corrected excerpt." }));
    incremental = await build(site);
    clean = await build(site, path.join(site.root, "_clean"));
  }, 120_000);

  it("writes only what changed: the new and edited articles' pages, the lists and feeds that show them", () => {
    expect(incremental.error).toBeUndefined();
    const pagesThen = count(wrote(first), "pages");
    const pagesNow = count(wrote(incremental), "pages");
    expect(pagesNow).toBeGreaterThan(0);
    expect(pagesNow).toBeLessThan(pagesThen / 2);
    expect(count(wrote(incremental), "feeds") + count(wrote(incremental), "feed archives")).toBeLessThan(count(wrote(first), "feeds") + count(wrote(first), "feed archives"));
    const mtime = (sitePath: string) => statSync(path.join(site.outputDir, sitePath)).mtime.getTime();
    const untouched = incremental.articleUrl("/articles/2026-03-02-story-2/");
    expect(mtime(`${untouched}index.html`)).toBe(longAgo.getTime());
    expect(mtime(`${incremental.articleUrl("/articles/2026-03-05-story-5/")}index.html`)).toBeGreaterThan(longAgo.getTime());
    expect(incremental.read(incremental.articleUrl("/articles/2026-03-21-story-21/"))).toContain("Story 21");
    // Outlet 1 has neither story 5 nor 21 (both outlet 2's); its oldest archive holds stories 1, 4 and 7.
    expect(mtime("/providers/outlet1.example.com/archive/1/feed.xml")).toBe(longAgo.getTime());
  });

  it("leaves exactly the files, byte for byte, of a clean build of the same articles (search bundle aside)", () => {
    const ours = (b: FixtureBuild) => b.files().filter((f) => !f.startsWith("/pagefind/") && f !== `/${MANIFEST_FILE}`).sort();
    expect(ours(incremental)).toEqual(ours(clean));
    for (const file of ours(clean)) expect(incremental.read(file), file).toBe(clean.read(file));
    expect(incremental.read(`/${MANIFEST_FILE}`)).toBe(clean.read(`/${MANIFEST_FILE}`));
  });

  it("rewrites no file when nothing changed, sitemaps and the OPML list included (a deploy tool compares their times)", async () => {
    const same = makeFixtureFolders("incremental-same", { content: { "a.md": story(1), "b.md": story(2) } });
    expect((await build(same)).error).toBeUndefined();
    for (const file of listFiles(same.outputDir)) utimesSync(path.join(same.outputDir, file), longAgo, longAgo);
    const again = await build(same);
    expect(again.error).toBeUndefined();
    // The files the core writes, as the manifest lists them: the plugin's templates and assets are Eleventy's to write, and it writes them every build.
    const eleventyWrites = (sitePath: string) => sitePath.startsWith("/assets/") || ["/404.html", "/feeds/index.html", "/search/index.html"].includes(sitePath);
    const ours = [...readManifest(same.outputDir).files].filter((sitePath) => !eleventyWrites(sitePath));
    for (const sitePath of ["/sitemap.xml", "/robots.txt", "/feeds.opml", "/feed.xml", "/index.html"]) expect(ours).toContain(sitePath);
    expect(ours.filter((sitePath) => statSync(path.join(same.outputDir, sitePath)).mtime.getTime() !== longAgo.getTime())).toEqual([]);
    // The manifest too: it would list the same files and addresses.
    expect(statSync(path.join(same.outputDir, MANIFEST_FILE)).mtime.getTime()).toBe(longAgo.getTime());
    expect(wrote(again)).toMatch(/wrote 0 pages, 0 feeds, 0 feed archives/);
  }, 60_000);

  it("writes a page again when its file is gone, even with the cache in place", async () => {
    const fresh = makeFixtureFolders("incremental-fresh", { content: { "a.md": story(1), "b.md": story(2) } });
    expect((await build(fresh)).error).toBeUndefined();
    rmSync(path.join(fresh.outputDir, "articles"), { recursive: true });
    const again = await build(fresh);
    expect(again.error).toBeUndefined();
    expect(count(wrote(again), "pages")).toBe(2);
    expect(again.read(again.articleUrl("/articles/2026-03-01-story-1/"))).toContain("Story 1");
  }, 60_000);
});

describe("coverage that changes while the article listing it does not", () => {
  // Another outlet's article on the same story is renamed: the unchanged article's page, card and
  // feed items list that outlet, so their fingerprints must follow its story's coverage.
  it("rewrites what lists the other outlet, and leaves the files of a clean build", async () => {
    const renamed = { ...outlet(2), name: "Outlet Two Renamed" };
    const other = (provider: ReturnType<typeof outlet>) => articleFile({ title: "Dockers go back to work", originalUrl: "https://outlet2.example.com/dock", provider, topics: ["Markets"], publishedDateTime: "2026-03-01T11:00:00Z" });
    const site = makeFixtureFolders("incremental-coverage", {
      content: {
        "a.md": articleFile({ title: "Port strike ends", originalUrl: "https://outlet1.example.com/port", provider: outlet(1), topics: ["Energy"], publishedDateTime: "2026-03-01T10:00:00Z", related: [{ title: "Dockers go back to work", publishedDateTime: "2026-03-01T11:00:00Z", originalUrl: "https://outlet2.example.com/dock", provider: outlet(2) }] }),
        "b.md": other(outlet(2)),
        "c.md": story(3),
      },
    });
    const before = await build(site);
    expect(before.error).toBeUndefined();
    const page = before.articleUrl("/articles/2026-03-01-port-strike-ends/");
    expect(before.read(page)).toContain("Outlet 2");
    writeFileSync(path.join(site.contentDir, "b.md"), other(renamed));
    const incremental = await build(site);
    const clean = await build(site, path.join(site.root, "_clean"));
    expect(incremental.error).toBeUndefined();
    expect(incremental.read(page)).toContain("Outlet Two Renamed");
    expect(incremental.read("/providers/outlet1.example.com/feed.xml")).toContain("Outlet Two Renamed");
    const ours = (b: FixtureBuild) => b.files().filter((f) => !f.startsWith("/pagefind/") && f !== `/${MANIFEST_FILE}`).sort();
    expect(ours(incremental)).toEqual(ours(clean));
    for (const file of ours(clean)) expect(incremental.read(file), file).toBe(clean.read(file));
  }, 60_000);
});

describe("the same at 1,200 seed-shaped articles, where feeds are written by their own thread", () => {
  it("leaves the files of a clean build, byte for byte, after new, edited and deleted articles", async () => {
    const site = makeFixtureFolders("incremental-large");
    generateCorpus({ count: 1200, dir: site.contentDir, seed: 11, shape: "realistic" });
    const options = { search: false, feedSize: 20 };
    expect((await build(site, site.outputDir, options)).error).toBeUndefined();
    const names = readdirSync(site.contentDir).filter((name) => name.endsWith(".md")).sort();
    const edited = path.join(site.contentDir, names[0] as string);
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/^title: .*$/m, 'title: "A corrected headline"'));
    rmSync(path.join(site.contentDir, names[1] as string));
    writeFileSync(path.join(site.contentDir, "zz-new.md"), story(99, { publishedDateTime: "2030-01-01T10:00:00Z" }));
    const incremental = await build(site, site.outputDir, options);
    const clean = await build(site, path.join(site.root, "_clean"), options);
    expect(incremental.error).toBeUndefined();
    expect(count(wrote(incremental), "pages")).toBeLessThan(count(wrote(clean), "pages") / 4);
    const ours = (b: FixtureBuild) => b.files().filter((f) => f !== `/${MANIFEST_FILE}`).sort();
    // The edited headline moved its article: only the deploy build knows the old address, and leaves a redirect there.
    const [incrementalFiles, cleanFiles] = [ours(incremental), ours(clean)];
    const cleanSet = new Set(cleanFiles);
    const extra = incrementalFiles.filter((file) => !cleanSet.has(file));
    expect(extra).toHaveLength(1);
    expect(incremental.read(extra[0] as string)).toMatch(/http-equiv="refresh" content="0; url=\/articles\/[^"]*a-corrected-headline/);
    expect(incrementalFiles.filter((file) => file !== extra[0])).toEqual(cleanFiles);
    for (const file of cleanFiles) expect(incremental.read(file), file).toBe(clean.read(file));
  }, 240_000);
});

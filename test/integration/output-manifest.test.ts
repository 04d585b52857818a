import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { MANIFEST_FILE } from "../../src/build/manifest.js";
import { articleFile } from "../helpers/article-file.js";
import { fixtureBuild, makeFixtureFolders, writeCapturing, writeFiles, type FixtureBuild, type FixtureFolders } from "../helpers/build-fixture.js";
import { errorMessages } from "../helpers/build-site.js";

/** One real Eleventy build of `site` into `outputDir` (default: the site's own), as often as a test likes. */
async function build(site: FixtureFolders, options: Record<string, unknown> = {}, outputDir = site.outputDir): Promise<FixtureBuild> {
  const { logs, error } = await writeCapturing(site.inputDir, outputDir, undefined, (eleventyConfig) => {
    eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", feedSize: 2, ...options, contentDir: site.contentDir, layoutsDir: site.layoutsDir });
  });
  return fixtureBuild(site.root, outputDir, logs, error);
}

const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet${n}.example.com` });
const story = (n: number, fields: Record<string, unknown> = {}) =>
  articleFile({ title: `Story ${n}`, originalUrl: `https://outlet${n % 2}.example.com/s/${n}`, provider: outlet(n % 2), topics: ["Markets"], publishedDateTime: `2026-03-0${n}T10:00:00Z`, ...fields });

describe("a site template at one of the digest's file addresses", () => {
  for (const [name, permalink] of [["robots.njk", "/robots.txt"], ["feed.njk", "/feed.xml"]] as const) {
    it(`(${permalink}) fails the build naming itself, and leaves the digest's file as it was`, async () => {
      const site = makeFixtureFolders("conflict-file", { content: { "a.md": story(1), "b.md": story(2) } });
      expect((await build(site, { search: false })).error).toBeUndefined();
      const before = readFileSync(path.join(site.outputDir, permalink), "utf8");
      writeFiles(site.inputDir, { [name]: `---\npermalink: ${permalink}\neleventyExcludeFromCollections: true\n---\nthe site's own\n` });
      const second = await build(site, { search: false });
      expect(errorMessages(second.error)).toContain(`${name} writes ${permalink}, which is a file of the news digest: give it another permalink.`);
      expect(readFileSync(path.join(site.outputDir, permalink), "utf8")).toBe(before);
    });
  }
});

describe("a build into a folder an earlier build wrote", () => {
  let site: FixtureFolders;
  let rebuilt: FixtureBuild;
  let clean: FixtureBuild;
  let story3Address: string;
  let story5Address: string;
  let firstFiles: string[];

  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 5; n++) files[`a${n}.md`] = story(n);
    files["a5.md"] = story(5, { topics: ["Markets", "Solar"] });
    site = makeFixtureFolders("stale", { content: files });
    // One item a feed document: five articles make four archives, four make three.
    const first = await build(site, { feedSize: 1 });
    expect(first.error).toBeUndefined();
    firstFiles = first.files();
    story3Address = first.articleUrl("/articles/2026-03-03-story-3/");
    story5Address = first.articleUrl("/articles/2026-03-05-story-5/");
    // Files the digest never wrote: a custom domain and the site's own stylesheet.
    writeFiles(site.outputDir, { CNAME: "news.example.org\n", "assets/site.css": "body{}\n" });
    rmSync(path.join(site.contentDir, "a5.md"));
    writeFileSync(path.join(site.contentDir, "a3.md"), story(3, { title: "Story three, retitled" }));
    rebuilt = await build(site, { feedSize: 1 });
    clean = await build(site, { feedSize: 1 }, path.join(site.root, "_clean"));
  }, 120_000);

  it("removes the deleted article's page, the vanished topic and the archive no longer needed, and leaves a redirect at the retitled article's old address", () => {
    expect(rebuilt.error).toBeUndefined();
    for (const gone of [story5Address, "/topics/solar/", "/topics/solar/feed.xml", "/archive/4/feed.xml"]) {
      expect(firstFiles, `the first build wrote ${gone}`).toContain(gone.endsWith("/") ? `${gone}index.html` : gone);
      expect(rebuilt.exists(gone), gone).toBe(false);
    }
    const retitled = rebuilt.articleUrl("/articles/2026-03-03-story-three-retitled/");
    const redirect = rebuilt.read(story3Address);
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=${retitled}">`);
    expect(redirect).toContain(`<link rel="canonical" href="https://digest.example.org${retitled}">`);
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(existsSync(path.join(site.outputDir, "topics/solar"))).toBe(false);
  });

  it("never touches a file the digest did not write", () => {
    expect(rebuilt.read("/CNAME")).toBe("news.example.org\n");
    expect(rebuilt.read("/assets/site.css")).toBe("body{}\n");
  });

  it("leaves the same files with the same bytes as a clean build of the same articles (search bundle and redirects aside)", () => {
    // A clean build cannot know an address the article had before, so only the redirect differs.
    const redirectFile = `${story3Address}index.html`;
    expect(rebuilt.files()).toContain(redirectFile);
    const ours = (b: FixtureBuild) => b.files().filter((f) => f !== "/CNAME" && f !== "/assets/site.css" && !f.startsWith("/pagefind/") && f !== `/${MANIFEST_FILE}` && f !== redirectFile).sort();
    expect(ours(rebuilt)).toEqual(ours(clean));
    for (const file of ours(clean)) expect(rebuilt.read(file), file).toBe(clean.read(file));
  });

  it("lists exactly the files on disk in its manifest, the search bundle's included, so no old bundle file is left", () => {
    const manifest = JSON.parse(rebuilt.read(`/${MANIFEST_FILE}`)) as { files: string[] };
    const onDisk = rebuilt.files().filter((f) => f !== "/CNAME" && f !== "/assets/site.css" && f !== `/${MANIFEST_FILE}`);
    expect(manifest.files).toEqual([...onDisk].sort());
    expect(manifest.files.some((f) => f.startsWith("/pagefind/fragment/"))).toBe(true);
    // The bundle has as many fragments as a clean build: none of the first build's survived.
    expect(rebuilt.files().filter((f) => f.startsWith("/pagefind/fragment/")).length).toBe(clean.files().filter((f) => f.startsWith("/pagefind/fragment/")).length);
  });
});

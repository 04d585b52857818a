import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { articleFile, type ArticleFields } from "../helpers/article-file.js";
import { buildFixture, fixtureBuild, makeFixtureFolders, writeCapturing, type FixtureBuild, type FixtureFolders } from "../helpers/build-fixture.js";
import { childElement, childElements, parseStrictXml, xmlText } from "../helpers/strict-xml.js";

const harbor = { name: "Harbor Ledger", domain: "harbor.example.com", images: [] };
const northwind = { name: "Northwind Wire", domain: "northwind.example.org", images: [] };

const story = (n: number, fields: ArticleFields = {}): string =>
  articleFile({ title: `Story ${n}`, originalUrl: `https://harbor.example.com/s/${n}`, webUrl: undefined, provider: harbor, topics: ["Markets"], publishedDateTime: `2026-03-0${n}T10:00:00Z`, ...fields });

/** originalUrl → [page link, RSS guid, Atom id, JSON id] of every item in the site's head feeds (feedSize large enough for all). */
function identities(build: FixtureBuild): Map<string, string[]> {
  expect(build.error).toBeUndefined();
  const channel = childElement(parseStrictXml(build.read("/feed.xml")), "", "channel")!;
  const atomIds = new Map<string, string>();
  for (const entry of childElements(parseStrictXml(build.read("/atom.xml")), "http://www.w3.org/2005/Atom", "entry")) {
    const related = childElements(entry, "http://www.w3.org/2005/Atom", "link").find((l) => l.attributes.rel === "related")?.attributes.href ?? "";
    atomIds.set(related, xmlText(childElement(entry, "http://www.w3.org/2005/Atom", "id")));
  }
  const jsonIds = new Map((JSON.parse(build.read("/feed.json")) as { items: { id: string; external_url: string }[] }).items.map((i) => [i.external_url, i.id] as const));
  const byUrl = new Map<string, string[]>();
  for (const item of childElements(channel, "", "item")) {
    const link = xmlText(childElement(item, "", "link"));
    const original = /href="([^"]+)">Read at/.exec(xmlText(childElement(item, "http://purl.org/rss/1.0/modules/content/", "encoded")))?.[1] ?? "";
    byUrl.set(original, [link, xmlText(childElement(item, "", "guid")), atomIds.get(original) ?? "", jsonIds.get(original) ?? ""]);
  }
  return byUrl;
}

const pathOf = (absolute: string): string => new URL(absolute).pathname;

async function buildInto(site: FixtureFolders): Promise<FixtureBuild> {
  const { logs, error } = await writeCapturing(site.inputDir, site.outputDir, undefined, (eleventyConfig) => {
    eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", search: false, contentDir: site.contentDir, layoutsDir: site.layoutsDir });
  });
  return fixtureBuild(site.root, site.outputDir, logs, error);
}

describe("an article's address and feed id come from the article alone", () => {
  const base = { "m.md": story(1), "n.md": story(2), "o.md": story(3, { provider: northwind, originalUrl: "https://northwind.example.org/s/3" }) };

  it("does not move when a file with the same headline and day, named to sort first, is added", async () => {
    const before = identities(await buildFixture({ name: "identity-base", files: base, options: { search: false } }));
    const twin = story(1, { provider: northwind, originalUrl: "https://northwind.example.org/same-headline" });
    const after = identities(await buildFixture({ name: "identity-twin", files: { ...base, "0-first.md": twin }, options: { search: false } }));
    expect(after.size).toBe(before.size + 1);
    for (const [url, ids] of before) expect(after.get(url), url).toEqual(ids);
    // Both "Story 1" of 2026-03-01 keep addresses of their own.
    const twinIds = after.get("https://northwind.example.org/same-headline")!;
    expect(twinIds[0]).not.toBe(before.get("https://harbor.example.com/s/1")![0]);
    expect(pathOf(twinIds[0]!)).toMatch(/^\/articles\/2026-03-01-story-1-[0-9a-f]{10}\/$/);
  }, 60_000);

  it("does not move when a file is renamed or the content folder moves", async () => {
    const before = identities(await buildFixture({ name: "identity-names", files: base, options: { search: false } }));
    const renamed = { "2026/first.md": base["m.md"], "zz.md": base["n.md"], "sub/dir/o-renamed.md": base["o.md"] };
    const moved = await buildFixture({ name: "identity-moved", files: renamed, options: { search: false } });
    expect(identities(moved)).toEqual(before);
  }, 60_000);

  it("keeps its id when the headline is edited, and its old address still leads to it", async () => {
    const site = makeFixtureFolders("identity-edit", { content: base });
    const before = identities(await buildInto(site));
    writeFileSync(path.join(site.contentDir, "m.md"), story(1, { title: "Story 1, corrected headline" }));
    const rebuilt = await buildInto(site);
    const after = identities(rebuilt);
    const [oldLink, ...oldIds] = before.get("https://harbor.example.com/s/1")!;
    const [newLink, ...newIds] = after.get("https://harbor.example.com/s/1")!;
    expect(newIds).toEqual(oldIds);
    expect(pathOf(newLink!)).toMatch(/^\/articles\/2026-03-01-story-1-corrected-headline-[0-9a-f]{10}\/$/);
    const redirect = rebuilt.read(pathOf(oldLink!));
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=${pathOf(newLink!)}">`);
    expect(redirect).toContain(`<link rel="canonical" href="${newLink}">`);
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    // Edited again: the first address still answers, now pointing at the latest one.
    writeFileSync(path.join(site.contentDir, "m.md"), story(1, { title: "Story 1, final headline" }));
    const again = await buildInto(site);
    const [finalLink] = identities(again).get("https://harbor.example.com/s/1")!;
    for (const old of [oldLink!, newLink!]) expect(again.read(pathOf(old))).toContain(`url=${pathOf(finalLink!)}"`);
    // Nowhere else links to a redirect: the sitemap lists live pages only.
    expect(again.read("/sitemap.xml")).not.toContain(pathOf(oldLink!));
  }, 90_000);
});

describe("a term's address comes from the term alone", () => {
  it("keeps existing topic and provider addresses and feed titles when look-alike terms arrive, and reports the collision", async () => {
    const existing = {
      "a.md": story(1, { topics: ["AI", "C++"] }),
      "b.md": story(2, { provider: { name: "Foo Bar", domain: "foo-bar.example.com", images: [] }, originalUrl: "https://foo-bar.example.com/2" }),
    };
    const first = await buildFixture({ name: "terms-before", files: existing, options: { search: false } });
    const terms = (build: FixtureBuild) => build.files().filter((f) => /^\/(topics|providers)\/[^/]+\/index\.html$/.test(f));
    const feedTitle = (build: FixtureBuild, folder: string) => xmlText(childElement(childElement(parseStrictXml(build.read(`${folder}feed.xml`)), "", "channel")!, "", "title"));
    const newcomers = {
      ...existing,
      // Each slugs like an existing term: "ai!" like "AI", "C Plus Plus" spells C++'s slug, and the domain used to slug like foo-bar.example.com.
      "c.md": story(3, { topics: ["ai!", "C Plus Plus"], provider: { name: "Foo Bar Two", domain: "foo.bar-example.com", images: [] }, originalUrl: "https://foo.bar-example.com/3" }),
    };
    const second = await buildFixture({ name: "terms-after", files: newcomers, options: { search: false, mode: "lenient" } });
    expect(second.error).toBeUndefined();
    for (const page of terms(first)) {
      expect(terms(second), page).toContain(page);
      const folder = page.replace(/index\.html$/, "");
      expect(feedTitle(second, folder), folder).toBe(feedTitle(first, folder));
    }
    expect(feedTitle(second, "/topics/ai/")).toBe("AI — News Digest");
    expect(terms(second)).toContain("/providers/foo-bar.example.com/index.html");
    expect(terms(second)).toContain("/providers/foo.bar-example.com/index.html");
    expect(terms(second)).toHaveLength(terms(first).length + 3);
    const report = second.logs.join("\n");
    expect(report).toMatch(/"AI" \(\S*a\.md\) and "ai!" \(\S*c\.md\) both slug as "ai"/);
    expect(report).toMatch(/"C Plus Plus" \(\S*c\.md\) and "C\+\+" \(\S*a\.md\) both slug as "c-plus-plus"/);
  }, 60_000);
});

describe("RFC 5005 archives", () => {
  it("never rewrites an existing archive file when a newest article is added", async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 9; n++) files[`a${n}.md`] = story(n, { topics: n % 2 ? ["Markets", "Odd"] : ["Markets"] });
    const options = { search: false, feedSize: 2 };
    const first = await buildFixture({ name: "archives-before", files, options });
    expect(first.error).toBeUndefined();
    const archives = first.files().filter((f) => f.includes("/archive/"));
    // Site, stories, outlet and Markets: 9 items → 3 archives each, in 3 formats; Odd: 5 → 1 archive.
    expect(archives.length).toBe((4 * 3 + 1) * 3);
    const newest = await buildFixture({ name: "archives-after", files: { ...files, "a0-newest.md": story(10, { publishedDateTime: "2026-03-10T10:00:00Z", topics: ["Markets", "Odd"] }) }, options });
    for (const file of archives) expect(newest.read(file), file).toBe(first.read(file));
    for (const file of archives.filter((f) => f.endsWith(".xml"))) {
      const root = parseStrictXml(first.read(file));
      const items = file.endsWith("atom.xml") ? childElements(root, "http://www.w3.org/2005/Atom", "entry") : childElements(childElement(root, "", "channel")!, "", "item");
      expect(items, `${file}: a complete archive`).toHaveLength(2);
    }
  }, 60_000);
});

// Keeps the helper honest: reading the same build twice gives the same map.
it("reads identities deterministically", async () => {
  const build = await buildFixture({ name: "identity-read", files: { "a.md": story(1) }, options: { search: false } });
  expect(identities(build)).toEqual(identities(build));
  expect([...identities(build).values()][0]?.[1]).toBe("tag:digest.example.org,2026:harbor.example.com/s/1");
  expect(readFileSync(path.join(build.outputDir, "feed.xml"), "utf8")).toContain('<guid isPermaLink="false">tag:digest.example.org,2026:harbor.example.com/s/1</guid>');
});

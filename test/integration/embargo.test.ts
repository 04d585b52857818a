import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { articleFile } from "../helpers/article-file.js";
import { parseHtml } from "../helpers/html.js";
import { readFragments } from "../helpers/pagefind.js";

const harbor = { name: "Harbor Ledger", domain: "harbor-ledger.example.com", images: [] };
const northwind = { name: "Northwind Wire", domain: "northwind.example.org", images: [] };
const third = { name: "Third Paper", domain: "third-paper.example.net", images: [] };
// Outlets only hidden files name: none of their names, domains or logos may reach the site.
const embargoTimes = { name: "Embargo Times", domain: "embargo-times.example.org", images: [{ url: "https://images.example.net/embargo-times-logo.png", width: 50, height: 50 }] };
const laterGazette = { name: "Later Gazette", domain: "later-gazette.example.com", images: [] };
const secretSource = { name: "Secret Source Weekly", domain: "secret-source.example.net", images: [] };

const PUBLISHED_URL = "https://harbor-ledger.example.com/rates-story";
const BRIDGED_URL = "https://northwind.example.org/bridged-story";
const THIRD_URL = "https://third-paper.example.net/their-take";

const relatedTo = (title: string, url: string, provider: object, publishedDateTime = "2026-03-03T07:00:00Z") => ({ title, publishedDateTime, webUrl: url, provider });

const visibleFiles = {
  // Lists only the third outlet: the hidden files are not its to show.
  "published.md": articleFile({
    title: "Rates hold steady",
    provider: harbor,
    originalUrl: PUBLISHED_URL,
    webUrl: PUBLISHED_URL,
    publishedDateTime: "2026-03-03T08:00:00Z",
    topics: ["Markets"],
    related: [relatedTo("Third Paper's take on rates", THIRD_URL, third)],
  }),
  // Joined to the story above only through the unpublished file's related[].
  "bridged.md": articleFile({ title: "Northwind bridged story", provider: northwind, originalUrl: BRIDGED_URL, webUrl: BRIDGED_URL, publishedDateTime: "2026-03-03T09:00:00Z", topics: ["Markets"] }),
};

const hiddenFiles = {
  "unpublished.md": articleFile({
    title: "EMBARGOED scoop on rates",
    excerpt: "EMBARGOED excerpt nobody may read yet.",
    published: false,
    provider: embargoTimes,
    originalUrl: "https://embargo-times.example.org/scoop",
    webUrl: "https://embargo-times.example.org/scoop",
    ampWebUrl: "https://embargo-times.example.org/scoop/amp",
    publishedDateTime: "2026-03-02T06:17:00Z",
    topics: ["Markets", "Embargo Topic"],
    images: [{ url: "https://images.example.net/embargo-lead.jpg", width: 800, height: 450 }],
    related: [
      relatedTo("Rates hold steady", PUBLISHED_URL, harbor),
      relatedTo("Third Paper's take on rates", THIRD_URL, third),
      relatedTo("Northwind bridged story", BRIDGED_URL, northwind),
      relatedTo("Secret Source exclusive", "https://secret-source.example.net/exclusive", secretSource, "2026-03-02T05:43:00Z"),
    ],
  }),
  // Dated in the future under futureArticles: "hold".
  "held.md": articleFile({
    title: "HELD story for later",
    excerpt: "HELD excerpt.",
    provider: laterGazette,
    originalUrl: "https://later-gazette.example.com/held",
    webUrl: "https://later-gazette.example.com/held",
    publishedDateTime: "2099-01-01T06:17:00Z",
    topics: ["Held Topic"],
    images: [{ url: "https://images.example.net/held-lead.jpg", width: 800, height: 450 }],
    related: [relatedTo("Rates hold steady", PUBLISHED_URL, harbor), relatedTo("Third Paper's take on rates", THIRD_URL, third)],
  }),
  // A held copy of the published article whose path sorts first: it must not take the live one's place.
  "a-held-copy.md": articleFile({
    title: "HELD rewrite of rates hold steady",
    provider: harbor,
    originalUrl: `${PUBLISHED_URL}?utm_source=held`,
    webUrl: undefined,
    publishedDateTime: "2099-01-01T06:17:00Z",
    topics: ["Held Topic"],
  }),
};

/** Everything only the hidden files say: titles, excerpts, URLs, outlets, topics, images and dates. */
const HIDDEN = [
  "EMBARGOED",
  "Embargo Times",
  "embargo-times",
  "Embargo Topic",
  "embargo-topic",
  "embargo-lead",
  "Secret Source",
  "secret-source",
  "Secret Source exclusive",
  "HELD",
  "Later Gazette",
  "later-gazette",
  "Held Topic",
  "held-topic",
  "held-lead",
  "2026-03-02",
  "Mar 2, 2026",
  "2099-01-01",
  "Jan 1, 2099",
];

const options = { search: true, futureArticles: "hold" as const, siteTitle: "Embargo Digest" };

/** Every written file as text; Pagefind's gzipped files decompressed, so their strings can be searched too. */
function writtenText(build: FixtureBuild): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of build.files()) {
    const bytes = readFileSync(path.join(build.outputDir, file));
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    texts.set(file, (gzipped ? gunzipSync(bytes) : bytes).toString("utf8"));
  }
  return texts;
}

describe("unpublished and held articles", () => {
  let withHidden: FixtureBuild;
  let withoutHidden: FixtureBuild;
  beforeAll(async () => {
    // One after the other: each build captures the global console while it runs.
    withHidden = await buildFixture({ name: "embargo", files: { ...visibleFiles, ...hiddenFiles }, options });
    withoutHidden = await buildFixture({ name: "embargo-baseline", files: visibleFiles, options });
    if (withHidden.error) throw withHidden.error;
    if (withoutHidden.error) throw withoutHidden.error;
  });

  it("are read and counted, and held back", () => {
    const summary = withHidden.logs.find((line) => line.includes("articles:"));
    expect(summary).toMatch(/5 read, 2 published, 1 unpublished, 1 held until their date, 0 invalid, 1 duplicate,/);
    expect(withHidden.logs.join("\n")).toMatch(/kept \S*\/published\.md \(it is published\); \S*\/a-held-copy\.md was skipped/);
  });

  it("leave no title, URL, date, outlet, topic or image in any page, feed, sitemap or Pagefind file", () => {
    const texts = writtenText(withHidden);
    expect(texts.size).toBeGreaterThan(20);
    expect([...texts.keys()].some((file) => file.startsWith("/pagefind/"))).toBe(true);
    for (const [file, text] of texts) {
      for (const needle of HIDDEN) expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
    }
  });

  it("leave no trace in the search records", () => {
    const fragments = readFragments(path.join(withHidden.outputDir, "pagefind"));
    expect(fragments.map((f) => f.meta.title).sort()).toEqual(["Northwind bridged story", "Rates hold steady"]);
    const text = JSON.stringify(fragments);
    for (const needle of HIDDEN) expect(text.includes(needle), needle).toBe(false);
  });

  it("show on a published article only what its own related[] says, and are not counted as an outlet", () => {
    const page = parseHtml(withHidden.read(withHidden.articleUrl("/articles/2026-03-03-rates-hold-steady/")));
    expect(page.text(".coverage h2")).toBe("Also covered by 1 outlet");
    expect(page.all(".coverage li")).toHaveLength(1);
    expect(page.attrs(".coverage a", "href")).toEqual([THIRD_URL]);
    expect(page.text(".coverage a")).toBe("Third Paper's take on rates");
    // The unpublished file lists both published articles; that alone does not make them one story.
    expect(page.attrs("a", "href")).not.toContain(withHidden.articleUrl("/articles/2026-03-03-northwind-bridged-story/"));
    expect(parseHtml(withHidden.read(withHidden.articleUrl("/articles/2026-03-03-northwind-bridged-story/"))).one(".coverage")).toBeNull();
  });

  it("leave the site byte for byte as it is without them", () => {
    const texts = writtenText(withHidden);
    const baseline = writtenText(withoutHidden);
    expect([...texts.keys()].sort()).toEqual([...baseline.keys()].sort());
    for (const [file, text] of texts) expect(text, file).toBe(baseline.get(file));
  });
});

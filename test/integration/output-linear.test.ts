import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleFile } from "../helpers/article-file.js";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { parseHtml } from "../helpers/html.js";

// From the hostile-input issue: one file with 4,000 topics wrote 3.45 GB, and 2,000 files on one
// story 733 MiB, because every page showing an article repeated every one of its topics or outlets.
// Doubling the input must at most double the output, with some margin: quadratic output is ~4x.
const MAX_GROWTH = 2.3;

const topic = (n: number): string => `Topic ${String(n).padStart(4, "0")}`;

async function build(name: string, files: Record<string, string>): Promise<FixtureBuild> {
  const built = await buildFixture({ name, files, options: { search: false } });
  expect(built.error).toBeUndefined();
  return built;
}

/** Total bytes the build wrote (pagefind/ left out, though search is off and there is none). */
function outputBytes(built: FixtureBuild): number {
  return built
    .files()
    .filter((file) => !file.startsWith("/pagefind/"))
    .reduce((sum, file) => sum + statSync(path.join(built.outputDir, file)).size, 0);
}

/** Builds the fixture at `small` and twice that; returns how much the output grew, and the larger build to look at. */
async function growth(name: string, small: number, fixture: (size: number) => Record<string, string>): Promise<{ ratio: number; large: FixtureBuild }> {
  const before = outputBytes(await build(`${name}-${small}`, fixture(small)));
  const large = await build(`${name}-${small * 2}`, fixture(small * 2));
  const after = outputBytes(large);
  console.info(`output-linear ${name}: ${small} → ${before} bytes, ${small * 2} → ${after} bytes (${(after / before).toFixed(2)}x)`);
  return { ratio: after / before, large };
}

/** One article carrying `count` topics: each topic has its own page and feeds, and each shows the article. */
const oneArticleManyTopics = (count: number): Record<string, string> => ({
  "many-topics.md": articleFile({ title: "Everything at once", topics: Array.from({ length: count }, (_, i) => topic(i)) }),
});

/**
 * 50 articles with `perArticle` topics each from an overlapping window of a pool of 1,000, so topics
 * are shared by several articles and their number barely moves as `perArticle` doubles: what grows
 * is how many topics each card and feed item would list. Stays meaningful under validation's cap
 * on topics per article, which a single file with thousands of topics runs into.
 */
const sharedTopics = (perArticle: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [
      `shared-${i}.md`,
      articleFile({
        title: `Shared story ${i}`,
        originalUrl: `https://outlet.example.com/shared/${i}`,
        publishedDateTime: `2026-03-01T${String(i % 24).padStart(2, "0")}:${String(i).padStart(2, "0")}:00Z`,
        topics: Array.from({ length: perArticle }, (_, j) => topic((i * 7 + j) % 1000)),
      }),
    ]),
  );

/** `count` articles from `count` outlets, each relating to the same wire story: one story of `count + 1` outlets. */
const oneStoryManyOutlets = (count: number): Record<string, string> =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const domain = `outlet-${i}.example.com`;
      return [
        `outlet-${i}.md`,
        articleFile({
          title: `The story, as outlet ${i} tells it`,
          originalUrl: `https://${domain}/story`,
          webUrl: undefined,
          provider: { name: `Outlet ${i}`, domain, images: [] },
          topics: ["Story"],
          related: [{ title: "The wire story", publishedDateTime: "2026-03-01T09:00:00Z", originalUrl: "https://wire.example.com/story", provider: { name: "Wire", domain: "wire.example.com" } }],
        }),
      ];
    }),
  );

/** One article listing `count` related items, each another outlet's take: its page and every feed show them. */
const oneArticleManyRelated = (count: number): Record<string, string> => ({
  "related.md": articleFile({
    title: "Covered everywhere",
    related: Array.from({ length: count }, (_, i) => ({ title: `Take ${i}`, publishedDateTime: "2026-03-01T09:00:00Z", originalUrl: `https://r${i}.example.com/take`, provider: { name: `Related ${i}`, domain: `r${i}.example.com` } })),
  }),
});

describe("output size stays linear in the input", () => {
  // 50 and 100, not the thousands: validation caps topics per article (at 100 when this
  // was written), and past that cap both builds would be the same site.
  it("one article with 50, then 100 topics", async () => {
    const { ratio, large } = await growth("topics-one-article", 50, oneArticleManyTopics);
    expect(ratio).toBeLessThan(MAX_GROWTH);

    const card = parseHtml(large.read("/topics/topic-0099/"));
    expect(card.all(".card .topics li")).toHaveLength(11);
    expect(card.text(".card .topics .more")).toBe("+90 more topics");
    expect(card.attrs(".card .topics .more a", "href")).toEqual([large.articleUrl("/articles/2026-03-01-everything-at-once/")]);
    // The article's own page lists every topic: one page, so linear.
    expect(parseHtml(large.read(large.articleUrl("/articles/2026-03-01-everything-at-once/"))).all(".article .topics li")).toHaveLength(100);

    const json = JSON.parse(large.read("/topics/topic-0099/feed.json")) as { items: { tags?: string[] }[] };
    expect(json.items[0]?.tags).toEqual(Array.from({ length: 10 }, (_, i) => topic(i)));
    expect(large.read("/topics/topic-0099/feed.xml").match(/<category /g)).toHaveLength(10);
    expect(large.read("/topics/topic-0099/atom.xml").match(/<category /g)).toHaveLength(10);
  });

  it("50 articles sharing topics, 20, then 40 topics each", async () => {
    expect((await growth("topics-shared", 20, sharedTopics)).ratio).toBeLessThan(MAX_GROWTH);
  });

  it("one story from 100, then 200 outlets", async () => {
    const { ratio, large } = await growth("one-story", 100, oneStoryManyOutlets);
    expect(ratio).toBeLessThan(MAX_GROWTH);

    const page = parseHtml(large.read(large.articleUrl("/articles/2026-03-01-the-story-as-outlet-0-tells-it/")));
    expect(page.text(".coverage h2")).toBe("Also covered by 200 outlets");
    expect(page.all(".coverage li")).toHaveLength(20);
    expect(page.text(".coverage .more")).toBe("+180 more outlets");
  });

  it("one article with 50, then 100 related items", async () => {
    expect((await growth("related", 50, oneArticleManyRelated)).ratio).toBeLessThan(MAX_GROWTH);
  });
});

import { describe, expect, it } from "vitest";
import type { Article, StoryCluster } from "../../../src/index.js";
import { foldByStory } from "../../../src/index.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

/** Just the fields the fold reads (page URL, score inputs, date), newest first by `at`. */
function article(name: string, at: number, score: { quality?: number; heat?: number } = {}): Article {
  return { title: name, pageUrl: `/articles/${name}/`, publishedMs: at, quality: score.quality ?? 50, heat: score.heat ?? 0 } as Article;
}

/** `id` may be anything: the fold must never look at it (it is becoming a string elsewhere). */
function clusterIndex(stories: Article[][], id: (n: number) => unknown = (n) => n): Map<string, StoryCluster> {
  const clusterOf = new Map<string, StoryCluster>();
  stories.forEach((members, n) => {
    const cluster: StoryCluster = { id: id(n) as StoryCluster["id"], size: members.length, outlets: members.length };
    for (const member of members) clusterOf.set(member.pageUrl, cluster);
  });
  return clusterOf;
}

const titles = (articles: Article[]): string[] => articles.map((a) => a.title);

describe("foldByStory", () => {
  it("keeps one article per story, the best-scoring member, where that member sits in the list", () => {
    const a1 = article("a1", 9);
    const b1 = article("b1", 8);
    const a2 = article("a2", 7, { quality: 90 });
    const solo = article("solo", 6);
    const b2 = article("b2", 5, { heat: 100 });
    const list = [a1, b1, a2, solo, b2];
    expect(titles(foldByStory(list, clusterIndex([[a1, a2], [b1, b2]])))).toEqual(["a2", "solo", "b2"]);
  });

  it("breaks a score tie by the newer article, then by the one listed first", () => {
    const older = article("older", 1);
    const newer = article("newer", 2);
    // Listed oldest first on purpose: the date decides, not the position.
    expect(titles(foldByStory([older, newer], clusterIndex([[older, newer]])))).toEqual(["newer"]);
    const first = article("first", 3);
    const second = article("second", 3);
    expect(titles(foldByStory([first, second], clusterIndex([[first, second]])))).toEqual(["first"]);
  });

  it("treats an article outside every cluster as a story of its own", () => {
    const list = [article("x", 3), article("y", 2), article("z", 1)];
    expect(titles(foldByStory(list, new Map()))).toEqual(["x", "y", "z"]);
  });

  it("tells stories apart by their cluster, never by the cluster's id", () => {
    const a = article("a", 2);
    const b = article("b", 1);
    // Two different clusters that happen to carry the same id are still two stories.
    expect(titles(foldByStory([a, b], clusterIndex([[a], [b]], () => "same")))).toEqual(["a", "b"]);
  });

  it("leaves out every story one of `except` belongs to, whichever member it is", () => {
    const top = article("top", 9, { quality: 95 });
    const sibling = article("sibling", 8);
    const other = article("other", 7);
    const clusters = clusterIndex([[top, sibling], [other]]);
    expect(titles(foldByStory([top, sibling, other], clusters, [top]))).toEqual(["other"]);
    // An article that is not in the list still takes its story out.
    expect(titles(foldByStory([sibling, other], clusters, [top]))).toEqual(["other"]);
  });

  it("returns an empty list for an empty list", () => {
    expect(foldByStory([], new Map())).toEqual([]);
  });

  it("stays linear: 100,000 articles in one story, in 100,000 stories, or all left out, fold in under 2 s (a quadratic fold could not)", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => article(`n${i}`, 100_000 - i, { quality: i % 97 }));
    const oneStory = clusterIndex([many]);
    let started = performance.now();
    expect(foldByStory(many, oneStory)).toHaveLength(1);
    expect(foldByStory(many, new Map())).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(2_000);
    started = performance.now();
    expect(foldByStory(many, oneStory, many)).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("folds a real digest's story spanning outlets to its best-scoring article", () => {
    const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet-${n}.example.com` });
    const url = (n: number) => `https://outlet-${n}.example.com/rates`;
    const digest = digestFromFiles({
      "one.md": articleFile({ title: "Rates one", provider: outlet(1), originalUrl: url(1), webUrl: undefined, quality: 60, publishedDateTime: "2026-03-01T12:00:00Z", related: [{ title: "Rates two", provider: outlet(2), webUrl: url(2), publishedDateTime: "2026-03-01T10:00:00Z" }] }),
      "two.md": articleFile({ title: "Rates two", provider: outlet(2), originalUrl: url(2), webUrl: undefined, quality: 80, publishedDateTime: "2026-03-01T10:00:00Z" }),
      "solo.md": articleFile({ title: "Solo", provider: outlet(3), originalUrl: url(3), webUrl: undefined, publishedDateTime: "2026-03-01T11:00:00Z" }),
    });
    expect(titles(digest.articles)).toEqual(["Rates one", "Solo", "Rates two"]);
    expect(titles(foldByStory(digest.articles, digest.clusters.clusterOf))).toEqual(["Solo", "Rates two"]);
  });
});

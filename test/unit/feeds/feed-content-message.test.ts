import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderAllFeeds, type FeedSite } from "../../../src/feeds/index.js";
import { feedContentMessage, feedContentOf } from "../../../src/feeds/feed-content-message.js";
import { generateCorpus } from "../../../bench/generate.js";
import { makeTempDir } from "../../helpers/temp-dir.js";
import { digestFromFiles } from "../../helpers/digest.js";

const site: FeedSite = { siteUrl: "https://digest.example.org", pathPrefix: "/", title: "Test Digest", description: "Tests", language: "en", feedSize: 5, websubHub: "" };

describe("the feeds' content as a worker thread receives it", () => {
  it("renders byte for byte the feeds the digest itself renders, after a real structured clone", () => {
    // Seed-shaped articles: related coverage, shared stories, several outlets and topics per article.
    const dir = makeTempDir("feed-message");
    generateCorpus({ count: 60, dir, seed: 7, shape: "realistic" });
    const names = readdirSync(dir).filter((name) => name.endsWith(".md")).sort();
    const files = Object.fromEntries(names.map((name) => [name, readFileSync(path.join(dir, name), "utf8")]));
    const digest = digestFromFiles(files);
    expect(digest.clusters.clusters.some((cluster) => cluster.outlets > 1)).toBe(true);
    const message = structuredClone(feedContentMessage(digest));
    const direct = [...renderAllFeeds(digest, site)];
    const viaMessage = [...renderAllFeeds(feedContentOf(message), site)];
    expect(viaMessage.map((file) => file.path)).toEqual(direct.map((file) => file.path));
    for (const [i, file] of direct.entries()) expect(viaMessage[i]?.contents, file.path).toBe(file.contents);
  });

  it("keeps an article shared by its terms one object, and leaves out what no feed reads", () => {
    const digest = digestFromFiles({
      "a.md": "---\ntitle: One\noriginalUrl: https://outlet.example.com/1\npublishedDateTime: 2026-03-01T10:00:00Z\nprovider: { name: Outlet, domain: outlet.example.com }\ntopics: [Markets]\nrelated:\n  - { title: Other, originalUrl: https://other.example.com/1, publishedDateTime: 2026-03-01T09:00:00Z, provider: { name: Other, domain: other.example.com } }\n---\nA note.\n",
    });
    const message = structuredClone(feedContentMessage(digest));
    expect(message.providers[0]?.articles[0]).toBe(message.articles[0]);
    expect(message.topics[0]?.articles[0]).toBe(message.articles[0]);
    expect(message.articles[0]?.related).toEqual([]);
    expect(message.articles[0]?.body).toBe("");
    expect(digest.articles[0]?.related).toHaveLength(1);
  });
});

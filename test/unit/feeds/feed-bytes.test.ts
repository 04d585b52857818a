import { describe, expect, it } from "vitest";
import { renderAllFeedBytes, renderAllFeeds, type FeedSite } from "../../../src/feeds/index.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const site: FeedSite = { siteUrl: "https://digest.example.org", pathPrefix: "/", title: "Test & <Digest>", description: "Tests", language: "en", feedSize: 2, websubHub: "" };

/** Articles with non-ASCII text and markup characters in every reused part: titles, excerpts, outlet names, topics. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= 7; i++) {
    out[`a${i}.md`] = articleFile({
      title: `Überschrift ${i} — 東京 & <Markets> 📈`,
      excerpt: `Résumé ${i}: "quotes" & <tags>, emoji 🙂 and a line\u2028separator`,
      publishedDateTime: `2026-03-0${i}T10:00:00Z`,
      originalUrl: `https://outlet-${i % 3}.example.com/story-${i}`,
      provider: { name: `Outlet ${i % 3} — Zeitung`, domain: `outlet-${i % 3}.example.com` },
      topics: i % 2 ? ["Märkte", "AI"] : ["Märkte"],
      related: i > 1 ? [{ title: `Story ${i - 1}`, publishedDateTime: `2026-03-0${i - 1}T09:00:00Z`, webUrl: `https://outlet-${(i - 1) % 3}.example.com/story-${i - 1}`, provider: { name: `Outlet ${(i - 1) % 3} — Zeitung`, domain: `outlet-${(i - 1) % 3}.example.com` } }] : [],
    });
  }
  return out;
}

describe("renderAllFeedBytes", () => {
  it("writes every feed and archive as exactly the UTF-8 of the text renderAllFeeds gives, in the same order", () => {
    const digest = digestFromFiles(files());
    const text = [...renderAllFeeds(digest, site)];
    const bytes = [...renderAllFeedBytes(digest, site)];
    expect(bytes.map((file) => file.path)).toEqual(text.map((file) => file.path));
    // Archives as well as head feeds, in all three formats: the reused items are in many of them.
    expect(text.filter((file) => /\/archive\/\d+\//.test(file.path)).length).toBeGreaterThan(6);
    bytes.forEach((file, index) => {
      const expected = Buffer.from(text[index]?.contents ?? "", "utf8");
      const actual = typeof file.contents === "string" ? Buffer.from(file.contents, "utf8") : file.contents;
      expect(actual.equals(expected), file.path).toBe(true);
    });
    expect(Buffer.concat(bytes.map((file) => (typeof file.contents === "string" ? Buffer.from(file.contents) : file.contents))).toString("utf8")).toContain("東京 &amp; &lt;Markets&gt; 📈");
  });
});

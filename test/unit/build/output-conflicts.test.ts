import { describe, expect, it } from "vitest";
import { findOutputConflicts } from "../../../src/build/output-conflicts.js";
import { plannedOutputFiles } from "../../../src/build/output-plan.js";
import { feedLinks } from "../../../src/feeds/index.js";
import { resolveOptions } from "../../../src/index.js";
import { planSite } from "../../../src/site/pages.js";
import { articleFile, articlePagePath } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

describe("findOutputConflicts", () => {
  const options = resolveOptions({ siteUrl: "https://digest.example.org" });
  const digest = digestFromFiles({ "a.md": articleFile({ title: "One", topics: ["Markets"], originalUrl: "https://outlet.example.com/1" }) }, options);
  const files = plannedOutputFiles(planSite(digest, 20, feedLinks, "Test"), digest, options);

  it("plans every kind of file the digest writes", () => {
    for (const file of ["/index.html", `/${articlePagePath({ title: "One", originalUrl: "https://outlet.example.com/1" })}`, "/topics/markets/index.html", "/feed.xml", "/topics/markets/atom.xml", "/feeds.opml", "/sitemap.xml", "/robots.txt", "/feeds/index.html", "/assets/news-digest.css"]) {
      expect(files).toContain(file);
    }
  });

  it("names each site template that writes a page, feed, robots.txt or into the search bundle", () => {
    const conflicts = findOutputConflicts(
      {
        "./site/about.md": ["/about/"],
        "./site/markets.njk": ["/topics/markets/"],
        "./site/robots.njk": ["/robots.txt"],
        "./site/feed.njk": ["/feed.xml"],
        "./site/search.njk": ["/pagefind/pagefind.js"],
        "./site/draft.md": [false],
      },
      files,
    );
    expect(conflicts).toEqual([
      "./site/markets.njk writes /topics/markets/, which is a file of the news digest: give it another permalink.",
      "./site/robots.njk writes /robots.txt, which is a file of the news digest: give it another permalink.",
      "./site/feed.njk writes /feed.xml, which is a file of the news digest: give it another permalink.",
      "./site/search.njk writes /pagefind/pagefind.js, which is a file of the news digest: give it another permalink.",
    ]);
  });

  it("does not count the digest's own single pages, which Eleventy renders for it", () => {
    expect(findOutputConflicts({ "./site/news-digest/feeds.11ty.js": ["/feeds/"], "./site/my-feeds.md": ["/feeds/"] }, files)).toEqual([
      "./site/my-feeds.md writes /feeds/, which is a file of the news digest: give it another permalink.",
    ]);
  });
});

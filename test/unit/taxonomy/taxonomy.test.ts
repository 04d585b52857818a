import { describe, expect, it } from "vitest";
import { slugify, assignSlugs, topicSlug, articleSlug, paginate, formatProblem, topicKey } from "../../../src/index.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const SAFE_SEGMENT = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

describe("slugify", () => {
  it("makes safe path segments from hostile names", () => {
    for (const name of ["../etc/passwd", "..", ".", ".hidden", "a/b", "a\\b", "100%", "tab\tand\u0001control", "人工智能", "الذكاء الاصطناعي", "🚀", "", "   ", "C++", "C#", "Ünïcödé Nämé"]) {
      const slug = slugify(name);
      expect(slug, name).toMatch(SAFE_SEGMENT);
    }
    expect(slugify("Ünïcödé Nämé")).toBe("unicode-name");
    expect(slugify("C++")).toBe("c-plus-plus");
    expect(slugify("C#")).toBe("c-sharp");
    expect(slugify("Straße")).toBe("strasse");
  });

  it("gives non-Latin names a stable fallback", () => {
    // Pinned: the slug is part of the topic's URL and feed address, so it must not change between builds or releases.
    expect(slugify("人工智能")).toBe("x-63fe855a");
    expect(slugify("人工智能")).not.toBe(slugify("🚀"));
  });
});

describe("slugs from the term or article alone", () => {
  it("keeps the plain slug for a topic key that slugs without loss, and suffixes one that lost characters", () => {
    expect(topicSlug("ai")).toBe("ai");
    expect(topicSlug("machine learning")).toBe("machine-learning");
    expect(topicSlug("u.s.")).toMatch(/^u-s-[0-9a-f]{6}$/);
    expect(topicSlug("c++")).toMatch(/^c-plus-plus-[0-9a-f]{6}$/);
    expect(topicSlug("são paulo")).toMatch(/^sao-paulo-[0-9a-f]{6}$/);
    expect(topicSlug("u.s.")).not.toBe(topicSlug("u s"));
    // Pinned: a topic's slug is part of its page and feed addresses.
    expect(topicSlug("人工智能")).toBe("x-63fe855a");
  });

  it("gives an article a slug from its date, headline and canonical URL only", () => {
    expect(articleSlug("2021-04-19T15:31:00.000Z", "US banks rally!", "https://reuters.com/a")).toMatch(/^2021-04-19-us-banks-rally-[0-9a-f]{10}$/);
    expect(articleSlug("2021-04-19T15:31:00.000Z", "US banks rally!", "https://reuters.com/a")).not.toBe(articleSlug("2021-04-19T15:31:00.000Z", "US banks rally!", "https://apnews.com/a"));
  });

  it("reports keys that share a natural slug, whatever the input order, and never gives two keys one slug", () => {
    const a = assignSlugs(["u.s.", "u s", "c++"], topicSlug, slugify);
    const b = assignSlugs(["c++", "u s", "u.s."], topicSlug, slugify);
    expect([...a.slugs.entries()].sort()).toEqual([...b.slugs.entries()].sort());
    expect(a.slugs.get("u s")).toBe("u-s");
    expect(a.collisions).toEqual([{ slug: "u-s", keys: ["u s", "u.s."], assigned: ["u-s", topicSlug("u.s.")] }]);
    // A plain key spelling another key's suffixed slug: the key that sorts first keeps it.
    const suffixed = topicSlug("u.s.");
    const clash = assignSlugs(["u.s.", suffixed.replace(/-/g, " ")], topicSlug, slugify);
    expect(new Set(clash.slugs.values()).size).toBe(2);
  });
});

describe("topics and providers", () => {
  const files = {
    "1.md": articleFile({ title: "One", topics: ["AI", "Foo Bar"], publishedDateTime: "2026-03-01T10:00:00Z", originalUrl: "https://a.example.com/1" }),
    "2.md": articleFile({ title: "Two", topics: ["ai", "foo-bar"], publishedDateTime: "2026-03-02T10:00:00Z", originalUrl: "https://a.example.com/2" }),
    "3.md": articleFile({ title: "Three", topics: ["AI", "Ai"], publishedDateTime: "2026-03-03T10:00:00Z", originalUrl: "https://a.example.com/3", provider: { name: "Other Outlet", domain: "WWW.Other.Example.org" } }),
    "4.md": articleFile({ title: "Hidden", topics: ["Secret"], published: false, originalUrl: "https://a.example.com/4" }),
  };
  const digest = digestFromFiles(files);

  it("folds topic case into one term labelled by its most common spelling, newest first", () => {
    const ai = digest.topics.find((t) => t.key === "ai");
    expect(ai).toMatchObject({ slug: "ai", label: "AI", count: 3, url: "/topics/ai/" });
    expect(ai?.articles.map((a) => a.title)).toEqual(["Three", "Two", "One"]);
    expect(digest.topics.find((t) => t.key === "secret")).toBeUndefined();
  });

  it("keys providers by domain with a stable slug", () => {
    expect(digest.providers.map((p) => [p.key, p.slug, p.label, p.count])).toEqual([
      ["outlet.example.com", "outlet.example.com", "Example Outlet", 2],
      ["other.example.org", "other.example.org", "Other Outlet", 1],
    ]);
  });

  it("treats hyphens as spaces in a topic's identity: one topic, one address", () => {
    const fooBar = digest.topics.filter((t) => t.key.startsWith("foo"));
    expect(fooBar.map((t) => [t.key, t.slug, t.count])).toEqual([["foo bar", "foo-bar", 2]]);
  });

  it("reports topics that slug alike with both names and files, and keeps each at its own address", () => {
    const clash = digestFromFiles({
      "a.md": articleFile({ title: "One", topics: ["U S"], originalUrl: "https://a.example.com/1" }),
      "b.md": articleFile({ title: "Two", topics: ["U.S."], originalUrl: "https://a.example.com/2" }),
    });
    expect(clash.topics.find((t) => t.label === "U S")?.url).toBe("/topics/u-s/");
    expect(clash.topics.find((t) => t.label === "U.S.")?.url).toMatch(/^\/topics\/u-s-[0-9a-f]{6}\/$/);
    const warning = clash.problems.find((p) => p.field === "topics");
    expect(warning && formatProblem(warning)).toContain(`"U S" (a.md) and "U.S." (b.md) both slug as "u-s"`);
  });
});

describe("topicKey", () => {
  it("case-folds rather than only lower-casing", () => {
    expect(topicKey("STRASSE")).toBe(topicKey("straße"));
    expect(topicKey("Straße")).toBe("strasse");
    expect(topicKey("\u1E9Etrasse")).toBe("sstrasse");
    expect(topicKey("İstanbul")).toBe(topicKey("istanbul"));
    expect(topicKey("ISTANBUL")).toBe("istanbul");
    expect(topicKey("ΟΔΟΣ")).toBe(topicKey("οδος"));
    expect(topicKey("Cafe\u0301")).toBe(topicKey("CAFÉ"));
    expect(topicKey("  Machine   Learning ")).toBe("machine learning");
  });

  it("keeps letters apart that differ by more than case", () => {
    // The dot above is dropped only where it is redundant (after i), never from ż or ċ.
    expect(topicKey("Żaba")).not.toBe(topicKey("zaba"));
    expect(topicKey("ıstanbul")).not.toBe(topicKey("istanbul"));
    expect(topicKey("Ai")).toBe("ai");
  });

  it("merges case-folded spellings into one topic with a stable slug", () => {
    const digest = digestFromFiles({
      "1.md": articleFile({ title: "One", topics: ["STRASSE", "İstanbul"], publishedDateTime: "2026-03-01T10:00:00Z", originalUrl: "https://a.example.com/1" }),
      "2.md": articleFile({ title: "Two", topics: ["Straße", "istanbul"], publishedDateTime: "2026-03-02T10:00:00Z", originalUrl: "https://a.example.com/2" }),
      "3.md": articleFile({ title: "Three", topics: ["Straße", "Istanbul"], publishedDateTime: "2026-03-03T10:00:00Z", originalUrl: "https://a.example.com/3" }),
    });
    expect(digest.topics.map((t) => [t.key, t.label, t.slug, t.count]).sort()).toEqual([
      ["istanbul", "Istanbul", "istanbul", 3],
      ["strasse", "Straße", "strasse", 3],
    ]);
    expect(digest.problems).toEqual([]);
  });
});

describe("paginate", () => {
  it("puts page 1 at the base and later pages under page/N/", () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, "/topics/ai/");
    expect(pages.map((p) => [p.url, p.items, p.previousUrl, p.nextUrl, p.totalPages, p.offset])).toEqual([
      ["/topics/ai/", [1, 2], undefined, "/topics/ai/page/2/", 3, 0],
      ["/topics/ai/page/2/", [3, 4], "/topics/ai/", "/topics/ai/page/3/", 3, 2],
      ["/topics/ai/page/3/", [5], "/topics/ai/page/2/", undefined, 3, 4],
    ]);
  });

  it("gives an empty list one page so its URL exists", () => {
    expect(paginate([], 10, "/")).toEqual([{ pageNumber: 1, totalPages: 1, items: [], offset: 0, url: "/", firstUrl: "/", lastUrl: "/" }]);
  });
});

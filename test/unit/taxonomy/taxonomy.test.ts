import { describe, expect, it } from "vitest";
import { slugify, assignUniqueSlugs, paginate, formatProblem, topicKey } from "../../../src/index.js";
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

describe("assignUniqueSlugs", () => {
  it("gives colliding keys distinct slugs whatever the input order", () => {
    const natural = (key: string) => slugify(key);
    const a = assignUniqueSlugs(["foo-bar", "Foo Bar", "FOO  BAR"], natural);
    const b = assignUniqueSlugs(["FOO  BAR", "Foo Bar", "foo-bar"], natural);
    expect([...a.slugs.entries()].sort()).toEqual([...b.slugs.entries()].sort());
    expect(new Set(a.slugs.values()).size).toBe(3);
    expect(a.collisions).toHaveLength(1);
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
      ["outlet.example.com", "outlet-example-com", "Example Outlet", 2],
      ["other.example.org", "other-example-org", "Other Outlet", 1],
    ]);
  });

  it("reports a slug collision and keeps both terms", () => {
    const slugs = digest.topics.filter((t) => t.key.startsWith("foo")).map((t) => t.slug).sort();
    expect(slugs).toHaveLength(2);
    expect(slugs[0]).toBe("foo-bar");
    expect(slugs[1]).toMatch(/^foo-bar-[0-9a-f]{6}$/);
    const warning = digest.problems.find((p) => p.field === "topics");
    expect(warning && formatProblem(warning)).toMatchInlineSnapshot(`"topics: expected distinct slugs for distinct topic names, received "foo bar", "foo-bar" all slugged as "foo-bar". Hint: they were given "foo-bar", "foo-bar-db7329""`);
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

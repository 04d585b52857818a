import { beforeAll, describe, expect, it } from "vitest";
import { articleFile } from "../helpers/article-file.js";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";

const related = (fields: Record<string, unknown> = {}) => ({ title: "Other take", publishedDateTime: "2026-03-01T09:00:00Z", webUrl: "https://other.example.com/take", provider: { name: "Other", domain: "other.example.com" }, ...fields });
const url = (name: string) => `https://outlet.example.com/${name}`;

// One lenient build of a folder of hostile files, one per rule; each test reads what it wrote and printed.
describe("hostile field values, through a real build", () => {
  let build: FixtureBuild;
  let report: string;
  const page = (slug: string) => build.hasArticle(`/articles/${slug}/`);

  beforeAll(async () => {
    build = await buildFixture({
      name: "hostile-fields",
      options: { mode: "lenient", search: false, maxFileSize: 64 * 1024 },
      files: {
        "zone.md": articleFile({ title: "Zoned", originalUrl: url("zone"), publishedDateTime: "2026-03-01T10:00:00+01:00[Europe/Paris]" }),
        "edge-year.md": articleFile({ title: "Edge year", originalUrl: url("edge"), publishedDateTime: "9999-12-31T23:00:00-02:00" }),
        "wide.md": articleFile({ title: "Wide", originalUrl: url("wide"), images: [{ url: "https://img.example.com/a.jpg", width: 1e21, height: 10 }] }),
        "quality.md": articleFile({ title: "Absurd quality", originalUrl: url("quality"), quality: 1e9, heat: -50 }),
        "bigint.md": articleFile({ title: "Big int", originalUrl: url("bigint") }).replace("quality: 70", "quality: 9007199254740993"),
        "userinfo.md": articleFile({ title: "Userinfo", originalUrl: "https://bank.example.com@evil.example/login", webUrl: undefined }),
        "ip-domain.md": articleFile({ title: "IP outlet", originalUrl: url("ip"), provider: { name: "IP", domain: "192.168.0.1" } }),
        "one-label.md": articleFile({ title: "One label", originalUrl: url("label"), provider: { name: "Local", domain: "localhost" } }),
        "complex-key.md": articleFile({ title: "Complex", originalUrl: url("complex") }).replace("title: Complex\n", "[title]: Complex\n"),
        "flow-key.md": articleFile({ title: "Flow key", originalUrl: url("flow") }).replace(/provider:\n(?:  .*\n)+/, "provider: {[name]: Coerced, domain: outlet.example.com}\n"),
        "bad-related.md": articleFile({ title: "Keeps its page", originalUrl: url("kept"), related: [related({ webUrl: "javascript:alert(1)" }), related({ title: undefined }), related()] }),
        "many.md": articleFile({ title: "Many", originalUrl: url("many"), topics: Array.from({ length: 150 }, (_, i) => `Topic ${i}`) }),
        "fine.md": articleFile({ title: "Fine", originalUrl: url("fine") }),
      },
    });
    report = build.logs.join("\n");
  }, 60_000);

  it("builds the fine file and the ones whose problems are warnings", () => {
    expect(build.error).toBeUndefined();
    expect(page("2026-03-01-fine")).toBe(true);
    expect(page("2026-03-01-absurd-quality")).toBe(true);
    expect(page("2026-03-01-many")).toBe(true);
  });

  it("rejects a bracketed time zone instead of applying the offset twice", () => {
    expect(page("2026-03-01-zoned")).toBe(false);
    expect(report).toMatch(/zone\.md\n\s+publishedDateTime: expected an ISO 8601 date-time such as 2021-04-19T15:31:00Z, without a bracketed zone/);
  });

  it("rejects a date its offset moves past year 9999 in UTC", () => {
    expect(build.files().some((f) => f.includes("10000-"))).toBe(false);
    expect(report).toContain("expected a date between 1000 and 9999 in UTC");
  });

  it("rejects absurd image sizes and integers past 2^53, and clamps quality and heat with a warning", () => {
    expect(page("2026-03-01-wide")).toBe(false);
    expect(report).toContain("images[0].width: expected a whole number of pixels from 1 to 100000, received the number 1e+21");
    expect(page("2026-03-01-big-int")).toBe(false);
    expect(report).toContain("quality: expected a number no larger than 2^53");
    expect(report).toContain("warning: quality: expected a number from 0 to 100, received the number 1000000000. Hint: it was read as 100");
    expect(report).toContain("warning: heat: expected a number from -1 to 1000000, received the number -50. Hint: it was read as -1");
  });

  it("rejects a URL with userinfo, an IP address or a one-label name as an outlet's domain, and complex keys", () => {
    for (const slug of ["2026-03-01-userinfo", "2026-03-01-ip-outlet", "2026-03-01-one-label", "2026-03-01-complex", "2026-03-01-flow-key"]) expect(page(slug), slug).toBe(false);
    expect(build.files().map((f) => build.read(f)).join("\n")).not.toContain("evil.example");
    expect(report).toMatch(/ip-domain\.md\n\s+provider\.domain: expected a host name such as example\.com/);
    expect(report).toMatch(/complex-key\.md\n\s+expected plain field names, received a complex key/);
    expect(report).toMatch(/flow-key\.md\n\s+expected plain field names, received a complex key/);
  });

  it("drops a bad related item with a warning naming its field, and keeps the article", () => {
    expect(page("2026-03-01-keeps-its-page")).toBe(true);
    expect(report).toContain("warning: related[0].webUrl: expected an absolute http(s) URL");
    expect(report).toContain("warning: related[1].title: expected a non-empty string, received nothing (the field is missing). Hint: the related item was dropped, the article still builds");
  });

  it("keeps at most 100 topics of an article, with a warning", () => {
    expect(report).toContain("warning: topics: expected at most 100 items, received a list of 150 items. Hint: only the first 100 were kept");
    expect(build.exists("/topics/topic-99/")).toBe(true);
    expect(build.exists("/topics/topic-100/")).toBe(false);
  });
});

describe("a file over maxFileSize", () => {
  it("is an error naming it and is never read; lenient mode skips it and builds the rest", async () => {
    const build = await buildFixture({
      name: "too-large",
      options: { mode: "lenient", search: false, maxFileSize: 4096 },
      files: { "fine.md": articleFile({ title: "Fine" }), "huge.md": articleFile({ title: "Huge", originalUrl: url("huge"), excerpt: "x".repeat(10_000) }) },
    });
    expect(build.hasArticle("/articles/2026-03-01-fine/")).toBe(true);
    expect(build.hasArticle("/articles/2026-03-01-huge/")).toBe(false);
    expect(build.logs.join("\n")).toMatch(/content\/huge\.md\n\s+expected an article file of at most 4 KiB \(the maxFileSize option\), received a file of 11 KiB/);
  });
});

describe("what reaches the terminal", () => {
  it("has control characters in file names and values escaped, so no line can be forged or the screen rewritten", async () => {
    const evilName = "evil\n[news-digest] articles: 0 invalid\u001b[2J.md";
    const build = await buildFixture({
      name: "terminal",
      options: { mode: "lenient", search: false },
      files: { "fine.md": articleFile({ title: "Fine" }), [evilName]: articleFile({ title: "Evil", originalUrl: url("evil"), published: "no\u001b[31m" }) },
    });
    const printed = build.logs.join("\n");
    expect(printed).not.toContain("\u001b");
    expect(printed).toContain("evil\\n[news-digest] articles: 0 invalid\\x1b[2J.md");
    expect(printed.split("\n").filter((line) => line.startsWith("[news-digest] articles:"))).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { validateArticle, formatProblem, type ParsedFile } from "../../../src/index.js";
import type { ArticleDraft } from "../../../src/article/validate.js";

const base = {
  title: "A story",
  excerpt: "What happened.",
  publishedDateTime: "2021-04-19T15:31:00Z",
  originalUrl: "https://outlet.example.com/a",
  webUrl: "https://outlet.example.com/a",
  published: true,
  provider: { name: "Outlet", domain: "outlet.example.com" },
  topics: ["AI"],
  secured: "opaque==",
};
const check = (data: Record<string, unknown>, timeZone = "UTC") => validateArticle({ file: "content/a.md", data: { ...base, ...data }, body: "" } satisfies ParsedFile, { timeZone });
const messages = (data: Record<string, unknown>): string[] => check(data).problems.map((p) => `${p.severity}: ${p.field}: ${formatProblem(p)}`);

describe("validateArticle", () => {
  it("accepts a valid article and never carries `secured`", () => {
    const { draft, problems } = check({});
    expect(problems).toEqual([]);
    expect(draft?.title).toBe("A story");
    expect(draft?.publishedAt).toBe("2021-04-19T15:31:00.000Z");
    expect(draft && "secured" in draft).toBe(false);
    expect(JSON.stringify(draft)).not.toContain("opaque==");
  });

  it("checks types rather than coercing them", () => {
    expect(messages({ published: "false" })).toMatchInlineSnapshot(`
      [
        "error: published: published: expected true or false (a boolean), received the string "false". Hint: write true or false without quotes",
      ]
    `);
    expect(messages({ topics: "AI" })).toMatchInlineSnapshot(`
      [
        "error: topics: topics: expected a list, received the string "AI". Hint: write it as a list: "topics:" then "  - AI"",
      ]
    `);
    expect(messages({ quality: "high" })).toMatchInlineSnapshot(`
      [
        "error: quality: quality: expected a number, received the string "high". Hint: remove the quotes around the number",
      ]
    `);
    expect(messages({ title: 42 })[0]).toContain("title: expected a string, received the number 42");
  });

  it("names nested field paths", () => {
    const related = [{}, {}, { title: "R", publishedDateTime: "2021-04-19T10:00:00Z", webUrl: "https://other.example.org/r", provider: { name: "Other", domain: "other.example.org" }, images: [{ url: "https://img.example.net/x.jpg", width: "1260", height: 10 }] }];
    const found = check({ related }).problems.map((p) => p.field);
    expect(found).toContain("related[2].images[0].width");
    expect(found).toContain("related[0].title");
    expect(found).toContain("related[1].provider");
  });

  it("requires title, date, a canonical URL and a provider", () => {
    expect(messages({ title: undefined, publishedDateTime: undefined, originalUrl: undefined, webUrl: undefined, provider: undefined })).toMatchInlineSnapshot(`
      [
        "error: title: title: expected a non-empty string, received nothing (the field is missing).",
        "error: publishedDateTime: publishedDateTime: expected a non-empty string, received nothing (the field is missing).",
        "error: provider: provider: expected a mapping of fields, received nothing (the field is missing).",
        "error: originalUrl: originalUrl: expected an absolute http(s) URL in originalUrl or webUrl, received nothing (the field is missing). Hint: every article needs a link to the original",
      ]
    `);
  });

  it("rejects impossible dates instead of rolling them over", () => {
    expect(messages({ publishedDateTime: "2021-02-30T10:00:00Z" })).toMatchInlineSnapshot(`
      [
        "error: publishedDateTime: publishedDateTime: expected an ISO 8601 date-time such as 2021-04-19T15:31:00Z, received the string "2021-02-30T10:00:00Z". Hint: it is not a real date: you specified 30 (of type number) as a day, which is invalid",
      ]
    `);
    expect(messages({ publishedDateTime: "2021-04-19T25:00:00Z" })[0]).toContain("as a hour, which is invalid");
    expect(messages({ publishedDateTime: "2021-02-30" })[0]).toContain("not a real date");
    expect(messages({ publishedDateTime: "yesterday" })[0]).toContain("not a real date");
  });

  it("reads dates without an offset in the site's time zone, and dates with one exactly", () => {
    expect(check({ publishedDateTime: "2021-04-19T09:00:00" }, "Europe/Berlin").draft?.publishedAt).toBe("2021-04-19T07:00:00.000Z");
    expect(check({ publishedDateTime: "2021-04-19T09:00:00+05:30" }, "Europe/Berlin").draft?.publishedAt).toBe("2021-04-19T03:30:00.000Z");
    expect(check({ publishedDateTime: "2021-04-19" }, "America/New_York").draft?.publishedAt).toBe("2021-04-19T04:00:00.000Z");
  });

  it("errors on a bad canonical URL and drops bad optional URLs with a warning", () => {
    expect(messages({ originalUrl: "javascript:alert(1)" })).toMatchInlineSnapshot(`
      [
        "error: originalUrl: originalUrl: expected an absolute http(s) URL, received the string "javascript:alert(1)". Hint: links must start with https:// or http://",
      ]
    `);
    const { draft, problems } = check({ ampWebUrl: "javascript:alert(1)", images: [{ url: "data:image/png;base64,xx", width: 1, height: 1 }, { url: "https://img.example.net/ok.jpg", width: 10, height: 10 }], provider: { name: "O", domain: "outlet.example.com", images: [{ url: "/relative.png" }] } });
    expect(draft?.ampUrl).toBeUndefined();
    expect(draft?.images).toEqual([{ url: "https://img.example.net/ok.jpg", width: 10, height: 10 }]);
    expect(draft?.provider.images).toEqual([]);
    expect(problems.map((p) => `${p.severity} ${p.file} ${p.field}`)).toEqual(["warning content/a.md ampWebUrl", "warning content/a.md provider.images[0].url", "warning content/a.md images[0].url"]);
  });

  it("never keeps cdnAmpWebUrl", () => {
    const { draft } = check({ cdnAmpWebUrl: "https://outlet-example-com.cdn.ampproject.org/c/s/outlet.example.com/a" });
    expect(JSON.stringify(draft)).not.toContain("cdn.ampproject");
  });

  it("trims, NFC-normalises and strips characters XML forbids, keeping hostile text as text", () => {
    const { draft } = check({ title: "  Cafe\u0301 \u0001<script>alert(1)</script> ]]> </title>\n", excerpt: "\u202Eشسي\u0008 rtl", topics: ["  ai ", "../etc"] });
    expect(draft?.title).toBe("Café <script>alert(1)</script> ]]> </title>");
    expect(draft?.excerpt).toBe("\u202Eشسي rtl");
    expect(draft?.topics).toEqual(["ai", "../etc"]);
  });

  it("accepts a missing `published` as published, and keeps `published: false`", () => {
    expect(check({ published: undefined }).draft?.published).toBe(true);
    expect((check({ published: false }).draft as ArticleDraft).published).toBe(false);
  });
});

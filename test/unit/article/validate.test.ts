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
    expect(messages({ topics: "AI, Cloud" })).toMatchInlineSnapshot(`
      [
        "error: topics: topics: expected a list, received the string "AI, Cloud". Hint: write it as a list, one item per line: "topics:" then "  - AI" and "  - Cloud"",
      ]
    `);
    expect(messages({ topics: "AI, Cloud, Banks, Data" })[0]).toContain('then "  - AI", "  - Cloud" and "  - Banks", and so on');
    expect(messages({ topics: "AI," })[0]).toContain('Hint: write it as a list: "topics:" then "  - AI,"');
    expect(messages({ quality: "high" })).toMatchInlineSnapshot(`
      [
        "error: quality: quality: expected a number, received the string "high". Hint: use a number, e.g. quality: 80",
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

  it("hints at removing quotes only when the string is a number", () => {
    expect(messages({ quality: "80", heat: "very", images: [{ url: "https://img.example.net/x.jpg", width: "1200", height: "tall" }] })).toMatchInlineSnapshot(`
      [
        "error: images[0].width: images[0].width: expected a whole number of pixels from 1 to 100000, received the string "1200". Hint: remove the quotes around the number",
        "error: images[0].height: images[0].height: expected a whole number of pixels from 1 to 100000, received the string "tall". Hint: use a whole number, e.g. height: 1200",
        "error: quality: quality: expected a number, received the string "80". Hint: remove the quotes around the number",
        "error: heat: heat: expected a number, received the string "very". Hint: use a number, e.g. heat: 80",
      ]
    `);
  });

  it("rejects years outside 1000–9999 instead of remapping them", () => {
    expect(messages({ publishedDateTime: "0021-02-03T10:00:00Z" })).toMatchInlineSnapshot(`
      [
        "error: publishedDateTime: publishedDateTime: expected a year between 1000 and 9999, received the string "0021-02-03T10:00:00Z". Hint: check the year (written "0021" in "0021-02-03T10:00:00Z")",
      ]
    `);
    expect(check({ publishedDateTime: "0021-02-03T10:00:00" }, "Europe/Berlin").problems.map((p) => formatProblem(p))).toMatchInlineSnapshot(`
      [
        "publishedDateTime: expected a year between 1000 and 9999, received the string "0021-02-03T10:00:00". Hint: check the year (written "0021" in "0021-02-03T10:00:00")",
      ]
    `);
    expect(messages({ publishedDateTime: "+275760-09-13T00:00:00Z" })).toMatchInlineSnapshot(`
      [
        "error: publishedDateTime: publishedDateTime: expected a year between 1000 and 9999, received the string "+275760-09-13T00:00:00Z". Hint: check the year (written "+275760" in "+275760-09-13T00:00:00Z")",
      ]
    `);
    expect(messages({ publishedDateTime: "-002021-04-19T10:00:00Z" })).toMatchInlineSnapshot(`
      [
        "error: publishedDateTime: publishedDateTime: expected a year between 1000 and 9999, received the string "-002021-04-19T10:00:00Z". Hint: check the year (written "-002021" in "-002021-04-19T10:00:00Z")",
      ]
    `);
    expect(check({ publishedDateTime: "1000-01-01T00:00:00Z" }).draft?.publishedAt).toBe("1000-01-01T00:00:00.000Z");
    expect(check({ publishedDateTime: "9999-12-31T23:59:59Z" }).draft?.publishedAt).toBe("9999-12-31T23:59:59.000Z");
    expect(check({ publishedDateTime: "2024-02-29T12:00:00+01:00" }).draft?.publishedAt).toBe("2024-02-29T11:00:00.000Z");
    expect(messages({ publishedDateTime: "2023-02-29T12:00:00+01:00" })[0]).toContain("as a day, which is invalid");
  });

  it("rejects a bare time, which luxon would date today", () => {
    expect(messages({ publishedDateTime: "10:00" })).toMatchInlineSnapshot(`
      [
        "error: publishedDateTime: publishedDateTime: expected an ISO 8601 date-time such as 2021-04-19T15:31:00Z, received the string "10:00". Hint: start with the date, e.g. 2021-04-19T10:00:00Z",
      ]
    `);
  });

  it("rejects a local time skipped by a DST change, and reads a repeated one as its first occurrence", () => {
    expect(check({ publishedDateTime: "2021-03-28T02:30:00" }, "Europe/Berlin").problems.map((p) => formatProblem(p))).toMatchInlineSnapshot(`
      [
        "publishedDateTime: expected a wall-clock time that exists in Europe/Berlin, received the string "2021-03-28T02:30:00". Hint: the clocks in Europe/Berlin jump over this time (as when daylight saving time starts); add an explicit offset, e.g. 2021-03-28T02:30:00+01:00",
      ]
    `);
    expect(check({ publishedDateTime: "2021-03-14T02:30:00" }, "America/New_York").problems[0]?.hint).toContain("2021-03-14T02:30:00-05:00");
    // With an explicit offset the same wall-clock time is exact.
    expect(check({ publishedDateTime: "2021-03-28T02:30:00+01:00" }, "Europe/Berlin").draft?.publishedAt).toBe("2021-03-28T01:30:00.000Z");
    expect(check({ publishedDateTime: "2021-03-28T01:59:00" }, "Europe/Berlin").draft?.publishedAt).toBe("2021-03-28T00:59:00.000Z");
    expect(check({ publishedDateTime: "2021-03-28T03:00:00" }, "Europe/Berlin").draft?.publishedAt).toBe("2021-03-28T01:00:00.000Z");
    // Clocks going back: 02:30 happens at +02:00 and again at +01:00; the first is taken, in every zone.
    expect(check({ publishedDateTime: "2021-10-31T02:30:00" }, "Europe/Berlin").draft?.publishedAt).toBe("2021-10-31T00:30:00.000Z");
    expect(check({ publishedDateTime: "2021-11-07T01:30:00" }, "America/New_York").draft?.publishedAt).toBe("2021-11-07T05:30:00.000Z");
    expect(check({ publishedDateTime: "2021-04-04T02:30:00" }, "Australia/Sydney").draft?.publishedAt).toBe("2021-04-03T15:30:00.000Z");
  });

  it("warns about unknown fields at every level, suggesting close known names", () => {
    const { draft, problems } = check({
      publised: false,
      Topics: ["x"],
      colour: "red",
      provider: { name: "O", domain: "outlet.example.com", domian: "x", images: [{ url: "https://img.example.net/p.png", widht: 50 }] },
      images: [{ url: "https://img.example.net/x.jpg", width: 10, height: 10, isCached: true, alt: "x" }],
      related: [{ title: "R", publishedDateTime: "2021-04-19T10:00:00Z", webUrl: "https://other.example.org/r", provider: { name: "Other", domain: "other.example.org" }, published: false, secured: "s", related: [], exerpt: "typo" }],
      "bad\u001bkey": 1,
    });
    expect(draft?.published).toBe(true);
    expect(problems.every((p) => p.severity === "warning" && p.file === "content/a.md")).toBe(true);
    expect(problems.map((p) => `${p.field}: ${formatProblem(p)}`)).toMatchInlineSnapshot(`
      [
        "publised: publised: expected a known article field, received an unknown field set to the boolean false. Hint: did you mean \`published\`? It was ignored",
        "Topics: Topics: expected a known article field, received an unknown field set to a list of 1 item. Hint: did you mean \`topics\`? It was ignored",
        "colour: colour: expected a known article field, received an unknown field set to the string "red". Hint: it was ignored; the README lists the fields",
        "["bad\\u001bkey"]: ["bad\\u001bkey"]: expected a known article field, received an unknown field set to the number 1. Hint: it was ignored; the README lists the fields",
        "provider.domian: provider.domian: expected a known provider field (name, domain, images), received an unknown field set to the string "x". Hint: did you mean \`domain\`? It was ignored",
        "provider.images[0].widht: provider.images[0].widht: expected a known image field (url, width, height, isCached), received an unknown field set to the number 50. Hint: did you mean \`width\`? It was ignored",
        "images[0].alt: images[0].alt: expected a known image field (url, width, height, isCached), received an unknown field set to the string "x". Hint: it was ignored; the README lists the fields",
        "related[0].published: related[0].published: expected a known related-item field, received an unknown field set to the boolean false. Hint: only the article itself takes \`published\`, not a related item; it was ignored",
        "related[0].secured: related[0].secured: expected a known related-item field, received an unknown field set to a string (not shown: it is secret). Hint: only the article itself takes \`secured\`, not a related item; it was ignored",
        "related[0].related: related[0].related: expected a known related-item field, received an unknown field set to a list of 0 items. Hint: only the article itself takes \`related\`, not a related item; it was ignored",
        "related[0].exerpt: related[0].exerpt: expected a known related-item field, received an unknown field set to the string "typo". Hint: did you mean \`excerpt\`? It was ignored",
      ]
    `);
  });

  it("knows every field the seed articles carry", () => {
    const seeds = check({
      category: "news",
      type: "article",
      quality: 89,
      heat: -1,
      ampWebUrl: "https://outlet.example.com/a?amp",
      cdnAmpWebUrl: "https://outlet-example-com.cdn.ampproject.org/c/s/outlet.example.com/a?amp",
      provider: { name: "O", domain: "outlet.example.com", images: [{ url: "https://img.example.net/o.jpg", width: 50, height: 50 }] },
      images: [{ url: "https://img.example.net/x.jpg", width: 1260, height: 710, isCached: true }],
      related: [{ title: "R", excerpt: "E", publishedDateTime: "2021-04-19T10:38:00Z", webUrl: "https://other.example.org/r", ampWebUrl: "https://other.example.org/r/amp/", cdnAmpWebUrl: "https://other-example-org.cdn.ampproject.org/c/s/other.example.org/r/amp/", type: "article", category: "news", quality: 89, heat: 3, provider: { name: "Other", domain: "other.example.org" }, images: [{ url: "https://img.example.net/r.jpg", width: 1200, height: 600, isCached: true }] }],
    });
    expect(seeds.problems).toEqual([]);
  });

  it("drops an image without a usable url with a warning, keeping sizes as errors", () => {
    const { draft, problems } = check({
      images: [{ width: 10, height: 10 }, { url: 42 }, { url: "" }, { url: "https://img.example.net/ok.jpg" }],
      provider: { name: "O", domain: "outlet.example.com", images: [{ width: 50, height: 50 }] },
    });
    expect(draft?.images).toEqual([{ url: "https://img.example.net/ok.jpg" }]);
    expect(draft?.provider.images).toEqual([]);
    expect(problems.map((p) => `${p.severity}: ${p.file}: ${p.field}: ${formatProblem(p)}`)).toMatchInlineSnapshot(`
      [
        "warning: content/a.md: provider.images[0].url: provider.images[0].url: expected an absolute http(s) URL, received nothing (the field is missing). Hint: the image was dropped",
        "warning: content/a.md: images[0].url: images[0].url: expected an absolute http(s) URL, received nothing (the field is missing). Hint: the image was dropped",
        "warning: content/a.md: images[1].url: images[1].url: expected an absolute http(s) URL, received the number 42. Hint: the image was dropped",
        "warning: content/a.md: images[2].url: images[2].url: expected an absolute http(s) URL, received the string "". Hint: the image was dropped",
      ]
    `);
    expect(messages({ images: [{ width: "wide" }] })).toMatchInlineSnapshot(`
      [
        "error: images[0].width: images[0].width: expected a whole number of pixels from 1 to 100000, received the string "wide". Hint: use a whole number, e.g. width: 1200",
        "warning: images[0].url: images[0].url: expected an absolute http(s) URL, received nothing (the field is missing). Hint: the image was dropped",
      ]
    `);
  });
});

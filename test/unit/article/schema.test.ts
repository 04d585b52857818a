import { describe, expect, it } from "vitest";
import { ARTICLE_FIELDS, IMAGE_FIELDS, PROVIDER_FIELDS, validateArticle, type Field, type Problem } from "../../../src/index.js";

// The reader is written by hand (its messages are pinned in validate.test.ts); these tests hold
// it to the declaration: every declared field is read, required means required, and nothing
// declared is reported as unknown.

const image = { url: "https://img.example.net/x.jpg", width: 10, height: 10, isCached: true };
const provider = { name: "Outlet", domain: "outlet.example.com", images: [image] };
const coverage = {
  title: "A story",
  excerpt: "What happened.",
  publishedDateTime: "2021-04-19T15:31:00Z",
  originalUrl: "https://outlet.example.com/a",
  webUrl: "https://outlet.example.com/a",
  ampWebUrl: "https://outlet.example.com/a/amp",
  cdnAmpWebUrl: "https://outlet-example-com.cdn.ampproject.org/a",
  provider,
  images: [image],
  quality: 80,
  heat: 3,
  category: "news",
  type: "article",
};
const article = { ...coverage, published: true, secured: "x", topics: ["AI"], related: [coverage] };

/** Values of every YAML type: whatever a field's type, one of them is wrong for it. */
const WRONG_VALUES: unknown[] = [42, 1.5, -1, true, "x", "", [], [1], {}, { a: 1 }];

type Level = { table: { fields: readonly Field[] }; path: string; build: (inner: Record<string, unknown>) => Record<string, unknown> };
const LEVELS: Level[] = [
  { table: ARTICLE_FIELDS, path: "", build: (inner) => inner },
  { table: { fields: ARTICLE_FIELDS.fields.filter((f) => !f.articleOnly) }, path: "related[0]", build: (inner) => ({ ...article, related: [inner] }) },
  { table: PROVIDER_FIELDS, path: "provider", build: (inner) => ({ ...article, provider: inner }) },
  { table: IMAGE_FIELDS, path: "images[0]", build: (inner) => ({ ...article, images: [inner] }) },
  { table: IMAGE_FIELDS, path: "provider.images[0]", build: (inner) => ({ ...article, provider: { ...provider, images: [inner] } }) },
];
const complete = (level: Level): Record<string, unknown> => ({ ...{ "": article, "related[0]": coverage, provider, "images[0]": image, "provider.images[0]": image }[level.path] });
const problemsOf = (data: Record<string, unknown>): Problem[] => validateArticle({ file: "a.md", data, body: "" }, { timeZone: "UTC" }).problems;
const at = (level: Level, field: Field): string => (level.path ? `${level.path}.${field.name}` : field.name);

describe("the article schema and the reader agree", () => {
  it("accepts a file that sets every declared field, at every level", () => {
    expect(problemsOf(article)).toEqual([]);
  });

  for (const level of LEVELS) {
    describe(level.path || "top level", () => {
      it.each(level.table.fields.map((f) => [f.name, f] as const))("reads %s (some wrong value is reported at its path)", (_, field) => {
        const reported = WRONG_VALUES.some((value) => problemsOf(level.build({ ...complete(level), [field.name]: value })).some((p) => p.field === at(level, field) || p.field.startsWith(`${at(level, field)}[`)));
        expect(reported).toBe(true);
      });

      it.each(level.table.fields.map((f) => [f.name, f] as const))("requires %s exactly when declared so", (_, field) => {
        const without = complete(level);
        delete without[field.name];
        // Any report at the field counts: an image without its required url is dropped with a warning.
        const reports = problemsOf(level.build(without)).filter((p) => p.severity === "error" || p.field === at(level, field));
        if (field.required === true) expect(reports.map((p) => p.field)).toContain(at(level, field));
        else expect(reports, field.name).toEqual([]);
      });
    });
  }

  it("requires one of the fields marked so", () => {
    const group = ARTICLE_FIELDS.fields.filter((f) => f.required === "one of").map((f) => f.name);
    const without: Record<string, unknown> = { ...article };
    for (const name of group) delete without[name];
    expect(problemsOf(without).map((p) => `${p.severity} ${p.field}`)).toEqual([`error ${group[0]}`]);
  });

  it("reports article-only fields in a related item as such", () => {
    for (const field of ARTICLE_FIELDS.fields.filter((f) => f.articleOnly)) {
      const problems = problemsOf({ ...article, related: [{ ...coverage, [field.name]: article[field.name as keyof typeof article] }] });
      expect(problems.map((p) => p.hint)).toEqual([`only the article itself takes \`${field.name}\`, not a related item; it was ignored`]);
    }
  });
});

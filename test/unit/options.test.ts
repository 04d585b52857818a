import { describe, expect, it } from "vitest";
import { resolveOptions, DEFAULT_OPTIONS } from "../../src/index.js";

describe("resolveOptions", () => {
  it("merges over typed defaults and trims the site URL's trailing slash", () => {
    expect(resolveOptions({})).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions({ siteUrl: "https://news.example.org/", pageSize: 5 })).toMatchObject({ siteUrl: "https://news.example.org", pageSize: 5, mode: "strict" });
  });

  it("reports every bad option by its path at once", () => {
    expect(() => resolveOptions({ pageSize: 0, mode: "loose", timeZone: "Mars/Olympus", siteUrl: "javascript:alert(1)", language: "english please", pagesize: 10 })).toThrowErrorMatchingInlineSnapshot(`
      [NewsDigestError: [news-digest] invalid plugin options:
        options
          pageSize: expected a whole number from 1 to 100000, received the number 0.
          mode: expected one of "strict", "lenient", received the string "loose".
          timeZone: expected an IANA time zone such as "UTC" or "Europe/Berlin", received the string "Mars/Olympus".
          siteUrl: expected an absolute http(s) URL or an empty string, received the string "javascript:alert(1)". Hint: for example https://news.example.org
          language: expected a BCP 47 language tag such as "en" or "pt-BR", received the string "english please".
          pagesize: expected a known option (siteTitle, siteDescription, siteUrl, language, timeZone, contentDir, pageSize, mode, feedSize, futureArticles, search, layoutsDir, topStories), received an unknown option. Hint: check the spelling]
    `);
  });
});

import { describe, expect, it } from "vitest";
import { resolveOptions, requireSiteUrl } from "../../src/index.js";

describe("resolveOptions", () => {
  it("merges over typed defaults and trims the site URL's trailing slash", () => {
    // The README's defaults, written out: comparing with DEFAULT_OPTIONS, the object resolveOptions
    // starts from, would pass whatever the defaults were.
    const documented = {
      siteTitle: "News Digest",
      siteDescription: "The day's news, gathered from many outlets.",
      siteUrl: "",
      language: "en",
      timeZone: "UTC",
      contentDir: "content",
      pageSize: 20,
      mode: "strict",
      feedSize: 50,
      websubHub: "",
      futureArticles: "build",
      cacheDir: ".cache/news-digest",
      search: true,
      layoutsDir: "layouts",
      topStories: 5,
      maxFileSize: 1048576,
    };
    expect(resolveOptions({})).toEqual(documented);
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
          pagesize: expected a known option (siteTitle, siteDescription, siteUrl, language, timeZone, contentDir, pageSize, mode, feedSize, websubHub, futureArticles, cacheDir, search, layoutsDir, topStories, maxFileSize), received an unknown option. Hint: check the spelling]
    `);
  });

  it("accepts a site URL with or without a trailing slash and stores it without one", () => {
    expect(resolveOptions({ siteUrl: "https://you.github.io/" }).siteUrl).toBe("https://you.github.io");
    expect(resolveOptions({ siteUrl: "https://you.github.io" }).siteUrl).toBe("https://you.github.io");
    expect(resolveOptions({ siteUrl: "http://localhost:8080/" }).siteUrl).toBe("http://localhost:8080");
  });

  it("keeps a site URL's path, with one trailing slash, for the build to check against the path prefix", () => {
    expect(resolveOptions({ siteUrl: "https://you.github.io/news" }).siteUrl).toBe("https://you.github.io/news/");
    expect(resolveOptions({ siteUrl: "https://you.github.io/news//" }).siteUrl).toBe("https://you.github.io/news/");
  });
});

describe("requireSiteUrl", () => {
  it("passes a configured site URL", () => {
    expect(() => requireSiteUrl(resolveOptions({ siteUrl: "https://news.example.org" }))).not.toThrow();
  });

  it("names the option and the starter's environment variable when it is empty", () => {
    expect(() => requireSiteUrl(resolveOptions({}))).toThrowErrorMatchingInlineSnapshot(`
      [NewsDigestError: [news-digest] a required plugin option is missing:
        options
          siteUrl: expected the absolute http(s) address the site is served from, received the string "". Hint: set the siteUrl option (e.g. siteUrl: "https://news.example.org") or, in the starter site, the NEWS_DIGEST_URL environment variable]
    `);
  });
});

import { describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { articleFile } from "../helpers/article-file.js";
import { makeFixtureFolders, writeCapturing, writeFiles } from "../helpers/build-fixture.js";
import { errorMessages } from "../helpers/build-site.js";

describe("when Pagefind cannot write its bundle", () => {
  it("fails the build with Pagefind's reason instead of hanging or passing", async () => {
    const site = makeFixtureFolders("pagefind-fails", { content: { "a.md": articleFile({ title: "A story" }) } });
    // A file where the bundle's folder must go: Pagefind's writer panics on it.
    writeFiles(site.outputDir, { pagefind: "not a folder" });
    const { error } = await writeCapturing(site.inputDir, site.outputDir, undefined, (eleventyConfig) => {
      eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir });
    });
    expect(errorMessages(error)).toMatch(/\[news-digest\] Pagefind stopped before writing the search bundle to .*_site\/pagefind/);
  }, 60_000);
});

import { chmodSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { articleFile } from "../helpers/article-file.js";
import { makeFixtureFolders, writeCapturing, writeFiles, type FixtureFolders } from "../helpers/build-fixture.js";
import { errorMessages } from "../helpers/build-site.js";

const buildWithSearch = (site: FixtureFolders) =>
  writeCapturing(site.inputDir, site.outputDir, undefined, (eleventyConfig) => {
    eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir });
  });

describe("when the search bundle cannot be written", () => {
  const savedBinary = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  afterEach(() => {
    if (savedBinary === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    else process.env.PAGEFIND_EXTENDED_BINARY_PATH = savedBinary;
  });

  it("fails the build naming the file in the bundle's way", async () => {
    const site = makeFixtureFolders("pagefind-blocked", { content: { "a.md": articleFile({ title: "A story" }) } });
    writeFiles(site.outputDir, { pagefind: "not a folder" });
    const { error } = await buildWithSearch(site);
    expect(errorMessages(error)).toContain(`[news-digest] cannot write the search bundle: ${path.join(site.outputDir, "pagefind")} is a file, not a folder.`);
  }, 60_000);

  it("fails the build with Pagefind's own output when Pagefind crashes, instead of hanging, passing or printing it", async () => {
    const site = makeFixtureFolders("pagefind-crashes", { content: { "a.md": articleFile({ title: "A story" }) } });
    // Stands in for a Pagefind that panics: the indexer must report what any crashing binary printed.
    writeFiles(site.root, { "pagefind-panics": "#!/bin/sh\necho \"thread 'main' panicked at pagefind/src/output/mod.rs:424:46\" >&2\nexit 101\n" });
    chmodSync(path.join(site.root, "pagefind-panics"), 0o755);
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = path.join(site.root, "pagefind-panics");
    const { error } = await buildWithSearch(site);
    expect(errorMessages(error)).toContain("[news-digest] Pagefind failed to write the search bundle:\n  Pagefind exited with code 101:\n  thread 'main' panicked at pagefind/src/output/mod.rs:424:46");
  }, 60_000);

  it("fails the build naming the Pagefind binary it could not start", async () => {
    const site = makeFixtureFolders("pagefind-missing", { content: { "a.md": articleFile({ title: "A story" }) } });
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = path.join(site.root, "no-such-pagefind");
    const { error } = await buildWithSearch(site);
    expect(error?.message).toBe(`[news-digest] Pagefind failed to start:\n  ${path.join(site.root, "no-such-pagefind")}: spawn ${path.join(site.root, "no-such-pagefind")} ENOENT`);
  }, 60_000);
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { articleFile } from "../helpers/article-file.js";
import { writeCapturing } from "../helpers/build-fixture.js";
import { errorMessages } from "../helpers/build-site.js";

describe("when Pagefind cannot write its bundle", () => {
  it("fails the build with Pagefind's reason instead of hanging or passing", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "nd-pagefind-fails-"));
    const content = path.join(root, "content");
    const output = path.join(root, "_site");
    for (const dir of [content, output, path.join(root, "site")]) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(content, "a.md"), articleFile({ title: "A story" }));
    // A file where the bundle's folder must go: Pagefind's writer panics on it.
    writeFileSync(path.join(output, "pagefind"), "not a folder");
    const { error } = await writeCapturing(path.join(root, "site"), output, undefined, (eleventyConfig) => {
      eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: content, layoutsDir: path.join(root, "layouts") });
    });
    expect(errorMessages(error)).toMatch(/\[news-digest\] Pagefind stopped before writing the search bundle to .*_site\/pagefind/);
  }, 60_000);
});

import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { articleFile } from "../helpers/article-file.js";
import { fixtureBuild, makeFixtureFolders, writeCapturing, writeFiles } from "../helpers/build-fixture.js";

describe("the content folder's boundary, through real builds", () => {
  it("never reads the output folder inside it (its robots.txt), nor a linked file outside it", async () => {
    const site = makeFixtureFolders("boundary", { content: { "a.md": articleFile({ title: "Inside story" }) } });
    writeFiles(site.root, { "outside/secret.md": articleFile({ title: "Outside secret", originalUrl: "https://outlet.example.com/secret" }) });
    symlinkSync(path.join(site.root, "outside/secret.md"), path.join(site.contentDir, "secret.md"));
    const outputDir = path.join(site.contentDir, "_site");
    const build = () =>
      writeCapturing(site.inputDir, outputDir, undefined, (eleventyConfig) => {
        eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir, search: false });
      });
    expect((await build()).error).toBeUndefined();
    // The second build finds the first one's robots.txt and feeds under content/_site: they must not be read as articles.
    const second = await build();
    expect(second.error).toBeUndefined();
    const result = fixtureBuild(site.root, outputDir, second.logs, second.error);
    expect(result.read("/index.html")).toContain("Inside story");
    expect(result.files().map((f) => result.read(f)).join("\n")).not.toContain("Outside secret");
    const logs = second.logs.join("\n");
    expect(logs).toContain("received the output folder, inside the content folder");
    expect(logs).toMatch(/content\/secret\.md\n\s+warning: expected an article file or a folder, received a symbolic link to a file outside the content folder/);
  });
});

import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import { makeFixtureFolders, writeCapturing, writeFiles } from "../helpers/build-fixture.js";
import { articleFile, articlePagePath } from "../helpers/article-file.js";

// Every character picomatch (behind Eleventy's ignores) reads as syntax, and a few that are common in folder names.
const NAMES = ["news(1)", "[drafts]", "a{b,c}", "x*y", "why?", "!not", "+plus", "@at", "a|b", "^caret$", "back\\slash", "ext(glob)+", "plain"];

describe("Eleventy never reads article files as templates", () => {
  for (const name of NAMES) {
    it(`with the content folder named ${JSON.stringify(name)} inside Eleventy's input folder`, async () => {
      const site = makeFixtureFolders("ignore");
      const contentDir = path.join(site.inputDir, name);
      // Rendered as a template, this file would run code and claim /pwned/.
      const hostile = "---js\n{ permalink: \"/pwned/\", title: require('node:fs').writeFileSync(" + JSON.stringify(path.join(site.root, "ran")) + ", 'x') }\n---\n<script>alert(1)</script>\n";
      writeFiles(contentDir, { "good.md": articleFile({ title: "Good" }), "hostile.md": hostile });
      const previousCwd = process.cwd();
      process.chdir(site.root);
      try {
        await writeCapturing(site.inputDir, site.outputDir, undefined, (eleventyConfig) => {
          eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir, layoutsDir: site.layoutsDir, search: false, mode: "lenient" });
        });
      } finally {
        process.chdir(previousCwd);
      }
      expect(existsSync(path.join(site.root, "ran")), "the ---js code ran").toBe(false);
      expect(existsSync(path.join(site.outputDir, "pwned"))).toBe(false);
      expect(existsSync(path.join(site.outputDir, name, "good", "index.html"))).toBe(false);
      expect(existsSync(path.join(site.outputDir, articlePagePath({ title: "Good" })))).toBe(true);
    });
  }
});

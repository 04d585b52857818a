import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import newsDigest from "../../plugin/index.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { articleFile } from "../helpers/article-file.js";

describe("when Pagefind cannot write its bundle", () => {
  it("fails the build with Pagefind's reason instead of hanging or passing", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "nd-pagefind-fails-"));
    const content = path.join(root, "content");
    const output = path.join(root, "_site");
    mkdirSync(content, { recursive: true });
    mkdirSync(output, { recursive: true });
    mkdirSync(path.join(root, "site"), { recursive: true });
    writeFileSync(path.join(content, "a.md"), articleFile({ title: "A story" }));
    // A file where the bundle's folder must go: Pagefind's writer panics on it.
    writeFileSync(path.join(output, "pagefind"), "not a folder");
    const elev = new Eleventy(path.join(root, "site"), output, {
      quietMode: true,
      configPath: false,
      config(eleventyConfig: EleventyConfig) {
        eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: content, layoutsDir: path.join(root, "layouts") });
      },
    });
    const original = { log: console.log, error: console.error };
    console.log = console.error = () => undefined;
    try {
      await expect(elev.write()).rejects.toThrow(/\[news-digest\] Pagefind/);
    } finally {
      Object.assign(console, original);
    }
  }, 60_000);
});

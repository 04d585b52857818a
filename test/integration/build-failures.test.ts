import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import { attachDigestBuild } from "../../plugin/attach.js";
import { createDigestBuild } from "../../src/build/digest-build.js";
import { articleFile } from "../helpers/article-file.js";
import { makeFixtureFolders, writeCapturing, writeFiles } from "../helpers/build-fixture.js";
import { errorMessages } from "../helpers/build-site.js";
import { rebuildLikeWatcher } from "../helpers/watch-rebuild.js";

const root = path.resolve(import.meta.dirname, "../..");

/** This process's child processes that are Pagefind, running or defunct (a zombie is what an unreaped child leaves). */
function pagefindChildren(): string[] {
  const out = execFileSync("ps", ["-o", "pid=,stat=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" }).trim();
  return out.split("\n").filter((line) => /pagefind/.test(line));
}

const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
  const saved = console.log;
  console.log = () => undefined;
  try {
    return await run();
  } finally {
    console.log = saved;
  }
};

/** Eleventy prints a failed build's error through console.error and console.warn too. */
const silenced = async <T>(run: () => Promise<T>): Promise<T> => {
  const saved = { error: console.error, warn: console.warn };
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return await run();
  } finally {
    Object.assign(console, saved);
  }
};

describe("Pagefind's process", () => {
  it("is gone after a strict failure in the before-build step", async () => {
    const site = makeFixtureFolders("strict-search", { content: { "good.md": articleFile({ title: "Good" }), "bad.md": articleFile({ title: undefined }) } });
    const { error } = await writeCapturing(site.inputDir, site.outputDir, undefined, (eleventyConfig) => {
      attachDigestBuild(eleventyConfig, createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir }));
    });
    expect(errorMessages(error)).toContain("1 invalid article file (strict mode)");
    expect(pagefindChildren()).toEqual([]);
  });

  it("leaves no process or zombie after five watch rebuilds", async () => {
    const site = makeFixtureFolders("rebuilds-search", { content: { "a.md": articleFile({ title: "A" }) } });
    const build = createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir });
    const elev = new Eleventy(site.inputDir, site.outputDir, { quietMode: true, configPath: false, runMode: "watch", config: (eleventyConfig) => attachDigestBuild(eleventyConfig, build) });
    await quietly(() => elev.write());
    for (let n = 1; n <= 5; n++) {
      writeFiles(site.contentDir, { "a.md": articleFile({ title: `A, edit ${n}` }) });
      await quietly(() => rebuildLikeWatcher(elev, build));
    }
    build.close();
    expect(pagefindChildren()).toEqual([]);
  }, 60_000);
});

describe("a site template that fails to render in watch mode", () => {
  it("leaves no indexer running once the next rebuild starts, and that rebuild publishes search", async () => {
    const site = makeFixtureFolders("template-throws", { content: { "a.md": articleFile({ title: "A" }) }, site: { "broken.11ty.js": "export default { render() { throw new Error('template bug'); } };\n" } });
    const build = createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir });
    const elev = new Eleventy(site.inputDir, site.outputDir, { quietMode: true, configPath: false, runMode: "watch", config: (eleventyConfig) => attachDigestBuild(eleventyConfig, build) });
    const failed = await quietly(() => silenced(() => elev.write().then(() => undefined, (error: unknown) => error)));
    expect(String(failed)).toContain("broken.11ty.js");
    writeFiles(site.inputDir, { "broken.11ty.js": "export default { render() { return 'fixed'; } };\n" });
    await quietly(() => rebuildLikeWatcher(elev, build));
    build.close();
    expect(pagefindChildren()).toEqual([]);
    expect(existsSync(path.join(site.outputDir, ".news-digest-search"))).toBe(false);
    expect(existsSync(path.join(site.outputDir, "pagefind", "pagefind-entry.json"))).toBe(true);
  }, 60_000);
});

describe("a strict build with one bad file, run as a publisher runs it (npx eleventy)", () => {
  it("prints that file's problem exactly once, with no stack trace of plugin internals", () => {
    const site = makeFixtureFolders("print-once", { content: { "good.md": articleFile({ title: "Good" }), "bad.md": articleFile({ title: undefined }) } });
    const plugin = path.join(root, "dist/plugin/index.js");
    writeFiles(site.root, {
      "eleventy.config.mjs": `import newsDigest from ${JSON.stringify(plugin)};\nexport default (c) => { c.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: "content", layoutsDir: "layouts", search: false }); return { dir: { input: "site" } }; };\n`,
    });
    const run = spawnSync(process.execPath, [path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=eleventy.config.mjs"], { cwd: site.root, encoding: "utf8" });
    const printed = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(1);
    expect(printed.split("title: expected a non-empty string, received nothing (the field is missing).").length - 1).toBe(1);
    expect(printed).toContain("content/bad.md");
    expect(printed).not.toMatch(/stack trace|    at /);
  }, 60_000);
});

describe("a site layout override that is not a layout", () => {
  it("fails the build naming the file and what a layout must export", async () => {
    const site = makeFixtureFolders("bad-layout", { content: { "a.md": articleFile({ title: "A" }) }, layouts: { "card.js": "export const card = 1;\n" } });
    const { error } = await writeCapturing(site.inputDir, site.outputDir, undefined, (eleventyConfig) => {
      attachDigestBuild(eleventyConfig, createDigestBuild({ siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir, search: false }));
    });
    expect(errorMessages(error)).toContain(`[news-digest] layout ${path.join(site.layoutsDir, "card.js")}: expected a default export that is a function (data, kit) => html\`...\`, received undefined.`);
  });
});

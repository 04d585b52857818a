// Child process: one clean build of the starter site over a corpus (pages, taxonomies, feeds,
// search). Mode "build" is a deploy build (`npx eleventy`); mode "watch" is `npm start`: a clean
// build, then the rebuild its file watcher runs after one article changes. Prints one JSON line.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { trackPeakMemory, folderTotals } from "./measure.js";

const [corpus, output, mode = "build"] = process.argv.slice(2);
if (!corpus || !output || (mode !== "build" && mode !== "watch")) throw new Error("usage: full-build.js <corpus> <output> [build|watch]");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEWS_DIGEST_CONTENT = corpus;
process.env.NEWS_DIGEST_URL = "https://bench.example.org";

const memory = trackPeakMemory();
const started = performance.now();
const { default: Eleventy } = await import("@11ty/eleventy");
const { createDigestBuild } = await import("../dist/src/build/digest-build.js");
const { attachDigestBuild } = await import("../dist/plugin/attach.js");
// The starter's settings, through the build object itself rather than the plugin entry, so its
// phase stats and background search can be read (the plugin's public entry exports neither).
const build = createDigestBuild({ siteTitle: "The Banking & Tech Digest", siteUrl: process.env.NEWS_DIGEST_URL, contentDir: corpus, layoutsDir: "layouts" }, () => undefined);
const elev = new Eleventy(path.join(root, "site"), output, {
  quietMode: true,
  configPath: false,
  runMode: mode,
  /** @param {import("../plugin/eleventy-types.js").EleventyConfig} eleventyConfig */
  config(eleventyConfig) {
    eleventyConfig.ignores.add("site/README.md");
    attachDigestBuild(eleventyConfig, build);
  },
});
await elev.write();
const wallMs = Math.round(performance.now() - started);
const phases = build.stats().phases;
const peakMiB = memory.stop();
const totals = folderTotals(output);
if (mode === "build") {
  console.log(JSON.stringify({ wallMs, peakMiB, phases, files: totals.files, bytes: totals.bytes }));
  process.exit(0);
}

// One article's title changes, and the same Eleventy instance rebuilds the way its file watcher
// does after a change (restart, init, write: Eleventy.js #watch).
const changed = path.join(corpus, readdirSync(corpus).sort()[0] ?? "");
writeFileSync(changed, readFileSync(changed, "utf8").replace(/^title: .*$/m, 'title: "A changed title"'));
const rebuildStarted = performance.now();
await elev.restart();
await elev.init();
await elev.write();
const rebuildMs = Math.round(performance.now() - rebuildStarted);
const rebuildPhases = build.stats().phases;
// The rebuild does not wait for search; this is when the refreshed index is on disk.
await build.idle();
const rebuildSearchMs = Math.round(performance.now() - rebuildStarted);

console.log(JSON.stringify({ wallMs, peakMiB, phases, rebuildMs, rebuildSearchMs, rebuildPhases }));
process.exit(0);

// Child process: one clean build of the starter site over a corpus (pages, taxonomies, feeds,
// search). Mode "build" is a deploy build (`npx eleventy`); mode "watch" is `npm start`: a clean
// build, then the rebuild its file watcher runs after one article changes. Mode "incremental" adds
// 10 articles to the corpus, then runs a deploy build into an output folder the previous run of this
// script left (with the build cache the bench points NEWS_DIGEST_CACHE at). Prints one JSON line.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { trackPeakMemory, folderTotals, filesContaining } from "./measure.js";

const [corpus, output, mode = "build"] = process.argv.slice(2);
if (!corpus || !output || !["build", "watch", "incremental"].includes(mode)) throw new Error("usage: full-build.js <corpus> <output> [build|watch|incremental]");
if (mode === "incremental") addArticles(corpus, 10);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEWS_DIGEST_CONTENT = corpus;
process.env.NEWS_DIGEST_URL = "https://bench.example.org";

/**
 * Ten new articles, as a publisher's next day brings: made from the corpus's last ten files under
 * new URLs and headlines and dated after every article there, so they are the newest stories.
 * @param {string} dir @param {number} count
 */
function addArticles(dir, count) {
  const names = readdirSync(dir).filter((name) => name.endsWith(".md")).sort();
  let newest = 0;
  for (const name of names) {
    const date = /^publishedDateTime: "?([^"\n]+)"?$/m.exec(readFileSync(path.join(dir, name), "utf8"))?.[1];
    if (date) newest = Math.max(newest, Date.parse(date) || 0);
  }
  names.slice(-count).forEach((name, i) => {
    const text = readFileSync(path.join(dir, name), "utf8")
      .replace(/^originalUrl: "?(https?:\/\/[^"\n]+?)"?$/m, (_, url) => `originalUrl: "${url}/new-${i}"`)
      .replace(/^title: .*$/m, `title: "New article ${i} for the incremental build"`)
      .replace(/^publishedDateTime: .*$/m, `publishedDateTime: "${new Date(newest + (i + 1) * 60_000).toISOString()}"`);
    writeFileSync(path.join(dir, `zz-new-${i}.md`), text);
  });
}

const memory = trackPeakMemory();
const started = performance.now();
const { default: Eleventy } = await import("@11ty/eleventy");
const { createDigestBuild } = await import("../dist/src/build/digest-build.js");
const { attachDigestBuild } = await import("../dist/plugin/attach.js");
// The starter's settings, through the build object itself rather than the plugin entry, so its
// phase stats and background search can be read (the plugin's public entry exports neither).
let wrote = "";
const build = createDigestBuild({ siteTitle: "The Banking & Tech Digest", siteUrl: process.env.NEWS_DIGEST_URL, contentDir: corpus, layoutsDir: "layouts" }, (message) => {
  if (message.startsWith("[news-digest] wrote ")) wrote = message;
});
const elev = new Eleventy(path.join(root, "site"), output, {
  quietMode: true,
  configPath: false,
  runMode: mode === "watch" ? "watch" : "build",
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
if (mode !== "watch") {
  console.log(JSON.stringify({ wallMs, peakMiB, phases, files: totals.files, bytes: totals.bytes, wrote }));
  process.exit(0);
}

// One article's title changes, and the same Eleventy instance rebuilds the way its file watcher
// does after a change (restart, init, write: Eleventy.js #watch).
const changed = path.join(corpus, readdirSync(corpus).sort()[0] ?? "");
const changedTitle = "A changed title";
writeFileSync(changed, readFileSync(changed, "utf8").replace(/^title: .*$/m, `title: "${changedTitle}"`));
const rebuildStarted = performance.now();
await elev.restart();
await elev.init();
await elev.write();
const rebuildMs = Math.round(performance.now() - rebuildStarted);
const rebuildPhases = build.stats().phases;
// The rebuild does not wait for search; this is when the refreshed index is on disk. Waited for
// before the output is read below: reading 400 MB beside Pagefind made the index land later.
await build.idle();
const rebuildSearchMs = Math.round(performance.now() - rebuildStarted);
// When the last page or feed that shows the edited headline was written, after the rebuild began
// (file times, so reading them after the index is in makes no difference).
const showing = filesContaining(output, changedTitle);
// None when the edited article is one the site does not show (unpublished or embargoed).
const rebuildEditedMs = showing.length > 0 ? Math.round(Math.max(...showing.map((file) => file.mtimeMs)) - (performance.timeOrigin + rebuildStarted)) : null;

console.log(JSON.stringify({ wallMs, peakMiB, phases, rebuildMs, rebuildEditedMs, rebuildEditedFiles: showing.length, rebuildSearchMs, rebuildPhases }));
process.exit(0);

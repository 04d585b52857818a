// Child process: the floor any Eleventy site pays. A plain Eleventy site renders each article
// file as its own page through one small Nunjucks layout: no taxonomies, feeds or search.
import path from "node:path";
import { trackPeakMemory, folderTotals } from "./measure.js";

const [corpus, output] = process.argv.slice(2);
if (!corpus || !output) throw new Error("usage: floor-build.js <corpus> <output>");
const memory = trackPeakMemory();
const started = performance.now();
const { default: Eleventy } = await import("@11ty/eleventy");
const elev = new Eleventy(corpus, output, {
  quietMode: true,
  configPath: false,
  /** @param {import("@11ty/eleventy").EleventyUserConfig} eleventyConfig */
  config(eleventyConfig) {
    eleventyConfig.addTemplate(
      "_includes/article.njk",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><article><h1>{{ title }}</h1><p>{{ provider.name }} · {{ publishedDateTime }}</p><p>{{ excerpt }}</p>{% for topic in topics %}<a href="/topics/{{ topic | slugify }}/">{{ topic }}</a> {% endfor %}<a href="{{ originalUrl }}">Read at {{ provider.name }}</a></article></body></html>`,
    );
    eleventyConfig.addGlobalData("layout", "article.njk");
  },
});
await elev.write();
const wallMs = Math.round(performance.now() - started);
const peakMiB = memory.stop();
const totals = folderTotals(output);
console.log(JSON.stringify({ wallMs, peakMiB, files: totals.files, bytes: totals.bytes, output: path.basename(output) }));
process.exit(0);

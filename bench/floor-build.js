// Child process: the floor any Eleventy site pays. The plainest Eleventy site (prepare-sites.js):
// each article file rendered as its own page through one small Nunjucks layout, with Eleventy's
// defaults and no config: no taxonomies, feeds or search.
import path from "node:path";
import { trackPeakMemory, folderTotals } from "./measure.js";

const [site, output] = process.argv.slice(2);
if (!site || !output) throw new Error("usage: floor-build.js <site> <output>");
// Run from the site's folder, as `npx @11ty/eleventy` there would: no project file of this
// repository (.gitignore, .eleventyignore, a config) takes part.
process.chdir(site);
const memory = trackPeakMemory();
const started = performance.now();
const { default: Eleventy } = await import("@11ty/eleventy");
const elev = new Eleventy(".", path.resolve(output), { quietMode: true, configPath: false });
await elev.write();
const wallMs = Math.round(performance.now() - started);
const peakMiB = memory.stop();
const totals = folderTotals(output);
console.log(JSON.stringify({ wallMs, peakMiB, files: totals.files, bytes: totals.bytes, output: path.basename(output) }));
process.exit(0);

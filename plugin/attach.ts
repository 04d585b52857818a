import path from "node:path";
import type { DigestBuild } from "../src/build/digest-build.js";
import { siteCollections } from "../src/build/collections.js";
import { contentIgnoreGlob } from "../src/build/content-ignore.js";
import { formatDateValue } from "../src/build/filters.js";
import { SINGLE_PAGES, singlePageInputPath } from "../src/site/single-pages.js";
import type { EleventyConfig } from "./eleventy-types.js";

/** Wires one digest build into Eleventy: its folders, single pages, collections and filters, and Eleventy's build events. */
export function attachDigestBuild(eleventyConfig: EleventyConfig, build: DigestBuild): void {
  const contentDir = path.resolve(build.options.contentDir);
  eleventyConfig.ignores.add(contentIgnoreGlob(contentDir));
  eleventyConfig.addWatchTarget(path.resolve(build.options.layoutsDir));
  eleventyConfig.addWatchTarget(build.contentSignal);
  for (const page of SINGLE_PAGES) {
    const data = { eleventyExcludeFromCollections: true, permalink: page.permalink };
    eleventyConfig.addTemplate(singlePageInputPath(page), { data, render: () => page.render(build.current()) });
  }
  const collection = siteCollections();
  for (const name of ["articles", "providers", "topics"] as const) eleventyConfig.addCollection(name, () => collection(build.latest(), name));
  eleventyConfig.addFilter("newsDigestUrl", (pagePath: string) => build.current().kit.url(pagePath));
  eleventyConfig.addFilter("newsDigestDate", (value: unknown) => formatDateValue(build.current().kit, value));
  eleventyConfig.on("eleventy.before", ({ directories, runMode, outputMode }) =>
    build.before({ outputDir: directories.output, runMode, writesFiles: outputMode === "fs", pathPrefix: eleventyConfig.pathPrefix, quiet: eleventyConfig.quietMode === true }),
  );
  eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl }) => build.checkTemplates(inputPathToUrl));
  eleventyConfig.on("eleventy.after", ({ results }) => build.after(results));
}


// The starter news digest: Eleventy 3 plus this plugin. Everything a site owner usually changes is here.
// Build: `npm run site` (or `npx eleventy`); build and serve with live reload: `npm start`.
import newsDigest from "./dist/plugin/index.js";

/** @param {import("./plugin/eleventy-types.js").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.addPlugin(newsDigest, {
    siteTitle: "The Banking & Tech Digest",
    siteDescription: "Fictional sample news, gathered from many outlets.",
    // Feeds, sitemaps and canonical links need the public address. Set NEWS_DIGEST_URL when you
    // deploy; the fallback suits `npm start` on this machine.
    siteUrl: process.env.NEWS_DIGEST_URL || "http://localhost:8080",
    // Point the site at another folder of articles without editing this file: NEWS_DIGEST_CONTENT=path.
    contentDir: process.env.NEWS_DIGEST_CONTENT || "content",
    language: "en",
    // Dates written without an offset are read in this zone, and every date is shown in it.
    timeZone: "UTC",
    pageSize: 20,
    // "strict" stops the build on any invalid article file; "lenient" skips and lists them.
    mode: "strict",
    // Copy any file of layouts/ into this folder to restyle it; see README "Layouts".
    layoutsDir: "layouts",
  });

  eleventyConfig.ignores.add("site/README.md");

  return {
    // Articles are read by the plugin, not by Eleventy; `site/` holds only your own extra pages, if any.
    // Output goes to Eleventy's default `_site/` (change it with `--output`).
    dir: { input: "site" },
    // For a project site such as https://you.github.io/news/, build with `--pathprefix=/news/`.
    pathPrefix: "/",
  };
}

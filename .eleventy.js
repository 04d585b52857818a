// The starter news digest: Eleventy 3 plus this plugin. Everything a site owner usually changes is here.
// Build and serve with live reload: `npm start`. Build to deploy: `NEWS_DIGEST_URL=https://… npm run site`.
import newsDigest from "./dist/plugin/index.js";

/** @param {import("./plugin/eleventy-types.js").EleventyConfig} eleventyConfig */
export default function (eleventyConfig) {
  // Eleventy 3 sets ELEVENTY_RUN_MODE ("build" | "serve" | "watch") before it reads this file.
  const serving = ["serve", "watch"].includes(process.env.ELEVENTY_RUN_MODE ?? "");
  eleventyConfig.addPlugin(newsDigest, {
    siteTitle: "The Banking & Tech Digest",
    siteDescription: "Fictional sample news, gathered from many outlets.",
    // Feeds, sitemaps and canonical links need the public address: set NEWS_DIGEST_URL (its subpath,
    // if any, must match --pathprefix). Only the dev server falls back to localhost, so a build meant
    // for deploying never points at this machine: without the variable it stops and says so.
    siteUrl: process.env.NEWS_DIGEST_URL || (serving ? "http://localhost:8080" : ""),
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

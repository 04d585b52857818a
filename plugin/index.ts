import { createDigestBuild } from "../src/build/digest-build.js";
import { MESSAGE_PREFIX, type NewsDigestOptions } from "../src/index.js";
import { attachDigestBuild } from "./attach.js";
import type { EleventyConfig } from "./eleventy-types.js";

export type { NewsDigestOptions } from "../src/index.js";
export type { EleventyConfig } from "./eleventy-types.js";

// Marks a config the plugin was added to: a second addPlugin is ignored with a notice (the first call's options win).
const ADDED = Symbol.for("eleventy-plugin-news-digest.added");

/** The Eleventy plugin: validates the options once, then hands every build to the core's build object. */
export default function newsDigest(eleventyConfig: EleventyConfig, userOptions: Partial<NewsDigestOptions> = {}): void {
  eleventyConfig.versionCheck(">=3.0.0");
  if (Reflect.get(eleventyConfig, ADDED)) {
    console.log(`${MESSAGE_PREFIX} the plugin was added twice; the second addPlugin call is ignored.`);
    return;
  }
  Reflect.set(eleventyConfig, ADDED, true);
  attachDigestBuild(eleventyConfig, createDigestBuild(userOptions));
}

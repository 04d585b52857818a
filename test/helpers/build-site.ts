import newsDigest from "../../plugin/index.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { fixtureBuild, makeFixtureFolders, writeCapturing, type FixtureBuild } from "./build-fixture.js";

/** Plugin options as a site owner might write them, right or wrong: the build is what checks them. */
export type RawOptions = Record<string, unknown>;

export interface SiteSpec {
  /** Used in the temp folder's name. */
  name: string;
  /** Article files to write into the content folder, by relative path. */
  files?: Record<string, string>;
  /** The site's own templates, written into Eleventy's input folder by relative path. */
  siteFiles?: Record<string, string>;
  /** Eleventy's path prefix, e.g. "/news/". */
  pathPrefix?: string;
  /**
   * How the site adds the plugin. `addPlugin` calls `eleventyConfig.addPlugin(newsDigest, …)` with
   * `withFixture(options)`: the fixture's content and layouts folders, a site URL and no search
   * filled in. Default: add it once.
   */
  configure?: (eleventyConfig: EleventyConfig, addPlugin: (options?: RawOptions) => void, withFixture: (options?: RawOptions) => RawOptions) => void;
}

/**
 * Like `buildFixture` (a real Eleventy `write()`, project `.eleventy.js` not loaded), for the cases
 * it cannot express: a site with templates of its own, and sites that add the plugin in unusual
 * ways (twice, with bad options). Kept separate so the shared helper stays as the other suites use it.
 */
export async function buildSite(spec: SiteSpec): Promise<FixtureBuild> {
  const { root, contentDir, inputDir, layoutsDir, outputDir } = makeFixtureFolders(spec.name, { content: spec.files ?? {}, site: spec.siteFiles ?? {} });

  const { logs, error } = await writeCapturing(inputDir, outputDir, spec.pathPrefix, (eleventyConfig) => {
    const withFixture = (options: RawOptions = {}): RawOptions => ({ siteUrl: "https://digest.example.org", search: false, ...options, contentDir, layoutsDir });
    const addPlugin = (options: RawOptions = {}): void => {
      eleventyConfig.addPlugin(newsDigest as (config: EleventyConfig, options: RawOptions) => void, withFixture(options));
    };
    if (spec.configure) spec.configure(eleventyConfig, addPlugin, withFixture);
    else addPlugin();
  });
  return fixtureBuild(root, outputDir, logs, error);
}

/**
 * Every message down an error's chain. Eleventy wraps errors thrown by plugins and event handlers
 * ("Error processing the `newsDigest` plugin"), keeping the plugin's own on `originalError` or `cause`.
 */
export function errorMessages(error: Error | undefined): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error; ) {
    messages.push(current.message);
    const wrapped: unknown = (current as Error & { originalError?: unknown }).originalError;
    current = wrapped instanceof Error ? wrapped : current.cause;
  }
  return messages.join("\n");
}

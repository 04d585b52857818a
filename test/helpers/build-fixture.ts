import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, cpSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import newsDigest from "../../plugin/index.js";
import type { NewsDigestOptions } from "../../src/index.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";
import { makeTempDir } from "./temp-dir.js";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures");

export interface FixtureSpec {
  /** Used in the temp folder's name. */
  name: string;
  /** Article files to write, by relative path. */
  files?: Record<string, string>;
  /** An existing folder of article files (e.g. test/fixtures/<scenario>/content); copied, never built in place. */
  contentDir?: string;
  options?: Partial<NewsDigestOptions>;
  /** Eleventy's path prefix, e.g. "/news/". */
  pathPrefix?: string;
  /** Layout overrides to write into the site's layouts folder, by file name. */
  layouts?: Record<string, string>;
}

export interface FixtureBuild {
  root: string;
  outputDir: string;
  /** Everything the plugin and Eleventy printed. */
  logs: string[];
  /** The build's error, when it failed. */
  error?: Error;
  exists(sitePath: string): boolean;
  read(sitePath: string): string;
  /** Every written file, site-relative with a leading slash. */
  files(): string[];
  /**
   * The page URL of the one article whose address starts with `readable` (`/articles/<date>-<headline>/`):
   * addresses end in a hash of the canonical URL, which tests need not spell out.
   */
  articleUrl(readable: string): string;
  /** Whether an article page with that readable address was written. */
  hasArticle(readable: string): boolean;
}

/** A temporary site's folders: content, Eleventy input and layouts (created) and output (not yet). */
export interface FixtureFolders {
  root: string;
  contentDir: string;
  inputDir: string;
  layoutsDir: string;
  outputDir: string;
}

/**
 * Makes a temporary site named after `name`, with files written into its folders by relative path.
 * Its folder is removed after the test file's last test (see temp-dir.ts).
 */
export function makeFixtureFolders(name: string, files: { content?: Record<string, string>; site?: Record<string, string>; layouts?: Record<string, string> } = {}): FixtureFolders {
  const root = makeTempDir(name);
  const folders = { root, contentDir: path.join(root, "content"), inputDir: path.join(root, "site"), layoutsDir: path.join(root, "layouts"), outputDir: path.join(root, "_site") };
  for (const dir of [folders.contentDir, folders.inputDir, folders.layoutsDir]) mkdirSync(dir, { recursive: true });
  writeFiles(folders.contentDir, files.content ?? {});
  writeFiles(folders.inputDir, files.site ?? {});
  writeFiles(folders.layoutsDir, files.layouts ?? {});
  return folders;
}

/** Writes files into `dir` by relative path, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/**
 * Builds a fixture site with a real Eleventy `write()` (Pagefind and the feeds need files on
 * disk). The project's own `.eleventy.js` is not loaded: each fixture configures the plugin alone.
 */
export async function buildFixture(spec: FixtureSpec): Promise<FixtureBuild> {
  const { root, contentDir, inputDir, layoutsDir, outputDir } = makeFixtureFolders(spec.name, { layouts: spec.layouts ?? {} });
  // A fixture folder first, so a test's own files can add to it or replace one of its files.
  if (spec.contentDir) cpSync(spec.contentDir, contentDir, { recursive: true });
  writeFiles(contentDir, spec.files ?? {});

  const { logs, error } = await writeCapturing(inputDir, outputDir, spec.pathPrefix, (eleventyConfig) => {
    eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", ...spec.options, contentDir, layoutsDir });
  });
  return fixtureBuild(root, outputDir, logs, error);
}

/**
 * One real Eleventy `write()` (no config file: `configure` sets the site up), with everything it
 * and the plugin print captured instead of shown, and its error kept rather than thrown.
 */
export async function writeCapturing(inputDir: string, outputDir: string, pathPrefix: string | undefined, configure: (eleventyConfig: EleventyConfig) => void): Promise<{ logs: string[]; error?: Error }> {
  const logs: string[] = [];
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const capture = (...args: unknown[]): void => {
    logs.push(args.map(String).join(" "));
  };
  Object.assign(console, { log: capture, warn: capture, error: capture });
  try {
    const elev = new Eleventy(inputDir, outputDir, { quietMode: true, configPath: false, ...(pathPrefix ? { pathPrefix } : {}), config: configure });
    await elev.write();
    return { logs };
  } catch (caught) {
    return { logs, error: caught instanceof Error ? caught : new Error(String(caught)) };
  } finally {
    Object.assign(console, saved);
  }
}

/** What a finished fixture build offers its tests: the output folder, read by site path. */
export function fixtureBuild(root: string, outputDir: string, logs: string[], error?: Error): FixtureBuild {
  const resolve = (sitePath: string): string => path.join(outputDir, sitePath.replace(/^\/+/, ""), sitePath.endsWith("/") ? "index.html" : "");
  const files = (): string[] => listFiles(outputDir).map((file) => `/${path.relative(outputDir, file).split(path.sep).join("/")}`);
  const articlesAt = (readable: string): string[] => {
    const pattern = new RegExp(`^${readable.replace(/\/$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-[0-9a-f]{10}/index\\.html$`);
    return files().filter((file) => pattern.test(file)).map((file) => file.replace(/index\.html$/, ""));
  };
  return {
    root,
    outputDir,
    logs,
    ...(error ? { error } : {}),
    exists: (sitePath) => existsSync(resolve(sitePath)),
    read: (sitePath) => readFileSync(resolve(sitePath), "utf8"),
    files,
    articleUrl: (readable) => {
      const found = articlesAt(readable);
      if (found.length !== 1) throw new Error(`expected one article page at ${readable}-<hash>/, found ${found.length}: ${found.join(", ")}`);
      return found[0] as string;
    },
    hasArticle: (readable) => articlesAt(readable).length > 0,
  };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

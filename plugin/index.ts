import path from "node:path";
import {
  ArticleCache,
  MESSAGE_PREFIX,
  loadDigest,
  resolveOptions,
  type Digest,
  type NewsDigestOptions,
} from "../src/index.js";
import { PhaseTimer, type BuildStats } from "../src/build-stats.js";
import { createKit, siteInfo, type LayoutKit } from "../src/site/kit.js";
import { loadLayouts, type LoadedLayouts } from "../src/site/load-layouts.js";
import { planSite, type SitePlan } from "../src/site/pages.js";
import { writeOutputFiles } from "../src/site/write-files.js";
import { renderSitemaps } from "../src/site/sitemap.js";
import { feedLinks, listFeeds, renderAllFeeds, type FeedSite } from "../src/feeds/index.js";
import { searchRecords } from "../src/search/records.js";
import { startSearchIndex, type PendingSearchIndex } from "../src/search/build-index.js";
import type { EleventyConfig } from "./eleventy-types.js";
import { registerTemplates } from "./templates.js";

export type { NewsDigestOptions } from "../src/index.js";
export type { EleventyConfig } from "./eleventy-types.js";

/** What the templates read each build; replaced wholesale by every `eleventy.before`. */
export interface BuildState {
  digest: Digest;
  plan: SitePlan;
  kit: LayoutKit;
  loaded: LoadedLayouts;
  feeds: ReturnType<typeof listFeeds>;
}

const configured = new WeakSet<object>();
let lastStats: BuildStats = { phases: [] };

// Eleventy 3 skips a second addPlugin of a plugin marked unique; the WeakSet covers older call paths.
newsDigest.eleventyPluginOptions = { unique: true };

/** Phase timings of the most recent build in this process (read by `npm run bench`). */
export function getBuildStats(): BuildStats {
  return lastStats;
}

const log = (message: string): void => console.log(message);

function* concat<T>(...sources: Iterable<T>[]): Generator<T> {
  for (const source of sources) yield* source;
}

/**
 * The Eleventy adapter: validates options once, reads articles through the core before each
 * build, renders pages through a few paginated virtual templates, and after the build writes
 * feeds and sitemaps and indexes search. Everything with logic lives in `src/`.
 */
export default function newsDigest(eleventyConfig: EleventyConfig, userOptions: Partial<NewsDigestOptions> = {}): void {
  eleventyConfig.versionCheck(">=3.0.0");
  if (configured.has(eleventyConfig)) {
    log(`${MESSAGE_PREFIX} the plugin was added twice; the second addPlugin call is ignored.`);
    return;
  }
  configured.add(eleventyConfig);

  const options = resolveOptions(userOptions);
  const contentDir = path.resolve(options.contentDir);
  const layoutsDir = path.resolve(options.layoutsDir);
  const cache = new ArticleCache();
  let state: BuildState | undefined;
  let timer = new PhaseTimer();
  let pendingSearch: PendingSearchIndex | undefined;

  // Articles are data, never templates: keep Eleventy from reading them if they sit inside its input folder.
  eleventyConfig.ignores.add(`${path.relative(process.cwd(), contentDir).split(path.sep).join("/") || "."}/**`);
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addWatchTarget(layoutsDir);

  const current = (): BuildState => {
    if (!state) throw new Error(`${MESSAGE_PREFIX} templates rendered before the digest was loaded.`);
    return state;
  };

  eleventyConfig.on("eleventy.before", async () => {
    timer = new PhaseTimer();
    const digest = loadDigest(options, { cache, log, timer });
    const site = siteInfo(options, eleventyConfig.pathPrefix);
    const loaded = await loadLayouts(layoutsDir);
    const plan = planSite(digest, options.pageSize, feedLinks, options.siteTitle);
    state = { digest, plan, kit: createKit(site, loaded.layouts), loaded, feeds: listFeeds(digest) };
    // A build that failed before its after-build step leaves an index open.
    await pendingSearch?.abandon();
    pendingSearch = options.search ? startSearchIndex(searchRecords(digest, { language: options.language, formatDate: state.kit.formatDate }), log) : undefined;
    timer.end("group+cluster");
  });

  eleventyConfig.addGlobalData("newsDigest", () => state);
  registerTemplates(eleventyConfig, current);

  eleventyConfig.addCollection("articles", () => (state?.digest.articles ?? []).map((article) => ({ ...article, url: article.pageUrl })));
  eleventyConfig.addCollection("providers", () => state?.plan.providers ?? []);
  eleventyConfig.addCollection("topics", () => state?.plan.topics ?? []);
  eleventyConfig.addFilter("newsDigestUrl", (pagePath: string) => current().kit.url(pagePath));
  eleventyConfig.addFilter("newsDigestDate", (iso: string) => current().kit.formatDate(iso));

  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    const { digest, plan, kit } = current();
    timer.end("render pages");
    const outputDir = path.resolve(directories.output);
    const feedSite: FeedSite = {
      siteUrl: options.siteUrl,
      pathPrefix: kit.site.pathPrefix,
      title: options.siteTitle,
      description: options.siteDescription,
      language: options.language,
      feedSize: options.feedSize,
    };
    const search = pendingSearch?.write(outputDir);
    pendingSearch = undefined;
    try {
      const written = writeOutputFiles(outputDir, concat(renderAllFeeds(digest, feedSite), renderSitemaps(plan.urls, kit)));
      timer.end("feeds");
      log(`${MESSAGE_PREFIX} wrote ${written.files} feed and sitemap files (${(written.bytes / 1048576).toFixed(1)} MiB)`);
    } finally {
      await search;
    }
    if (search) timer.end("search index");
    lastStats = timer.stats();
  });
}

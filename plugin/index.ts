import path from "node:path";
import {
  ArticleCache,
  MESSAGE_PREFIX,
  NewsDigestError,
  loadDigestInParallel,
  requireSiteUrl,
  resolveOptions,
  type Digest,
  type GroupedArticles,
  type NewsDigestOptions,
} from "../src/index.js";
import { PhaseTimer, type BuildStats } from "../src/build-stats.js";
import { createKit, siteInfo, type LayoutKit } from "../src/site/kit.js";
import { loadLayouts, type LoadedLayouts } from "../src/site/load-layouts.js";
import { planSite, type SiteIndex } from "../src/site/pages.js";
import { paginatedPageUrls } from "../src/site/page-kinds.js";
import { resolveInside, writeOutputFiles } from "../src/site/write-files.js";
import { renderSitemaps } from "../src/site/sitemap.js";
import { feedLinks, listFeeds, renderAllFeeds, type FeedSite } from "../src/feeds/index.js";
import { searchRecordBatches } from "../src/search/records.js";
import { openSearchIndex, type PendingSearchIndex } from "../src/search/build-index.js";
import type { EleventyConfig } from "./eleventy-types.js";
import { registerTemplates } from "./templates.js";
import { FileFingerprints } from "../src/site/page-cache.js";
import { sitePageFiles } from "../src/site/site-pages.js";
import { findPageConflicts } from "../src/site/page-conflicts.js";

export type { NewsDigestOptions } from "../src/index.js";
export type { EleventyConfig } from "./eleventy-types.js";

/** What the templates read each build; replaced wholesale by every `eleventy.before`. */
export interface BuildState {
  digest: Digest;
  site: SiteIndex;
  /** The article, list and term-index pages the core wrote this build. */
  pageUrls: string[];
  kit: LayoutKit;
  loaded: LoadedLayouts;
  feeds: ReturnType<typeof listFeeds>;
}

// A second addPlugin on the same config is ignored with a notice (the first call's options win).
const configured = new WeakSet<object>();
let lastStats: BuildStats = { phases: [] };
let lastSearch: Promise<void> = Promise.resolve();

/** Settles when the most recent build's search index is written (a watch-mode rebuild writes it in the background). */
export function searchIndexed(): Promise<void> {
  return lastSearch;
}

/** Phase timings of the most recent build in this process (read by `npm run bench`). */
export function getBuildStats(): BuildStats {
  return lastStats;
}

const log = (message: string): void => console.log(message);

function* concat<T>(...sources: Iterable<T>[]): Generator<T> {
  for (const source of sources) yield* source;
}

/**
 * The Eleventy adapter: validates options once; before each build reads the articles through the
 * core and writes their pages; registers collections, filters and the few single pages as
 * virtual templates; after the build writes feeds and sitemaps and finishes the search index.
 * Everything with logic lives in `src/`.
 */
export default function newsDigest(eleventyConfig: EleventyConfig, userOptions: Partial<NewsDigestOptions> = {}): void {
  eleventyConfig.versionCheck(">=3.0.0");
  if (configured.has(eleventyConfig)) {
    log(`${MESSAGE_PREFIX} the plugin was added twice; the second addPlugin call is ignored.`);
    return;
  }
  configured.add(eleventyConfig);

  const options = resolveOptions(userOptions);
  // Feeds, sitemaps and canonical links need it: fail before any page is written, not after.
  requireSiteUrl(options);
  const contentDir = path.resolve(options.contentDir);
  const layoutsDir = path.resolve(options.layoutsDir);
  const cache = new ArticleCache();
  let state: BuildState | undefined;
  let timer = new PhaseTimer();
  let pendingSearch: PendingSearchIndex | undefined;
  // Watch mode: what every page and feed file held when last written, so a rebuild rewrites only what changed.
  const fingerprints = new FileFingerprints();
  let watching = false;
  let rebuilding = false;
  let lastBuildCompleted = false;
  let writingFiles = true;
  const feedSite = (kit: LayoutKit): FeedSite => ({
    siteUrl: options.siteUrl,
    pathPrefix: kit.site.pathPrefix,
    title: options.siteTitle,
    description: options.siteDescription,
    language: options.language,
    feedSize: options.feedSize,
  });

  // Articles are data, never templates: keep Eleventy from reading them if they sit inside its input folder.
  eleventyConfig.ignores.add(`${path.relative(process.cwd(), contentDir).split(path.sep).join("/") || "."}/**`);
  eleventyConfig.addWatchTarget(contentDir);
  eleventyConfig.addWatchTarget(layoutsDir);

  const current = (): BuildState => {
    if (!state) throw new Error(`${MESSAGE_PREFIX} templates rendered before the digest was loaded.`);
    return state;
  };

  eleventyConfig.on("eleventy.before", async ({ runMode, directories, outputMode }) => {
    timer = new PhaseTimer();
    // `--to=json` / `--to=ndjson` ask Eleventy for data, not files: the digest writes none either.
    writingFiles = outputMode === "fs";
    // A failed build may have recorded fingerprints of files it never wrote.
    if (!lastBuildCompleted) fingerprints.clear();
    rebuilding = runMode !== "build" && lastBuildCompleted;
    lastBuildCompleted = false;
    // A build that failed before its after-build step leaves an index open; a rebuild's index may still be writing.
    await pendingSearch?.abandon();
    await lastSearch;
    // Pagefind starts up while the articles are read.
    pendingSearch = options.search && writingFiles ? openSearchIndex(log) : undefined;
    const loaded = await loadLayouts(layoutsDir);
    const kit = createKit(siteInfo(options, eleventyConfig.pathPrefix), loaded.layouts);
    const outputDir = path.resolve(directories.output);
    const search = pendingSearch;
    // Search starts from the published articles as soon as they are final, while clusters are built.
    const onGrouped = (grouped: GroupedArticles): void => {
      if (!search) return;
      for (const batch of searchRecordBatches(grouped, { language: options.language, formatDate: kit.formatDate })) search.add(batch);
      search.write(outputDir);
    };
    // Only a watching build is followed by rebuilds that can reuse parsed articles.
    const digest = await loadDigestInParallel(options, { ...(runMode === "build" ? {} : { cache }), log, timer, onGrouped });
    const plan = planSite(digest, options.pageSize, feedLinks, options.siteTitle);
    watching = runMode !== "build";
    timer.end("group+cluster");
    const unchanged = watching ? fingerprints.checkFor(outputDir, resolveInside) : undefined;
    const written = writingFiles ? writeOutputFiles(outputDir, sitePageFiles(plan, kit, unchanged)) : { files: 0, bytes: 0 };
    timer.end("render pages");
    // The page entries, and the cards the layouts rendered for them, can go now (150 MB at 100,000 articles).
    const site: SiteIndex = { providers: plan.providers, topics: plan.topics, urls: plan.urls };
    state = { digest, site, pageUrls: [...paginatedPageUrls(plan)], kit, loaded, feeds: listFeeds(digest) };
    log(`${MESSAGE_PREFIX} wrote ${written.files} article, list and term pages (${(written.bytes / 1048576).toFixed(1)} MiB)${rebuilding ? "; unchanged pages left in place" : ""}`);
  });

  registerTemplates(eleventyConfig, current);

  eleventyConfig.addCollection("articles", () => (state?.digest.articles ?? []).map((article) => ({ ...article, url: article.pageUrl })));
  eleventyConfig.addCollection("providers", () => state?.site.providers ?? []);
  eleventyConfig.addCollection("topics", () => state?.site.topics ?? []);
  eleventyConfig.addFilter("newsDigestUrl", (pagePath: string) => current().kit.url(pagePath));
  eleventyConfig.addFilter("newsDigestDate", (iso: string) => current().kit.formatDate(iso));

  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const { digest, site, pageUrls, kit } = current();
    timer.end("eleventy templates");
    const outputDir = path.resolve(directories.output);
    // The core wrote its pages before Eleventy ran; a site template with the same permalink would
    // have silently replaced one.
    const conflicts = writingFiles ? findPageConflicts(pageUrls, outputDir, results ?? []) : [];
    if (conflicts.length > 0) {
      await pendingSearch?.abandon();
      pendingSearch = undefined;
      throw new NewsDigestError(`${MESSAGE_PREFIX} ${conflicts.join("\n")}`);
    }
    const search = pendingSearch?.finish();
    pendingSearch = undefined;
    // Failures are reported where `search` is awaited or caught below; this one only marks the end.
    lastSearch = search ? search.then(() => undefined, () => undefined) : Promise.resolve();
    try {
      // A watch-mode build skips feeds whose fingerprint is unchanged since the last build.
      const unchanged = watching ? fingerprints.checkFor(outputDir, resolveInside) : undefined;
      const written = writingFiles ? writeOutputFiles(outputDir, concat(renderAllFeeds(digest, feedSite(kit), unchanged), renderSitemaps(site.urls, kit))) : { files: 0, bytes: 0 };
      timer.end("feeds");
      log(`${MESSAGE_PREFIX} wrote ${written.files} feed and sitemap files (${(written.bytes / 1048576).toFixed(1)} MiB)${rebuilding ? "; unchanged feeds left in place" : ""}`);
    } finally {
      // A watch-mode rebuild does not wait for search: the pages are served at once and the index
      // follows a few seconds later (Pagefind cannot update an index, only build it anew).
      if (rebuilding && search) search.catch((error: unknown) => log(`${MESSAGE_PREFIX} ${error instanceof Error ? error.message : String(error)}`));
      else await search;
    }
    if (search && !rebuilding) timer.end("search index");
    lastBuildCompleted = true;
    lastStats = timer.stats();
  });
}

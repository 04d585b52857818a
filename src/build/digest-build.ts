import { existsSync, mkdirSync, rmSync, type FSWatcher } from "node:fs";
import path from "node:path";
import { MESSAGE_PREFIX, NewsDigestError } from "../errors.js";
import { requireSiteUrl, resolveOptions, type NewsDigestOptions } from "../options.js";
import { ArticleCache } from "../article/read-folder.js";
import { DigestMemo } from "../digest-memo.js";
import { loadDigestInParallel } from "../load-digest.js";
import type { GroupedArticles } from "../digest.js";
import type { CoverageLink } from "../clusters/build-clusters.js";
import { PhaseTimer, type BuildStats } from "../build-stats.js";
import { createKit, siteInfo } from "../site/kit.js";
import { loadLayouts } from "../site/load-layouts.js";
import { planSite } from "../site/pages.js";
import { siteOriginFor } from "../site/site-url.js";
import { changedContents, FileFingerprints } from "../site/page-cache.js";
import { BuildCache } from "./build-cache.js";
import { ArticleStore } from "../article/article-store.js";
import { articleFingerprints, type ArticleSources } from "../article/article-fingerprint.js";
import { sitePageFiles, sitePathOf } from "../site/site-pages.js";
import { renderSitemaps } from "../site/sitemap.js";
import { writeOutputFiles } from "../site/write-files.js";
import { feedLinks, listFeeds, type FeedSite } from "../feeds/index.js";
import { fileExists, startFeeds, type PendingFeeds } from "./feed-writer.js";
import { missingOutputFiles, presentUnless, type OnDisk } from "../site/output-presence.js";
import { searchRecordBatches } from "../search/records.js";
import { openSearchIndex, type PendingSearchIndex } from "../search/build-index.js";
import type { BuildState } from "./build-state.js";
import { contentSignalFile, watchContentFolder } from "./content-watch.js";
import { BuildProgress, BuildReport } from "./build-report.js";
import { ManifestFile, removeStaleFiles } from "./manifest.js";
import { planRedirects, redirectPageFiles } from "../site/redirects.js";
import { findOutputConflicts, type TemplateUrls } from "./output-conflicts.js";
import { plannedOutputFiles } from "./output-plan.js";
import { isBundleComplete, isSearchBundleFile, publishSearchBundle, SEARCH_FINGERPRINT_PATH, stagingDirOf } from "./search-bundle.js";

/** One build as the host (Eleventy) starts it. */
export interface BuildRun {
  outputDir: string;
  runMode: "build" | "watch" | "serve";
  /** False for Eleventy's `--to=json`/`ndjson`: data is asked for, not files, and the digest writes none either. */
  writesFiles: boolean;
  pathPrefix?: string | undefined;
  /** Eleventy's --quiet: no progress lines. */
  quiet?: boolean;
}

/** What the host wrote itself this build (Eleventy's results), so stale-file removal never takes a site page. */
export interface HostOutput {
  outputPath: string | false;
}

interface RunState {
  /** The options with siteUrl as the origin this build's absolute URLs start from. */
  options: NewsDigestOptions;
  outputDir: string;
  writing: boolean;
  watching: boolean;
  /** A deploy build that keeps its fingerprints in the persistent build cache. */
  cached: boolean;
  /** A watch-mode build after a completed one: unchanged files are skipped and search follows in the background. */
  rebuilding: boolean;
  /** The output folder's manifest, when this build writes files. */
  manifest: ManifestFile | undefined;
  /** What the output folder's manifest listed when this build began. */
  previous: ReadonlySet<string>;
  /** The article addresses it recorded (redirects come from these). */
  previousAddresses: ReadonlyMap<string, string>;
  planned: Set<string>;
  /** The recorded outputs gone from the output folder, being found out while the articles are read (see output-presence.ts). */
  missing: Promise<ReadonlySet<string>> | undefined;
  /** Whether the output folder holds a file: from `missing` once it is answered, or asked of the disk. */
  onDisk: OnDisk;
  /** The article addresses this build answers at, for the manifest. */
  addresses: ReadonlyMap<string, string>;
  search: PendingSearchIndex | undefined;
  /** A watch rebuild's start of Pagefind, held until its pages and feeds are written (see onGrouped). */
  startIndexing: ((search: PendingSearchIndex) => void) | undefined;
  /** The feeds, written while the pages render (see feed-writer.ts). */
  feeds: PendingFeeds | undefined;
  report: BuildReport;
  progress: BuildProgress;
}

const union = <T>(...sets: Iterable<T>[]): Set<T> => new Set(sets.flatMap((set) => [...set]));

function* concat<T>(...sources: Iterable<T>[]): Generator<T> {
  for (const source of sources) yield* source;
}

/**
 * The digest's builds, one after another, for one set of resolved options: it owns the parsed-
 * article cache, the fingerprints of written files, the search indexer (closed on every failure
 * path), the phase stats and the output manifest. A host calls `before` as its build starts,
 * `checkTemplates` once it knows its own templates' URLs, and `after` when it has written them.
 */
export class DigestBuild {
  private readonly cache = new ArticleCache();
  /** Slugs, article objects and their fingerprints kept between watch rebuilds, by the cache's drafts. */
  private readonly memo = new DigestMemo();
  private readonly fingerprints = new FileFingerprints();
  private readonly buildCache: BuildCache | undefined;
  private readonly articleStore: ArticleStore | undefined;
  private state: BuildState | undefined;
  private run: RunState | undefined;
  private timer = new PhaseTimer();
  private latestStats: BuildStats = { phases: [] };
  private lastCompleted = false;
  private searching: Promise<void> = Promise.resolve();
  private contentWatch: FSWatcher | undefined;
  /** Changed when an article file changes under a watching build; the host watches it (see content-watch.ts). */
  readonly contentSignal: string;

  constructor(
    readonly options: NewsDigestOptions,
    private readonly log: (message: string) => void = (message) => console.log(message),
  ) {
    this.contentSignal = contentSignalFile(options.contentDir);
    // The environment variable wins over the option, so a CI job can point the cache at the folder its cache step restores.
    const cacheDir = process.env.NEWS_DIGEST_CACHE ?? options.cacheDir;
    this.buildCache = cacheDir ? new BuildCache(path.resolve(cacheDir)) : undefined;
    this.articleStore = cacheDir ? new ArticleStore(path.resolve(cacheDir)) : undefined;
  }

  /** The current build's data, for templates, collections and filters. */
  current(): BuildState {
    if (!this.state) throw new NewsDigestError("a template asked for the digest before the build loaded it.");
    return this.state;
  }

  /** The current build's data when there is one (collections are asked for before any build too). */
  latest(): BuildState | undefined {
    return this.state;
  }

  /** Phase timings of the latest completed build. */
  stats(): BuildStats {
    return this.latestStats;
  }

  /** Settles once a watch rebuild's background search index is published. */
  idle(): Promise<void> {
    return this.searching;
  }

  async before(run: BuildRun): Promise<void> {
    await this.searching;
    // A build Eleventy stopped between our events (a site template that failed to render) never
    // reached after(): its indexer and feed writer would still run, into the same folders.
    if (this.run?.search || this.run?.feeds) await this.abandon();
    this.timer = new PhaseTimer();
    // A failed build may have recorded fingerprints of files it never wrote.
    if (!this.lastCompleted) this.fingerprints.clear();
    const outputDir = path.resolve(run.outputDir);
    const watching = run.runMode !== "build";
    if (watching && !this.contentWatch && existsSync(path.resolve(this.options.contentDir))) this.contentWatch = watchContentFolder(path.resolve(this.options.contentDir), this.contentSignal, () => (this.run ? [this.run.outputDir] : []));
    // Before the indexer starts: a siteUrl whose path disagrees with the path prefix stops the build here.
    const options = { ...this.options, siteUrl: siteOriginFor(this.options.siteUrl, run.pathPrefix) };
    const manifestFile = run.writesFiles ? new ManifestFile(outputDir) : undefined;
    const manifest = manifestFile?.lists();
    // A deploy build into a folder that still holds the last one's output starts from its
    // fingerprints (taken out of the cache until this build completes: see BuildCache).
    const cached = !watching && run.writesFiles && this.buildCache !== undefined;
    if (cached) {
      this.fingerprints.clear();
      const recorded = this.buildCache.take(outputDir);
      if (manifest && manifest.files.size > 0) this.fingerprints.restore(recorded);
    }
    this.run = {
      options,
      outputDir,
      writing: run.writesFiles,
      watching,
      rebuilding: watching && this.lastCompleted,
      cached,
      manifest: manifestFile,
      previous: manifest?.files ?? new Set<string>(),
      previousAddresses: manifest?.addresses ?? new Map<string, string>(),
      planned: new Set(),
      // Only a build that can skip files asks: it then skips those whose fingerprint it recorded.
      missing: (watching || cached) && run.writesFiles && this.fingerprints.size > 0 ? missingOutputFiles(outputDir, this.fingerprints.entries().keys()) : undefined,
      onDisk: (sitePath) => fileExists(outputDir, sitePath),
      addresses: new Map(),
      // Pagefind starts up while the articles are read.
      search: this.options.search && run.writesFiles ? openSearchIndex() : undefined,
      startIndexing: undefined,
      feeds: undefined,
      report: new BuildReport(),
      progress: new BuildProgress(this.log, run.quiet === true),
    };
    this.lastCompleted = false;
    try {
      await this.writePages(this.run, run.pathPrefix);
    } catch (error) {
      await this.abandon();
      throw error;
    }
  }

  private async writePages(run: RunState, pathPrefix: string | undefined): Promise<void> {
    const loaded = await loadLayouts(path.resolve(run.options.layoutsDir));
    const kit = createKit(siteInfo(run.options, pathPrefix), loaded.layouts);
    // Search starts from the published articles as soon as they are final, while clusters are built.
    const onGrouped = (grouped: GroupedArticles): void => {
      if (!run.search) return;
      const recorded = this.fingerprints.get(SEARCH_FINGERPRINT_PATH);
      // The bundle stays searchable until its successor is published, but is no longer vouched for.
      this.fingerprints.delete(SEARCH_FINGERPRINT_PATH);
      const startIndexing = (search: PendingSearchIndex): void => {
        for (const batch of searchRecordBatches(grouped, { language: run.options.language, formatDate: kit.formatDate })) search.add(batch);
        search.write(stagingDirOf(run.outputDir), this.keepableFingerprint(run, recorded));
      };
      // A watch rebuild's pages and feeds are what the author waits for, and Pagefind takes both
      // cores: beside it, a one-article rebuild at 10,000 articles took 3.0-4.8 s, after it 2.4-3.4 s,
      // with the index refreshed as soon as before (README: Search). Its records wait too, until the
      // host has taken the rebuild's answer (see after). A deploy build indexes at once.
      if (run.rebuilding) run.startIndexing = startIndexing;
      else startIndexing(run.search);
    };
    // Only a watching build is followed by rebuilds that can reuse parsed articles in memory; with a
    // cache folder, a deploy build and a watch session's first build reuse those of files whose
    // bytes are unchanged since the last build (article-store.ts; see planRead for why rebuilds do not).
    let sources: ArticleSources | undefined;
    const digest = await loadDigestInParallel(run.options, {
      onRead: (folder) => {
        sources = { contentHashes: folder.hashes, timeZone: run.options.timeZone };
      },
      ...(run.watching ? { cache: this.cache, memo: this.memo } : {}),
      ...(this.articleStore ? { store: this.articleStore } : {}),
      skip: [run.outputDir],
      log: this.log,
      timer: this.timer,
      onGrouped,
      onProgress: (done, total) => run.progress.phase(`reading article files: ${done.toLocaleString("en")} of ${total.toLocaleString("en")}`),
    });
    const plan = planSite(digest, run.options.pageSize, feedLinks, run.options.siteTitle);
    this.timer.end("group+cluster");
    run.progress.phase(`writing the pages of ${digest.articles.length.toLocaleString("en")} articles`);
    run.planned = plannedOutputFiles(plan, digest, run.options);
    const { redirects, addresses } = planRedirects(run.previousAddresses, digest.articles, new Set(plan.urls));
    for (const redirect of redirects) run.planned.add(sitePathOf(redirect.from));
    run.addresses = addresses;
    if (run.missing) run.onDisk = presentUnless(await run.missing);
    if (run.writing) {
      mkdirSync(run.outputDir, { recursive: true });
      // Recorded before anything is written: a build that stops halfway still knows every file it may
      // have left, and every address it used to answer at.
      run.manifest?.write(union(run.previous, run.planned), new Map([...run.previousAddresses, ...addresses]));
      const skipUnchanged = run.watching || run.cached;
      // One memo for the pages and, when they are written in this thread, the feeds: each asks for every article's.
      const articleFingerprint = sources ? articleFingerprints(sources, run.watching ? this.memo.fingerprints : undefined) : undefined;
      run.feeds = startFeeds({ digest, site: feedSiteOf(run.options, kit.site.pathPrefix), outputDir: run.outputDir, log: this.log, ...(sources ? { sources } : {}), ...(articleFingerprint ? { articleFingerprint } : {}), ...(run.watching ? { itemMemo: this.memo.feedItems, keepItems: true } : {}), ...(skipUnchanged ? { previous: this.fingerprints.entries(), onDisk: run.onDisk } : {}) });
      const skip = skipUnchanged
        ? { unchanged: this.fingerprints.checkFor(run.onDisk), layoutsFingerprint: loaded.fingerprint, coverageFingerprint: (links: readonly CoverageLink[]) => digest.clusters.alsoCoveredBy.fingerprintOf(links), ...(articleFingerprint ? { articleFingerprint } : {}) }
        : undefined;
      // Redirect pages are cheaper to render than to fingerprint by their inputs: compared by their contents.
      const redirectPages = skip ? changedContents(redirectPageFiles(redirects, kit), skip.unchanged) : redirectPageFiles(redirects, kit);
      run.report.wrote(writeOutputFiles(run.outputDir, run.report.count(concat(sitePageFiles(plan, kit, skip), redirectPages))));
    }
    this.timer.end("render pages");
    // The page entries, and the cards the layouts rendered for them, can go now (150 MB at 100,000 articles).
    this.state = { digest, site: { providers: plan.providers, topics: plan.topics, urls: plan.urls }, kit, loaded, feeds: listFeeds(digest) };
  }

  /**
   * Pagefind cannot update an index, and one index is kept (README: why not shards), so the only
   * incremental step is to build none. The published bundle's records' fingerprint (in memory
   * between watch rebuilds, in the build cache between deploy builds), when every file of that
   * bundle is still in the output folder: the indexer skips Pagefind for records with it.
   */
  private keepableFingerprint(run: RunState, recorded: string | undefined): string | undefined {
    if (!(run.watching || run.cached) || recorded === undefined) return undefined;
    return isBundleComplete(run.outputDir, [...run.previous].filter(isSearchBundleFile)) ? recorded : undefined;
  }

  /** Records the fingerprints of what `current` lists, for the next deploy build into the same folder. */
  private saveCache(run: RunState, current: ReadonlySet<string>): void {
    if (run.cached && this.buildCache) this.buildCache.put(run.outputDir, new Map([...this.fingerprints.entries()].filter(([sitePath]) => current.has(sitePath))));
  }

  /** Fails the build, before the host writes anything, when a site template would overwrite a file of the digest. */
  async checkTemplates(templates: TemplateUrls): Promise<void> {
    if (!this.run?.writing) return;
    const conflicts = findOutputConflicts(templates, this.run.planned);
    if (conflicts.length === 0) return;
    await this.abandon();
    throw new NewsDigestError(conflicts.join("\n"));
  }

  async after(hostOutput: readonly HostOutput[] = []): Promise<void> {
    const run = this.run;
    const { site, kit } = this.current();
    if (!run) throw new NewsDigestError("the build ended before it started.");
    this.timer.end("eleventy templates");
    const hostFiles = new Set<string>();
    for (const page of hostOutput) {
      if (typeof page.outputPath === "string") hostFiles.add(`/${path.relative(run.outputDir, path.resolve(page.outputPath)).split(path.sep).join("/")}`);
    }
    try {
      if (run.writing) {
        run.progress.phase("writing feeds and sitemaps");
        const feeds = await (run.feeds as PendingFeeds).finish();
        run.feeds = undefined;
        run.report.feeds += feeds.feeds;
        run.report.archives += feeds.archives;
        run.report.wrote(feeds);
        this.fingerprints.restore(new Map(feeds.fingerprints));
        if (feeds.items) {
          const byPageUrl = new Map(this.current().digest.articles.map((article) => [article.pageUrl, article] as const));
          this.memo.feedItems.adopt(feeds.items, (pageUrl) => byPageUrl.get(pageUrl));
        }
        const unchanged = run.watching || run.cached ? this.fingerprints.checkFor(run.onDisk) : undefined;
        run.report.wrote(writeOutputFiles(run.outputDir, run.report.count(changedContents(renderSitemaps(site.urls, kit), unchanged))));
        this.timer.end("feeds");
        // The previous search bundle stays until the new one is published.
        const keptBundle = run.search ? [...run.previous].filter(isSearchBundleFile) : [];
        const current = union(run.planned, keptBundle);
        run.report.removed += removeStaleFiles(run.outputDir, run.previous, current, hostFiles);
        run.manifest?.write(current, run.addresses);
        this.saveCache(run, current);
      }
    } catch (error) {
      await this.abandon();
      throw error;
    }
    // Only a watch rebuild holds its start of Pagefind until now (see onGrouped).
    const startIndexing = run.startIndexing;
    run.startIndexing = undefined;
    this.lastCompleted = true;
    const search = run.search;
    run.search = undefined;
    const summary = (): string => run.report.summary({ unchangedLeft: run.rebuilding, searchPending: search !== undefined && run.report.searchRecords === undefined && run.report.searchUnchanged === undefined });
    if (!search) {
      this.latestStats = this.timer.stats();
      if (run.writing) this.log(summary());
      return;
    }
    if (run.rebuilding) {
      // A watch rebuild does not wait for search: pages are served at once and the index follows
      // (Pagefind cannot update an index, only build it anew). Its records are made and sent on the
      // next turn of the event loop, once the host has taken this answer (Eleventy's dev server
      // reloads the browser then): 10,000 of them took about 0.1 s of this thread.
      const publishing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.publishSearch(search, run, hostFiles, startIndexing));
      this.searching = publishing.then(
        ({ pages, unchanged }) => this.log(`${MESSAGE_PREFIX} search index ${unchanged ? "unchanged" : "refreshed"}: ${pages.toLocaleString("en")} records`),
        (error: unknown) => this.log(error instanceof Error ? error.message : String(error)),
      );
      this.latestStats = this.timer.stats();
      this.log(summary());
      return;
    }
    run.progress.phase("waiting for the search index");
    try {
      const { pages, unchanged } = await this.publishSearch(search, run, hostFiles);
      if (unchanged) run.report.searchUnchanged = pages;
      else run.report.searchRecords = pages;
    } catch (error) {
      this.lastCompleted = false;
      throw error;
    }
    this.timer.end("search index");
    this.latestStats = this.timer.stats();
    this.log(summary());
  }

  /** Waits for the index (after `start`, a watch rebuild's sending of its records), moves it into place (unless the published one was kept) and records it. */
  private async publishSearch(search: PendingSearchIndex, run: RunState, hostFiles: ReadonlySet<string>, start?: (search: PendingSearchIndex) => void): Promise<{ pages: number; unchanged: boolean }> {
    try {
      start?.(search);
      const { pages, fingerprint, unchanged } = await search.finish();
      if (unchanged) {
        this.fingerprints.set(SEARCH_FINGERPRINT_PATH, fingerprint);
        this.saveCache(run, union(run.planned, [...run.previous].filter(isSearchBundleFile)));
        return { pages, unchanged };
      }
      const bundle = publishSearchBundle(run.outputDir);
      run.report.removed += removeStaleFiles(run.outputDir, new Set([...run.previous].filter(isSearchBundleFile)), new Set(bundle), hostFiles);
      const current = union(run.planned, bundle);
      run.manifest?.write(current, run.addresses);
      this.fingerprints.set(SEARCH_FINGERPRINT_PATH, fingerprint);
      // Again, now with the bundle's fingerprint: the write in after() came before the bundle existed.
      this.saveCache(run, current);
      return { pages, unchanged };
    } finally {
      await search.abandon();
      rmSync(stagingDirOf(run.outputDir), { recursive: true, force: true });
    }
  }

  /** Stops watching the content folder (a host that stops watching calls this). */
  close(): void {
    this.contentWatch?.close();
    this.contentWatch = undefined;
  }

  /** Closes a running search index and forgets the build: every failure path goes through here. */
  private async abandon(): Promise<void> {
    this.lastCompleted = false;
    const run = this.run;
    const feeds = run?.feeds;
    if (run) run.feeds = undefined;
    await feeds?.abandon();
    const search = run?.search;
    if (!run || !search) return;
    run.search = undefined;
    await search.abandon();
    rmSync(stagingDirOf(run.outputDir), { recursive: true, force: true });
  }
}

function feedSiteOf(o: NewsDigestOptions, pathPrefix: string): FeedSite {
  return { siteUrl: o.siteUrl, pathPrefix, title: o.siteTitle, description: o.siteDescription, language: o.language, feedSize: o.feedSize, websubHub: o.websubHub };
}

/**
 * A build object from options as a site owner wrote them: every bad option is reported at once,
 * and a missing site URL fails here, before any page is written, rather than at the feeds.
 */
export function createDigestBuild(userOptions: unknown, log?: (message: string) => void): DigestBuild {
  const options = resolveOptions(userOptions);
  requireSiteUrl(options);
  return new DigestBuild(options, log);
}

import { MESSAGE_PREFIX } from "../errors.js";

const ARCHIVE = /\/archive\/\d+\//;
const FEED = /\.(xml|json|atom|opml)$/;
const SITEMAP = /^\/(sitemap(-\d+)?\.xml|robots\.txt)$/;

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const size = (bytes: number): string => (bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KiB` : `${(bytes / 1048576).toFixed(1)} MiB`);

/**
 * What one build wrote, counted as it is written, for the one line a build prints at its end:
 * Eleventy's own "Wrote 5 files" counts only its templates, the last line of a build that wrote 170.
 */
export class BuildReport {
  private readonly started = performance.now();
  pages = 0;
  feeds = 0;
  archives = 0;
  sitemaps = 0;
  bytes = 0;
  removed = 0;
  searchRecords: number | undefined;
  /** Records of a search bundle left in place because they had not changed (nothing was indexed). */
  searchUnchanged: number | undefined;

  /** Counts each file of `files` by kind as it passes through to the writer (which counts the bytes: see `wrote`). */
  *count<F extends { path: string }>(files: Iterable<F>): Generator<F> {
    for (const file of files) {
      if (SITEMAP.test(file.path)) this.sitemaps++;
      else if (ARCHIVE.test(file.path)) this.archives++;
      else if (FEED.test(file.path)) this.feeds++;
      else this.pages++;
      yield file;
    }
  }

  /** Adds what the writer reports it wrote. */
  wrote(written: { bytes: number }): void {
    this.bytes += written.bytes;
  }

  /** The build's one summary line. `unchangedLeft` says a rebuild skipped files whose contents had not changed. */
  summary(options: { unchangedLeft: boolean; searchPending: boolean }): string {
    const parts = [plural(this.pages, "page"), plural(this.feeds, "feed"), plural(this.archives, "feed archive"), plural(this.sitemaps, "sitemap file")];
    const search =
      this.searchRecords !== undefined
        ? `, ${plural(this.searchRecords, "search record")}`
        : this.searchUnchanged !== undefined
          ? `, search index unchanged (${plural(this.searchUnchanged, "record")})`
          : options.searchPending
            ? ", search index refreshing in the background"
            : "";
    const removed = this.removed > 0 ? `; removed ${plural(this.removed, "stale file")}` : "";
    const unchanged = options.unchangedLeft ? " (unchanged files left in place)" : "";
    return `${MESSAGE_PREFIX} wrote ${parts.join(", ")}${search}, ${size(this.bytes)}${unchanged}${removed}, in ${Math.round(performance.now() - this.started)} ms`;
  }
}

/**
 * Progress for long builds: a phase line once a build has run for about 2 s, so a 10,000-article
 * build does not sit silent, and a small one prints nothing extra. Silent under Eleventy's --quiet.
 */
export class BuildProgress {
  private readonly started = performance.now();
  constructor(
    private readonly log: (message: string) => void,
    private readonly quiet: boolean,
    private readonly afterMs = 2000,
  ) {}

  phase(text: string): void {
    if (!this.quiet && performance.now() - this.started >= this.afterMs) this.log(`${MESSAGE_PREFIX} … ${text}`);
  }
}

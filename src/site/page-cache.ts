import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

/** Where Eleventy writes a page with this permalink (`/a/` → `a/index.html`). */
export function outputFileOf(outputDir: string, pageUrl: string): string {
  const relative = pageUrl.endsWith("/") ? `${pageUrl}index.html` : pageUrl;
  return path.join(outputDir, ...relative.split("/").filter(Boolean));
}

const digestOf = (html: string): string => createHash("sha1").update(html).digest("base64");

/**
 * Watch-mode memory of what each page looked like when it was last written. A rebuild renders
 * every page through the layouts (cheap) and hands Eleventy only the pages whose HTML changed or
 * whose file is gone: Eleventy's own per-page work is most of a build's rendering time, and after
 * one article changes only a handful of pages differ. Eleventy leaves unchanged files in place.
 */
export class RenderedPages {
  private readonly digests = new Map<string, string>();
  private readonly pending = new Map<string, string>();

  /** Records a page as written; called by the render function for every page Eleventy renders. */
  remember(pageUrl: string, html: string): void {
    this.digests.set(pageUrl, digestOf(html));
  }

  /** True once a build has recorded pages, so the next build can compare against it. */
  get primed(): boolean {
    return this.digests.size > 0;
  }

  /**
   * The entries whose rendered HTML differs from the last build (or whose output file is
   * missing); their HTML is kept for {@link take} so nothing renders twice.
   */
  changed<Entry extends { pageUrl: string }>(entries: readonly Entry[], render: (entry: Entry) => string, outputDir: string): Entry[] {
    const changed: Entry[] = [];
    for (const entry of entries) {
      const html = render(entry);
      if (this.digests.get(entry.pageUrl) === digestOf(html) && existsSync(outputFileOf(outputDir, entry.pageUrl))) continue;
      this.pending.set(entry.pageUrl, html);
      changed.push(entry);
    }
    return changed;
  }

  /** The HTML {@link changed} already rendered for this page, once. */
  take(pageUrl: string): string | undefined {
    const html = this.pending.get(pageUrl);
    this.pending.delete(pageUrl);
    return html;
  }

  /** Forgets pages that no longer exist, and HTML a failed build left behind. */
  retain(pageUrls: ReadonlySet<string>): void {
    this.pending.clear();
    for (const url of this.digests.keys()) if (!pageUrls.has(url)) this.digests.delete(url);
  }
}

/**
 * Watch-mode memory of generated files (feeds) by fingerprint: a file whose fingerprint matches
 * the last build's and which is still on disk is neither rendered nor written again.
 */
export class FileFingerprints {
  private readonly fingerprints = new Map<string, string>();

  /** A check for one build writing into `outputDir`; it records every fingerprint it is shown. */
  checkFor(outputDir: string, resolve: (outputDir: string, sitePath: string) => string): (sitePath: string, fingerprint: string) => boolean {
    return (sitePath, fingerprint) => {
      const same = this.fingerprints.get(sitePath) === fingerprint && existsSync(resolve(outputDir, sitePath));
      this.fingerprints.set(sitePath, fingerprint);
      return same;
    };
  }
}

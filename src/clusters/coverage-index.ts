import { hashOf } from "../fingerprint.js";
import type { CoverageLink } from "./build-clusters.js";

/** What a link must say for the index to work with it: whose coverage it is. */
export type OutletLink = Pick<CoverageLink, "providerName" | "providerDomain" | "localUrl" | "externalUrl">;

/** The index as plain data, for a worker thread (a class instance loses its methods in a message). */
export type CoverageEntries<Link extends OutletLink = CoverageLink> = Map<string, CoverageEntry<Link>>;

interface CoverageEntry<Link extends OutletLink> {
  links: readonly Link[];
  ownDomain: string;
}

/**
 * What the coverage indexes of one watch session share from build to build (see StoryMemo): a
 * story's links kept as the same array are hashed, and slimmed for feeds, once while they last.
 * Both maps are keyed by arrays no one changes once made, so a kept answer is still right.
 */
export interface CoverageMemo {
  storyHashes: WeakMap<readonly OutletLink[], string>;
  slimLinks: WeakMap<readonly OutletLink[], OutletLink[]>;
}

export const newCoverageMemo = (): CoverageMemo => ({ storyHashes: new WeakMap(), slimLinks: new WeakMap() });

/**
 * Per published article (by page URL): the other outlets' coverage of its story, newest first.
 * Each story's outlet list is kept once and filtered when asked, and `first` stops after `limit`
 * links: a list per article would cost the square of the story's size (2,000 files on one
 * story: 4 million links), while the pages show only a few and the count.
 */
export class CoverageIndex<Link extends OutletLink = CoverageLink> {
  private readonly byArticle: CoverageEntries<Link>;
  // What each list `first` returned was taken from, so fingerprintOf can name it without reading it.
  private readonly issued = new WeakMap<readonly Link[], { entry: CoverageEntry<Link>; limit: number }>();
  private readonly storyHashes: WeakMap<readonly Link[], string>;

  /** `memo` is a watch session's, shared with the indexes made from this one (feedCoverage); a fresh one otherwise. */
  constructor(
    entries: CoverageEntries<Link> = new Map(),
    readonly memo: CoverageMemo = newCoverageMemo(),
  ) {
    this.byArticle = entries;
    this.storyHashes = memo.storyHashes;
  }

  /** The entries, shared, not copied: post them to a worker and rebuild the index there with the constructor. */
  entries(): CoverageEntries<Link> {
    return this.byArticle;
  }

  add(pageUrl: string, storyLinks: readonly Link[], ownDomain: string): void {
    this.byArticle.set(pageUrl, { links: storyLinks, ownDomain });
  }

  /** The first `limit` other outlets and how many there are in all. */
  first(pageUrl: string, limit: number): { links: Link[]; count: number } {
    const entry = this.byArticle.get(pageUrl);
    if (!entry) return { links: [], count: 0 };
    const links: Link[] = [];
    for (const link of entry.links) {
      if (links.length === limit) break;
      if (link.providerDomain !== entry.ownDomain) links.push(link);
    }
    this.issued.set(links, { entry, limit });
    // A story lists each outlet once, the article's own among them (it is a member): no full scan needed.
    return { links, count: entry.links.length - 1 };
  }

  /**
   * A fingerprint of a list `first` returned, equal whenever the list would be, made without
   * serialising it: the list is a function of its story's links (hashed once per story, not once
   * per article, page and feed item that shows them), the article's own outlet and the limit.
   * Undefined for any other array, which the caller then serialises.
   */
  fingerprintOf(links: readonly Link[]): string | undefined {
    const issued = this.issued.get(links);
    return issued && this.fingerprintOfEntry(issued.entry, issued.limit);
  }

  /**
   * What `fingerprintOf(first(pageUrl, limit).links)` gives, with the count, without making the
   * list: for what only fingerprints it (a feed item that is not rendered again).
   */
  firstFingerprint(pageUrl: string, limit: number): { links: string; count: number } {
    const entry = this.byArticle.get(pageUrl);
    return entry ? { links: this.fingerprintOfEntry(entry, limit), count: entry.links.length - 1 } : { links: "", count: 0 };
  }

  private fingerprintOfEntry(entry: CoverageEntry<Link>, limit: number): string {
    const story = entry.links;
    let storyHash = this.storyHashes.get(story);
    if (storyHash === undefined) {
      storyHash = hashOf(JSON.stringify(story));
      this.storyHashes.set(story, storyHash);
    }
    return `${storyHash} ${limit} ${entry.ownDomain}`;
  }

  /** Every other outlet (for tools and tests; the site asks for `first`). */
  get(pageUrl: string): Link[] | undefined {
    const entry = this.byArticle.get(pageUrl);
    return entry?.links.filter((link) => link.providerDomain !== entry.ownDomain);
  }

  *[Symbol.iterator](): Generator<[string, Link[]]> {
    for (const pageUrl of this.byArticle.keys()) yield [pageUrl, this.get(pageUrl) ?? []];
  }
}


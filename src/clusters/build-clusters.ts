import { CoverageIndex } from "./coverage-index.js";
import type { StoryMemo } from "./story-memo.js";
import type { Article, Coverage } from "../article/types.js";
import { shortHash } from "../article/slug.js";

/** One outlet's coverage of a story, as an article page lists it under "also covered by". */
export interface CoverageLink {
  title: string;
  providerName: string;
  providerDomain: string;
  publishedAt: string;
  /** Site-relative page URL when the item is a published article of this site. */
  localUrl?: string;
  /** The outlet's URL otherwise (and always available for reference). */
  externalUrl: string;
  /** How many copies from the same outlet were folded into this entry (wire copies). */
  copies: number;
}

export interface StoryCluster {
  /**
   * Stable story id: a hash of the canonical URL of the story's earliest coverage (by date, then
   * URL). It does not depend on file names, other stories or the order of anything, so feeds can
   * use it as an identity; it changes only if coverage older than the earliest known joins.
   */
  id: string;
  /** Every distinct piece of coverage (by canonical URL key) in the story, published articles and their related items alike. */
  size: number;
  /** Distinct outlets covering the story. */
  outlets: number;
}

export { CoverageIndex };

export interface ClusterIndex {
  clusters: StoryCluster[];
  /** Per published article (by page URL): other outlets' coverage, newest first. */
  alsoCoveredBy: CoverageIndex;
  /** Per published article (by page URL): the cluster it belongs to. */
  clusterOf: Map<string, StoryCluster>;
}

interface Node {
  key: string;
  coverage: Coverage;
  /** Set when the node is a published article of this site, which gives a local link. */
  article?: Article;
}

/**
 * Union-find over URL keys, each numbered once as it is first met: the sets themselves work on
 * numbers in an array. Keyed by the strings in Maps, finding and joining was most of clustering
 * (about 40,000 keys at 10,000 articles).
 */
class DisjointSet {
  private readonly numbers = new Map<string, number>();
  private readonly parent: number[] = [];

  /** The key's number, a set of its own when new. */
  add(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.parent.length;
      this.numbers.set(key, n);
      this.parent.push(n);
    }
    return n;
  }

  find(n: number): number {
    const parent = this.parent;
    let root = n;
    while (parent[root] !== root) root = parent[root] as number;
    // Path compression keeps later finds O(1) on 100k-article sets.
    while (n !== root) {
      const next = parent[n] as number;
      parent[n] = root;
      n = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function rankNode(node: Node): number {
  return node.article ? 1 : 0;
}

/**
 * Clusters published articles and their `related[]` items into stories: two pieces of coverage
 * are one story when an article lists the other, or when their canonical URL keys match.
 *
 * Unpublished and held articles are skipped, not just hidden: as members they would still show
 * through (their related items as coverage, a bridge joining two stories, an extra outlet in the
 * count that ranks top stories), so an embargoed file could be read off the published pages.
 * Skipping them here, not only in the caller, keeps that true for anyone calling the core.
 * `memo` is a watch session's: unchanged stories keep their links (see StoryMemo).
 */
export function buildClusters(articles: readonly Article[], memo?: StoryMemo): ClusterIndex {
  const sets = new DisjointSet();
  // By the key's number in `sets`; an alias key that no coverage has as its own has no node.
  const nodes: (Node | undefined)[] = [];
  // Node numbers in the order each was first met as coverage, which decides the order of stories and of their members.
  const order: number[] = [];

  const addNode = (candidate: Node): number => {
    const n = sets.add(candidate.key);
    const existing = nodes[n];
    if (!existing) order.push(n);
    // The richest description of a URL wins: the article itself over another article's related item.
    if (!existing || rankNode(candidate) > rankNode(existing)) nodes[n] = candidate;
    return n;
  };

  for (const article of articles) {
    if (!article.published) continue;
    const own = addNode({ key: article.urlKey, coverage: article, article });
    for (const alias of article.aliasKeys ?? []) sets.union(own, sets.add(alias));
    for (const item of article.related) {
      const key = addNode({ key: item.urlKey, coverage: item });
      sets.union(own, key);
      for (const alias of item.aliasKeys ?? []) sets.union(key, sets.add(alias));
    }
  }

  const members = new Map<number, Node[]>();
  for (const n of order) {
    const node = nodes[n] as Node;
    const root = sets.find(n);
    const list = members.get(root);
    if (list) list.push(node);
    else members.set(root, [node]);
  }

  const clusters: StoryCluster[] = [];
  const alsoCoveredBy = new CoverageIndex(new Map(), memo?.coverage);
  const clusterOf = new Map<string, StoryCluster>();
  memo?.begin();
  for (const group of members.values()) {
    const outletLinks = memo ? memo.links(group.map((node) => node.coverage), () => linksPerOutlet(group)) : linksPerOutlet(group);
    const cluster: StoryCluster = { id: storyId(group), size: group.length, outlets: outletLinks.length };
    clusters.push(cluster);
    for (const node of group) {
      const article = node.article;
      if (!article) continue;
      clusterOf.set(article.pageUrl, cluster);
      alsoCoveredBy.add(article.pageUrl, outletLinks, article.provider.domain);
    }
  }
  return { clusters, alsoCoveredBy, clusterOf };
}

function storyId(group: readonly Node[]): string {
  let earliest = group[0] as Node;
  for (const node of group) {
    const at = node.coverage.publishedAt;
    const best = earliest.coverage.publishedAt;
    if (at < best || (at === best && node.key < earliest.key)) earliest = node;
  }
  return `s${shortHash(earliest.key, 12)}`;
}

/** One entry per outlet in the story, newest first: its local article if there is one, else its newest copy. */
function linksPerOutlet(group: readonly Node[]): CoverageLink[] {
  const byOutlet = new Map<string, { best: Node; copies: number }>();
  for (const node of group) {
    const domain = node.coverage.provider.domain;
    const entry = byOutlet.get(domain);
    if (!entry) byOutlet.set(domain, { best: node, copies: 1 });
    else {
      entry.copies++;
      if (betterCopy(node, entry.best)) entry.best = node;
    }
  }
  const links: CoverageLink[] = [];
  for (const { best, copies } of byOutlet.values()) {
    const local = best.article?.pageUrl;
    links.push({
      title: best.coverage.title,
      providerName: best.coverage.provider.name,
      providerDomain: best.coverage.provider.domain,
      publishedAt: best.coverage.publishedAt,
      ...(local ? { localUrl: local } : {}),
      externalUrl: best.coverage.url,
      copies,
    });
  }
  return links.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.providerDomain.localeCompare(b.providerDomain));
}

function betterCopy(candidate: Node, current: Node): boolean {
  const byRank = rankNode(candidate) - rankNode(current);
  if (byRank !== 0) return byRank > 0;
  const byDate = candidate.coverage.publishedAt.localeCompare(current.coverage.publishedAt);
  if (byDate !== 0) return byDate > 0;
  return candidate.key < current.key;
}

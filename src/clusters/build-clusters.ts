import type { Article, Coverage } from "../article/types.js";
import { canonicalUrlKey } from "./canonical-url.js";

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
  id: number;
  /** Every distinct piece of coverage (by canonical URL key) in the story, articles and related items alike. */
  size: number;
  /** Distinct outlets covering the story. */
  outlets: number;
}

export interface ClusterIndex {
  clusters: StoryCluster[];
  /** Per published article (by page URL): other outlets' coverage, newest first. */
  alsoCoveredBy: Map<string, CoverageLink[]>;
  /** Per published article (by page URL): the cluster it belongs to. */
  clusterOf: Map<string, StoryCluster>;
}

interface Node {
  key: string;
  coverage: Coverage;
  /** Set when the node is an article file of this site; published ones give a local link. */
  article?: Article;
}

class DisjointSet {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    // Path compression keeps later finds O(1) on 100k-article sets.
    let cursor = key;
    while (cursor !== root) {
      const next = this.parent.get(cursor) ?? root;
      this.parent.set(cursor, root);
      cursor = next;
    }
    if (!this.parent.has(key)) this.parent.set(key, key);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  }
}

function rankNode(node: Node): number {
  if (node.article?.published) return 2;
  if (node.article) return 1;
  return 0;
}

/**
 * Clusters articles (published or not) and their `related[]` items into stories: two pieces of
 * coverage are one story when an article lists the other, or when their canonical URL keys match.
 */
export function buildClusters(articles: readonly Article[]): ClusterIndex {
  const sets = new DisjointSet();
  const nodes = new Map<string, Node>();

  const addNode = (candidate: Node): string => {
    const existing = nodes.get(candidate.key);
    // The richest description of a URL wins: a published article, then an unpublished one, then a related item.
    if (!existing || rankNode(candidate) > rankNode(existing)) nodes.set(candidate.key, candidate);
    sets.find(candidate.key);
    return candidate.key;
  };

  for (const article of articles) {
    const own = addNode({ key: canonicalUrlKey(article.url), coverage: article, article });
    for (const alias of [article.webUrl, article.ampUrl]) {
      if (alias) sets.union(own, canonicalUrlKey(alias));
    }
    for (const item of article.related) {
      const key = addNode({ key: canonicalUrlKey(item.url), coverage: item });
      sets.union(own, key);
      for (const alias of [item.webUrl, item.ampUrl]) {
        if (alias) sets.union(key, canonicalUrlKey(alias));
      }
    }
  }

  const members = new Map<string, Node[]>();
  for (const node of nodes.values()) {
    const root = sets.find(node.key);
    const list = members.get(root);
    if (list) list.push(node);
    else members.set(root, [node]);
  }

  const clusters: StoryCluster[] = [];
  const alsoCoveredBy = new Map<string, CoverageLink[]>();
  const clusterOf = new Map<string, StoryCluster>();
  for (const group of members.values()) {
    const outletLinks = linksPerOutlet(group);
    const cluster: StoryCluster = { id: clusters.length, size: group.length, outlets: outletLinks.length };
    clusters.push(cluster);
    for (const node of group) {
      const article = node.article;
      if (!article?.published) continue;
      clusterOf.set(article.pageUrl, cluster);
      // Computed once per cluster, filtered per article: a story covered by thousands of files stays linear.
      alsoCoveredBy.set(article.pageUrl, outletLinks.filter((link) => link.providerDomain !== article.provider.domain));
    }
  }
  return { clusters, alsoCoveredBy, clusterOf };
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
    const local = best.article?.published ? best.article.pageUrl : undefined;
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

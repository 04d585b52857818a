import { statSync } from "node:fs";
import path from "node:path";
import { MESSAGE_PREFIX, terminalSafe } from "../errors.js";
import type { Digest } from "../digest.js";
import type { Term } from "../taxonomy/term.js";
import { parseFlags } from "./args.js";
import { CONTENT_FLAGS, CONTENT_FLAGS_HELP, contentOptions, loadContent } from "./load.js";
import { safeJson, type Io } from "./output.js";

export const STATS_HELP = `Usage: news-digest stats [dir] [options]

Counts what a build of the content folder would publish: articles, providers, topics, story
clusters and the date range. Invalid files are counted, not listed (see news-digest check).

Options:
${CONTENT_FLAGS_HELP}
  --json                   print the stats as a JSON object

Exit status: 0 (also with invalid files), 1 when the content folder is missing, 2 usage error.`;

/** Providers and topics listed; the totals count them all. */
export const TOP_TERMS = 20;
/** Largest story clusters listed. */
export const LARGEST_CLUSTERS = 5;

export interface DigestStats {
  articles: { files: number; published: number; unpublished: number; held: number; invalid: number; duplicates: number };
  providers: { total: number; top: { name: string; domain: string; count: number }[] };
  topics: { total: number; top: { topic: string; count: number }[] };
  clusters: { total: number; bySize: { size: number; clusters: number }[]; largest: { size: number; outlets: number; title: string }[] };
  /** publishedAt of the oldest and newest published article; null when none is published. */
  dates: { oldest: string; newest: string } | null;
}

export function digestStats(digest: Digest): DigestStats {
  const c = digest.counts;
  const top = (terms: readonly Term[]): Term[] => terms.slice(0, TOP_TERMS);
  // A cluster is named after its newest published article (articles are newest first).
  const titleOf = new Map<string, string>();
  for (const article of digest.articles) {
    const cluster = digest.clusters.clusterOf.get(article.pageUrl);
    if (cluster && !titleOf.has(cluster.id)) titleOf.set(cluster.id, article.title);
  }
  const bySize = new Map<number, number>();
  for (const cluster of digest.clusters.clusters) bySize.set(cluster.size, (bySize.get(cluster.size) ?? 0) + 1);
  const largest = [...digest.clusters.clusters].sort((a, b) => b.size - a.size || b.outlets - a.outlets || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, LARGEST_CLUSTERS);
  const newest = digest.articles[0];
  const oldest = digest.articles[digest.articles.length - 1];
  return {
    articles: { files: c.files, published: c.published, unpublished: c.unpublished, held: c.held, invalid: c.invalid, duplicates: c.duplicates },
    providers: { total: c.providers, top: top(digest.providers).map((t) => ({ name: t.label, domain: t.key, count: t.count })) },
    topics: { total: c.topics, top: top(digest.topics).map((t) => ({ topic: t.label, count: t.count })) },
    clusters: {
      total: c.clusters,
      bySize: [...bySize].sort(([a], [b]) => a - b).map(([size, clusters]) => ({ size, clusters })),
      largest: largest.map((cluster) => ({ size: cluster.size, outlets: cluster.outlets, title: titleOf.get(cluster.id) ?? "" })),
    },
    dates: newest && oldest ? { oldest: oldest.publishedAt, newest: newest.publishedAt } : null,
  };
}

export function formatStats(stats: DigestStats): string {
  const a = stats.articles;
  const lines = [
    `Articles: ${a.published} published, ${a.unpublished} unpublished, ${a.held} held (${a.files} files read, ${a.invalid} invalid, ${a.duplicates} duplicates)`,
    `Dates: ${stats.dates ? `${stats.dates.oldest} to ${stats.dates.newest}` : "none published"}`,
    "",
    `Providers: ${stats.providers.total}${more(stats.providers.total)}`,
    ...stats.providers.top.map((p) => `  ${pad(p.count)}  ${terminalSafe(p.name)} (${terminalSafe(p.domain)})`),
    "",
    `Topics: ${stats.topics.total}${more(stats.topics.total)}`,
    ...stats.topics.top.map((t) => `  ${pad(t.count)}  ${terminalSafe(t.topic)}`),
    "",
    `Story clusters: ${stats.clusters.total}`,
    ...stats.clusters.bySize.map((s) => `  ${pad(s.clusters)}  cluster${s.clusters === 1 ? "" : "s"} of ${s.size} item${s.size === 1 ? "" : "s"}`),
    ...(stats.clusters.largest.length > 0 ? ["  largest:", ...stats.clusters.largest.map((l) => `  ${pad(l.size)}  item${l.size === 1 ? "" : "s"}, ${l.outlets} outlet${l.outlets === 1 ? "" : "s"}: ${terminalSafe(l.title)}`)] : []),
  ];
  return lines.join("\n");
}

const more = (total: number): string => (total > TOP_TERMS ? ` (top ${TOP_TERMS})` : "");
const pad = (n: number): string => String(n).padStart(5);

export async function stats(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): Promise<number> {
  const parsed = parseFlags(args, { ...CONTENT_FLAGS, json: { type: "boolean" } });
  if (parsed.values.help) {
    io.out(STATS_HELP);
    return 0;
  }
  const options = contentOptions(parsed, env);
  if (!statSync(path.resolve(cwd, options.contentDir), { throwIfNoEntry: false })?.isDirectory()) {
    io.err(`${MESSAGE_PREFIX} stats: ${terminalSafe(options.contentDir)} is not a folder of article files; set [dir], --content or NEWS_DIGEST_CONTENT`);
    return 1;
  }
  const { digest } = await loadContent(options, cwd);
  const result = digestStats(digest);
  io.out(parsed.values.json ? safeJson(result) : formatStats(result));
  return 0;
}

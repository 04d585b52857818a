import { formatReport, MESSAGE_PREFIX } from "./errors.js";
import type { Digest } from "./digest.js";

/**
 * The one short line each run prints. `fromBuildCache` is how many of the files were answered
 * from the build cache's parsed articles rather than parsed (said only when some were: it is
 * what tells a slow warm build from one whose cache was not used).
 */
export function formatSummary(digest: Digest, elapsedMs: number, fromBuildCache = 0): string {
  const c = digest.counts;
  const parts = [
    `${c.files} read`,
    `${c.published} published`,
    `${c.unpublished} unpublished`,
    ...(c.held ? [`${c.held} held until their date`] : []),
    `${c.invalid} invalid`,
    `${c.duplicates} duplicate${c.duplicates === 1 ? "" : "s"}`,
    `${c.providers} providers`,
    `${c.topics} topics`,
    `${c.clusters} story clusters`,
    ...(c.warnings ? [`${c.warnings} warning${c.warnings === 1 ? "" : "s"}`] : []),
    ...(fromBuildCache > 0 ? [`${fromBuildCache.toLocaleString("en")} of ${c.files.toLocaleString("en")} files from the build cache`] : []),
  ];
  return `${MESSAGE_PREFIX} articles: ${parts.join(", ")} in ${Math.round(elapsedMs)} ms`;
}

/** Every problem, grouped by file; empty when there are none. */
export function formatProblems(digest: Digest): string {
  if (digest.problems.length === 0) return "";
  const errors = digest.counts.invalid;
  const heading = errors > 0 ? `${MESSAGE_PREFIX} ${errors} of ${digest.counts.files} article files are invalid:` : `${MESSAGE_PREFIX} warnings:`;
  return `${heading}\n${formatReport(digest.problems)}`;
}

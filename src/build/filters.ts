import type { LayoutKit } from "../site/kit.js";

/**
 * The `newsDigestDate` filter: takes `publishedAt`, any ISO 8601 string (a source
 * `publishedDateTime`) or the Date that YAML front matter makes of an unquoted date; anything
 * else prints unchanged, a missing value as "". Never "Invalid DateTime".
 */
export function formatDateValue(kit: LayoutKit, value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : kit.formatDate(value.toISOString());
  return typeof value === "string" ? kit.formatDate(value) : "";
}

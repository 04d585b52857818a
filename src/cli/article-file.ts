import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { validateFile } from "../article/read-folder.js";
import { normaliseDomain } from "../article/normalise.js";
import { slugify } from "../article/slug.js";
import type { ArticleDraft } from "../article/validate.js";
import { formatProblemLine, terminalSafe, type Problem } from "../errors.js";
import { stringValue, type ParsedArgs } from "./args.js";

/** What `new` and `import` know about one article. */
export interface NewArticle {
  title: string;
  url: string;
  publishedDateTime: string;
  providerName: string;
  providerDomain: string;
  excerpt?: string | undefined;
  topics: readonly string[];
  imageUrl?: string | undefined;
}

/** The content folder of `new` and `import`: `--content`, else `NEWS_DIGEST_CONTENT`, else "content". */
export function contentDirOf(parsed: ParsedArgs, env: NodeJS.ProcessEnv): string {
  return stringValue(parsed, "content") ?? (env.NEWS_DIGEST_CONTENT || "content");
}

// C0 and C1 controls (tab and newline too: every written field is one line or a paragraph), DEL,
// bidirectional overrides and isolates, line and paragraph separators.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: control characters become spaces, runs of whitespace one space. */
export function plainLine(text: string): string {
  return text.replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
}

/** The outlet's domain as the core keys providers (no `www.`, IDN as punycode); "" when the URL has none. */
export function domainOf(url: string): string {
  return normaliseDomain(url) ?? "";
}

/** The article's front matter in the seeds' field order; a file of just front matter. */
export function articleText(article: NewArticle): string {
  const data: Record<string, unknown> = {
    category: "news",
    title: plainLine(article.title),
    ...(article.excerpt ? { excerpt: plainLine(article.excerpt) } : {}),
    publishedDateTime: article.publishedDateTime,
    originalUrl: article.url,
    webUrl: article.url,
    type: "article",
    published: true,
    provider: { name: plainLine(article.providerName), domain: plainLine(article.providerDomain) },
    topics: [...new Set(article.topics.map(plainLine).filter((t) => t !== ""))],
    ...(article.imageUrl ? { images: [{ url: article.imageUrl }] } : {}),
  };
  return `---\n${yaml.dump(data, { lineWidth: -1, noRefs: true })}---\n`;
}

/** The text through the core's reader and validator, exactly as a build reads the file. */
export function validateText(file: string, text: string, timeZone = "UTC"): { draft?: ArticleDraft; problems: Problem[] } {
  return validateFile(file, new TextEncoder().encode(text), timeZone);
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === "error");

/** Problems as the report's lines for one file (terminal-safe: formatProblemLine escapes the values). */
export function problemLines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblemLine);
}

/** `YYYY-MM-DD` of the date as written (its own calendar date, before any offset). */
export function datePrefix(publishedDateTime: string): string {
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(publishedDateTime)?.[1];
  return written ?? new Date().toISOString().slice(0, 10);
}

/** `YYYY-MM-DD-<slug>.md`, with `-<suffix>` before the extension when given. */
export function articleFileName(publishedDateTime: string, title: string, suffix?: string): string {
  const slug = slugify(plainLine(title)).slice(0, 60).replace(/-+$/, "");
  return `${datePrefix(publishedDateTime)}-${slug}${suffix ? `-${suffix}` : ""}.md`;
}

/** Writes a new file; false when one is already there (never overwrites). */
export function writeNew(full: string, text: string): boolean {
  mkdirSync(path.dirname(full), { recursive: true });
  try {
    writeFileSync(full, text, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** A path as printed: relative to cwd, terminal-safe. */
export const shown = (cwd: string, full: string): string => terminalSafe(path.relative(cwd, full) || full);

/** The present time as ISO 8601 in UTC, to the second. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

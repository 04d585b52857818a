import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { readArticleFolderWith } from "../article/read-folder.js";
import { validateInParallel } from "../article/read-parallel.js";
import { shortHash } from "../article/slug.js";
import { canonicalUrlKey } from "../article/canonical-url.js";
import { MESSAGE_PREFIX, terminalSafe } from "../errors.js";
import { resolveOptions } from "../options.js";
import { UsageError, parseFlags } from "./args.js";
import { articleFileName, articleText, contentDirOf, domainOf, hasErrors, plainLine, problemLines, shown, validateText, writeNew, type NewArticle } from "./article-file.js";
import type { Io } from "./output.js";

export const IMPORT_HELP = `Usage: news-digest import <file-or-url>... [options]

Turns RSS 2.0, Atom and JSON Feed documents (local files or http(s) URLs) into article files,
YYYY-MM-DD-<slug>.md, in the content folder. Each item is checked as a build would check it; an
invalid one is skipped with its problems. Items whose link is already in the folder (compared as
canonical URLs), or earlier in the same run, are left out. Never overwrites a file.

Options:
  --content <dir>          the content folder; default: $NEWS_DIGEST_CONTENT, else "content"
  --dry-run                list the files it would write, write nothing
  -h, --help               show this help

Exit status: 0 every item written or already present, 1 an invalid item or a source that could
not be read, 2 usage error.`;

const FLAGS = {
  content: { type: "string" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Largest feed document read, local or fetched. */
const MAX_FEED_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : " ";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// Tags after which text reads as a new phrase: they become a space, the rest (b, a, em…) nothing, so "<b>busy</b>." stays "busy.".
const BLOCK_TAGS = new Set(["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "section", "article", "figure", "figcaption", "table", "hr", "dd", "dt", "pre"]);

/**
 * Tags, comments and script and style contents removed by one scan with indexOf: lazy regular
 * expressions such as /<!--[\s\S]*?-->/ rescan the rest of the text from every unclosed opening,
 * which a hostile feed turns into quadratic time.
 */
function stripTags(text: string): string {
  const lower = text.toLowerCase();
  let out = "";
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("<", at);
    if (open === -1) {
      out += text.slice(at);
      break;
    }
    out += text.slice(at, open);
    if (text.startsWith("<!--", open)) {
      const end = text.indexOf("-->", open + 4);
      out += " ";
      at = end === -1 ? text.length : end + 3;
      continue;
    }
    const close = text.indexOf(">", open + 1);
    if (close === -1) break;
    const name = /^\/?([a-z][a-z0-9]*)/.exec(lower.slice(open + 1, Math.min(close, open + 12)))?.[1] ?? "";
    at = close + 1;
    if ((name === "script" || name === "style") && lower[open + 1] !== "/") {
      const end = lower.indexOf(`</${name}`, at);
      const endClose = end === -1 ? -1 : text.indexOf(">", end);
      at = endClose === -1 ? text.length : endClose + 1;
      out += " ";
    } else if (BLOCK_TAGS.has(name)) out += " ";
  }
  return out;
}

/**
 * Plain text of an already-parsed string that may hold HTML: tags (and script and style
 * contents) stripped, entities decoded, tags that decoding revealed stripped again, whitespace
 * and control characters collapsed to single spaces.
 */
export function plainText(html: string): string {
  return plainLine(stripTags(decodeEntities(stripTags(html))));
}

const httpUrl = (value: unknown): string | undefined => (typeof value === "string" && /^https?:\/\//i.test(value.trim()) ? normalisedLink(value) : undefined);
const isoOf = (date: Date | null | undefined): string => (date && !Number.isNaN(date.getTime()) ? date.toISOString().replace(/\.000Z$/, "Z") : "");
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** An http(s) link as the URL parser writes it (control characters percent-encoded); anything else as given, for validation to refuse. */
function normalisedLink(link: string): string {
  try {
    const url = new URL(link.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : link.trim();
  } catch {
    return link.trim();
  }
}

/** One feed item as `new` would take it; the link may be missing or bad (validation says so). */
function item(feedTitle: string, fields: { title: string; link: string; summary: string; date: string; topics: string[]; image: string | undefined }): NewArticle {
  const link = normalisedLink(fields.link);
  const domain = domainOf(link);
  return {
    title: plainText(fields.title),
    url: link,
    publishedDateTime: fields.date,
    providerName: plainText(feedTitle) || domain,
    providerDomain: domain,
    excerpt: plainText(fields.summary) || undefined,
    topics: fields.topics.map(plainText),
    imageUrl: fields.image,
  };
}

function jsonFeedItems(document: unknown): NewArticle[] {
  if (!isRecord(document) || !str(document.version)?.startsWith("https://jsonfeed.org/version/")) throw new Error("not RSS, Atom or JSON Feed");
  const feedTitle = str(document.title) ?? "";
  const items = Array.isArray(document.items) ? document.items : [];
  return items.filter(isRecord).map((entry) => {
    const date = str(entry.date_published) ?? str(entry.date_modified);
    const parsedDate = date === undefined ? undefined : new Date(date);
    return item(feedTitle, {
      title: str(entry.title) ?? "",
      link: str(entry.url) ?? str(entry.external_url) ?? "",
      summary: str(entry.summary) ?? str(entry.content_text) ?? str(entry.content_html) ?? "",
      date: isoOf(parsedDate),
      topics: Array.isArray(entry.tags) ? entry.tags.filter((t): t is string => typeof t === "string") : [],
      image: httpUrl(entry.image) ?? httpUrl(entry.banner_image),
    });
  });
}

function xmlFeedItems(text: string): NewArticle[] {
  const feed = parseFeed(text);
  const feedTitle = feed.title ?? "";
  return feed.items.map((entry) =>
    item(feedTitle, {
      title: entry.title ?? "",
      link: entry.url ?? "",
      summary: entry.description ?? entry.content ?? "",
      date: isoOf(entry.published ?? entry.updated),
      topics: entry.categories.map((c) => c.label ?? c.term),
      image: httpUrl(entry.image?.url),
    }),
  );
}

/** The items of one feed document: JSON Feed when it parses as JSON, else RSS or Atom. */
export function feedItems(text: string): NewArticle[] {
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (trimmed.startsWith("{")) return jsonFeedItems(JSON.parse(trimmed));
  return xmlFeedItems(trimmed);
}

async function readSource(source: string, cwd: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml, text/xml, */*" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > MAX_FEED_BYTES) throw new Error(`larger than ${MAX_FEED_BYTES} bytes`);
    const text = await response.text();
    if (text.length > MAX_FEED_BYTES) throw new Error(`larger than ${MAX_FEED_BYTES} bytes`);
    return text;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new Error("only local files and http(s) URLs are read");
  const bytes = readFileSync(path.resolve(cwd, source));
  if (bytes.length > MAX_FEED_BYTES) throw new Error(`larger than ${MAX_FEED_BYTES} bytes`);
  return bytes.toString("utf8");
}

export async function importFeeds(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): Promise<number> {
  const parsed = parseFlags(args, FLAGS);
  if (parsed.values.help) {
    io.out(IMPORT_HELP);
    return 0;
  }
  if (parsed.positionals.length === 0) throw new UsageError("give at least one feed file or URL");
  const dryRun = parsed.values["dry-run"] === true;
  const options = resolveOptions({ contentDir: contentDirOf(parsed, env), mode: "lenient" });
  const contentDir = path.resolve(cwd, options.contentDir);

  // Links already in the folder: every valid article's own URLs, as canonical keys.
  const known = new Set<string>();
  if (existsSync(contentDir)) {
    const folder = await readArticleFolderWith(options.contentDir, { cwd, timeZone: options.timeZone, maxFileSize: options.maxFileSize }, validateInParallel());
    for (const draft of folder.drafts) {
      known.add(canonicalUrlKey(draft.url));
      if (draft.webUrl) known.add(canonicalUrlKey(draft.webUrl));
    }
  }
  const names = new Set<string>();
  let written = 0;
  let present = 0;
  let invalid = 0;
  let failedSources = 0;

  for (const source of parsed.positionals) {
    let items: NewArticle[];
    try {
      items = feedItems(await readSource(source, cwd));
    } catch (error) {
      failedSources++;
      io.err(`${MESSAGE_PREFIX} import: could not read ${terminalSafe(source)}: ${terminalSafe(error instanceof Error ? error.message : String(error))}`);
      continue;
    }
    items.forEach((article, index) => {
      const key = article.url ? canonicalUrlKey(article.url) : "";
      if (key && known.has(key)) {
        present++;
        return;
      }
      let name = articleFileName(article.publishedDateTime, article.title || "untitled");
      if (names.has(name) || existsSync(path.join(contentDir, name))) name = articleFileName(article.publishedDateTime, article.title || "untitled", shortHash(key || `${source}#${index}`, 6));
      const full = path.join(contentDir, name);
      const text = articleText(article);
      const { problems } = validateText(shown(cwd, full), text);
      if (hasErrors(problems)) {
        invalid++;
        io.err(`${MESSAGE_PREFIX} import: skipped invalid item ${index + 1} of ${terminalSafe(source)}:\n${problemLines(problems).join("\n")}`);
        return;
      }
      if (problems.length > 0) io.err(`${MESSAGE_PREFIX} import: warnings for item ${index + 1} of ${terminalSafe(source)}:\n${problemLines(problems).join("\n")}`);
      known.add(key);
      names.add(name);
      if (dryRun) {
        written++;
        io.out(`would write ${shown(cwd, full)}`);
        return;
      }
      if (!writeNew(full, text)) {
        present++;
        io.err(`${MESSAGE_PREFIX} import: ${shown(cwd, full)} already exists; not overwritten`);
        return;
      }
      written++;
      io.out(`wrote ${shown(cwd, full)}`);
    });
  }
  io.out(`${MESSAGE_PREFIX} import: ${written} ${dryRun ? "would be written" : "written"}, ${present} already present, ${invalid} invalid${failedSources ? `, ${failedSources} source${failedSources === 1 ? "" : "s"} not read` : ""}`);
  return invalid > 0 || failedSources > 0 ? 1 : 0;
}

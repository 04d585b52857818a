import path from "node:path";
import { MESSAGE_PREFIX } from "../errors.js";
import { UsageError, parseFlags, stringValue, stringValues } from "./args.js";
import { articleFileName, articleText, contentDirOf, domainOf, hasErrors, nowIso, problemLines, shown, validateText, writeNew } from "./article-file.js";
import type { Io } from "./output.js";

export const NEW_HELP = `Usage: news-digest new --title <t> --url <url> [options]

Writes one article file, YYYY-MM-DD-<slug>.md, into the content folder, after checking it as a
build would. Never overwrites a file.

Options:
  --title <t>              the headline (required)
  --url <url>              the story's http(s) link: originalUrl and webUrl (required)
  --provider-name <n>      the outlet's name (default: its domain)
  --provider-domain <d>    the outlet's domain (default: the link's host without "www.")
  --topic <t>              a topic; repeat for more
  --date <iso>             publishedDateTime, ISO 8601 (default: now, UTC)
  --excerpt <text>         a sentence or two
  --content <dir>          the content folder; default: $NEWS_DIGEST_CONTENT, else "content"
  -h, --help               show this help

Exit status: 0 written, 1 invalid article or file already there, 2 usage error.`;

const FLAGS = {
  title: { type: "string" },
  url: { type: "string" },
  "provider-name": { type: "string" },
  "provider-domain": { type: "string" },
  topic: { type: "string", multiple: true },
  date: { type: "string" },
  excerpt: { type: "string" },
  content: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function newArticle(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): number {
  const parsed = parseFlags(args, FLAGS);
  if (parsed.values.help) {
    io.out(NEW_HELP);
    return 0;
  }
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[0])}`);
  const title = stringValue(parsed, "title");
  const url = stringValue(parsed, "url");
  if (title === undefined) throw new UsageError("--title is required");
  if (url === undefined) throw new UsageError("--url is required");
  const providerDomain = stringValue(parsed, "provider-domain") ?? domainOf(url);
  const publishedDateTime = stringValue(parsed, "date") ?? nowIso();
  const text = articleText({
    title,
    url,
    publishedDateTime,
    providerName: stringValue(parsed, "provider-name") ?? providerDomain,
    providerDomain,
    excerpt: stringValue(parsed, "excerpt"),
    topics: stringValues(parsed, "topic"),
  });
  const full = path.resolve(cwd, contentDirOf(parsed, env), articleFileName(publishedDateTime, title));
  const { problems } = validateText(shown(cwd, full), text);
  if (hasErrors(problems)) {
    io.err(`${MESSAGE_PREFIX} new: the article would be invalid, nothing written:\n  ${shown(cwd, full)}\n${problemLines(problems).join("\n")}`);
    return 1;
  }
  if (problems.length > 0) io.err(`${MESSAGE_PREFIX} new: warnings:\n${problemLines(problems).join("\n")}`);
  if (!writeNew(full, text)) {
    io.err(`${MESSAGE_PREFIX} new: ${shown(cwd, full)} already exists; nothing written`);
    return 1;
  }
  io.out(shown(cwd, full));
  return 0;
}

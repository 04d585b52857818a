import { NewsDigestError } from "../errors.js";
import { resolveOptions, type NewsDigestOptions } from "../options.js";
import { readArticleFolderWith, type FolderReadResult } from "../article/read-folder.js";
import { validateInParallel } from "../article/read-parallel.js";
import { createDigest, type Digest } from "../digest.js";
import { UsageError, stringValue, type FlagSpec, type ParsedArgs } from "./args.js";

/** Flags every subcommand that reads the content folder takes. */
export const CONTENT_FLAGS = {
  content: { type: "string" },
  "time-zone": { type: "string" },
  "future-articles": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies Record<string, FlagSpec>;

export const CONTENT_FLAGS_HELP = `  --content <dir>          the content folder (also the positional [dir]); default: $NEWS_DIGEST_CONTENT, else "content"
  --time-zone <zone>       IANA zone for dates written without an offset (default "UTC")
  --future-articles <p>    "build" (default) or "hold": count future-dated articles as held
  -h, --help               show this help`;

/**
 * The options a build would use for the folder, from the flags: the content folder from the
 * positional argument or `--content`, else `NEWS_DIGEST_CONTENT`, else "content". Always lenient:
 * the CLI reports every invalid file and never throws on one.
 */
export function contentOptions(parsed: ParsedArgs, env: NodeJS.ProcessEnv): NewsDigestOptions {
  if (parsed.positionals.length > 1) throw new UsageError(`expected one content folder, received ${parsed.positionals.length}`);
  const positional = parsed.positionals[0];
  const flag = stringValue(parsed, "content");
  if (positional !== undefined && flag !== undefined && positional !== flag) throw new UsageError("give the content folder once: as [dir] or as --content");
  const contentDir = positional ?? flag ?? (env.NEWS_DIGEST_CONTENT || "content");
  const timeZone = stringValue(parsed, "time-zone");
  const futureArticles = stringValue(parsed, "future-articles");
  try {
    return resolveOptions({ contentDir, timeZone, futureArticles, mode: "lenient" });
  } catch (error) {
    if (!(error instanceof NewsDigestError)) throw error;
    const problem = error.problems[0];
    const flagName = problem?.field === "timeZone" ? "--time-zone" : problem?.field === "futureArticles" ? "--future-articles" : "--content";
    throw new UsageError(problem ? `${flagName}: expected ${problem.expected}, received ${problem.received}` : error.message);
  }
}

export interface Loaded {
  folder: FolderReadResult;
  digest: Digest;
  elapsedMs: number;
}

/**
 * Reads and digests the folder exactly as a build does (loadDigest's steps, without its printing or
 * throwing), validating across the machine's cores as a build does: `check` in CI read 10,000
 * files in one thread.
 */
export async function loadContent(options: NewsDigestOptions, cwd: string, now: Date = new Date()): Promise<Loaded> {
  const started = performance.now();
  const folder = await readArticleFolderWith(options.contentDir, { cwd, timeZone: options.timeZone, maxFileSize: options.maxFileSize }, validateInParallel());
  const digest = createDigest(folder, options, now);
  return { folder, digest, elapsedMs: performance.now() - started };
}

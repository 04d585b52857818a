import { terminalSafe } from "../errors.js";
import { UsageError } from "./args.js";
import { check, CHECK_HELP } from "./check.js";
import { importFeeds, IMPORT_HELP } from "./import.js";
import { newArticle, NEW_HELP } from "./new.js";
import { processIo, type Io } from "./output.js";
import { stats, STATS_HELP } from "./stats.js";

export const MAIN_HELP = `Usage: news-digest <command> [dir] [options]

Commands:
  check [dir]   validate a content folder without building (exit 1 when a file is invalid)
  stats [dir]   count articles, providers, topics, story clusters and dates
  new           write one article file from flags (--title, --url, ...)
  import <src>  turn RSS, Atom and JSON Feed files or URLs into article files

The content folder is [dir] or --content <dir>, else $NEWS_DIGEST_CONTENT, else "content".
Run "news-digest <command> --help" for a command's options.

Exit status: 0 success, 1 invalid content, 2 usage error.`;

type Command = (args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io) => number | Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; help: string }>> = {
  check: { run: check, help: CHECK_HELP },
  stats: { run: stats, help: STATS_HELP },
  new: { run: newArticle, help: NEW_HELP },
  import: { run: importFeeds, help: IMPORT_HELP },
};

/**
 * The `news-digest` command line: returns the exit status (0 ok, 1 invalid content, 2 usage
 * error), as a promise for commands that wait on the network (`import`).
 */
export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), io: Io = processIo): number | Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(MAIN_HELP);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(MAIN_HELP);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const what = name.startsWith("-") ? `unknown option ${name}` : `unknown command ${JSON.stringify(name)}`;
    io.err(`news-digest: ${terminalSafe(what)}\nRun "news-digest --help" for usage.`);
    return 2;
  }
  const usage = (error: unknown): number => {
    if (!(error instanceof UsageError)) throw error;
    io.err(`news-digest ${name}: ${terminalSafe(error.message)}\nRun "news-digest ${name} --help" for usage.`);
    return 2;
  };
  try {
    const status = command.run(args, env, cwd, io);
    return typeof status === "number" ? status : status.catch(usage);
  } catch (error) {
    return usage(error);
  }
}

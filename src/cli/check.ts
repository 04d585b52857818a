import { formatProblems, formatSummary } from "../summary.js";
import { UsageError, parseFlags, stringValue } from "./args.js";
import { formatGithub } from "./format-github.js";
import { CONTENT_FLAGS, CONTENT_FLAGS_HELP, contentOptions, loadContent } from "./load.js";
import { safeJson, type Io } from "./output.js";

export const CHECK_HELP = `Usage: news-digest check [dir] [options]

Validates a content folder without building: prints the report and summary line a build prints.

Options:
${CONTENT_FLAGS_HELP}
  --json                   print the problems as a JSON array
  --format <f>             "text" (default), "json", or "github" (GitHub Actions annotations)

Exit status: 0 no invalid files (warnings allowed), 1 invalid files, 2 usage error.`;

const FORMATS = ["text", "json", "github"] as const;
type Format = (typeof FORMATS)[number];

export async function check(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, io: Io): Promise<number> {
  const parsed = parseFlags(args, { ...CONTENT_FLAGS, json: { type: "boolean" }, format: { type: "string" } });
  if (parsed.values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = formatOf(parsed.values.json === true, stringValue(parsed, "format"));
  const options = contentOptions(parsed, env);
  const { folder, digest, elapsedMs } = await loadContent(options, cwd);
  const invalid = digest.problems.some((p) => p.severity === "error");

  if (format === "json") {
    io.out(safeJson(digest.problems.map((p) => ({ file: p.file, field: p.field, severity: p.severity, expected: p.expected, received: p.received, hint: p.hint ?? null }))));
  } else if (format === "github") {
    for (const line of formatGithub(digest.problems, { files: new Set(folder.files), cwd, maxFileSize: options.maxFileSize })) io.out(line);
    io.out(formatSummary(digest, elapsedMs));
  } else {
    const report = formatProblems(digest);
    if (report) io.out(report);
    io.out(formatSummary(digest, elapsedMs));
  }
  return invalid ? 1 : 0;
}

function formatOf(json: boolean, format: string | undefined): Format {
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(", ")}, received ${JSON.stringify(format)}`);
  if (json && format !== undefined && format !== "json") throw new UsageError(`--json and --format ${format} disagree: give one`);
  return json ? "json" : ((format ?? "text") as Format);
}

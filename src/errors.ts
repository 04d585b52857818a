/**
 * Problems found in article files or options, and the one error type a user's mistake becomes.
 * Every problem names where it is (file and field path), what was expected, what was received and
 * how to fix it, so one report lets a publisher mend every bad file in one pass.
 */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path of the article file relative to the site root, or "options" for plugin options. */
  file: string;
  /** Field path inside the file, e.g. `related[2].images[0].width`; empty for the whole file. */
  field: string;
  expected: string;
  received: string;
  hint?: string;
}

export const MESSAGE_PREFIX = "[news-digest]";

/** The one way to make a problem: severity defaults to "error", field to the whole file, and an absent hint is left out. */
export function problem(fields: { severity?: Severity; file: string; field?: string; expected: string; received: string; hint?: string | undefined }): Problem {
  return {
    severity: fields.severity ?? "error",
    file: fields.file,
    field: fields.field ?? "",
    expected: fields.expected,
    received: fields.received,
    ...(fields.hint ? { hint: fields.hint } : {}),
  };
}

/**
 * Thrown when the build must stop because of something a user can fix (a bad file, option or
 * template). The prefix is applied here, once; `problems` holds the whole report and `cause` the
 * underlying error, if any. Eleventy prints such an error without a stack trace: the message says
 * everything a publisher can act on, and plugin internals would only bury it.
 */
export class NewsDigestError extends Error {
  readonly problems: readonly Problem[];
  /** Read by Eleventy's error handler: no "Original error stack trace" for a user's mistake. */
  readonly skipOriginalStack = true;
  constructor(message: string, options: { problems?: readonly Problem[]; cause?: unknown } = {}) {
    super(`${MESSAGE_PREFIX} ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "NewsDigestError";
    this.problems = options.problems ?? [];
  }
}

/** A short, printable description of any value found in a file. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  switch (typeof value) {
    case "string":
      return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
    case "number":
      return `the number ${String(value)}`;
    case "boolean":
      return `the boolean ${String(value)}`;
    case "object":
      return "a mapping";
    default:
      return typeof value;
  }
}

// C0 and C1 controls, DEL, and the bidirectional overrides and isolates that reorder what a terminal shows.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file made safe to print: every control character is written as an escape (`\n`,
 * `\x1b`, `\u202e`), so a file name holding a newline cannot forge a line of the report and an
 * ESC sequence cannot rewrite the screen.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${terminalSafe(problem.field)}: ` : "";
  const hint = problem.hint ? ` Hint: ${terminalSafe(problem.hint)}` : "";
  return `${where}expected ${terminalSafe(problem.expected)}, received ${terminalSafe(problem.received)}.${hint}`;
}

/** One problem as a line of the report, under its file's heading. */
export function formatProblemLine(problem: Problem): string {
  return `    ${problem.severity === "warning" ? "warning: " : ""}${formatProblem(problem)}`;
}

/** Groups problems by file, files in path order, so the report reads like a to-do list. */
export function formatReport(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(`  ${terminalSafe(file)}`);
    for (const problem of byFile.get(file) ?? []) lines.push(formatProblemLine(problem));
  }
  return lines.join("\n");
}

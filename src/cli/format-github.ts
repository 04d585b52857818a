import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { formatProblem, terminalSafe, type Problem } from "../errors.js";

/** A workflow command's message: `%`, CR and LF escaped (GitHub's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: as a message, plus `:` and `,` (GitHub's escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The top-level field a field path starts in: `related[2].images[0].width` is in `related`. */
export function topLevelField(field: string): string {
  return /^[^.[]*/.exec(field)?.[0] ?? "";
}

/**
 * The 1-based line of `field:` at the top level of the file's front matter (the lines between
 * the opening `---` and the next line of exactly `---`), or undefined. A cheap scan, not a YAML
 * parse: a quoted key or a field written in flow style is not found, and the annotation then has
 * no line.
 */
export function frontMatterLine(text: string, field: string): number | undefined {
  if (!field) return undefined;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? "")) return undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^---[ \t]*$/.test(line)) return undefined;
    if (line.startsWith(`${field}:`)) return i + 1;
  }
  return undefined;
}

export interface LineLookup {
  /** Files the folder read listed (relative to `cwd`): only these are ever opened again, never a link out of the folder or a skipped file. */
  files: ReadonlySet<string>;
  cwd: string;
  maxFileSize: number;
}

/** One annotation per problem: `::error file=…,line=…::field: expected …` (`::warning` for warnings). */
export function formatGithub(problems: readonly Problem[], lookup: LineLookup): string[] {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string): string | undefined => {
    if (!texts.has(file)) texts.set(file, readSmall(path.resolve(lookup.cwd, file), lookup.maxFileSize));
    return texts.get(file);
  };
  return problems.map((problem) => {
    const field = topLevelField(problem.field);
    const text = field && lookup.files.has(problem.file) ? textOf(problem.file) : undefined;
    const line = text === undefined ? undefined : frontMatterLine(text, field);
    const properties = [`file=${escapeProperty(terminalSafe(problem.file))}`, ...(line ? [`line=${line}`] : [])].join(",");
    // formatProblem has already made the file's values terminal-safe.
    return `::${problem.severity} ${properties}::${escapeData(formatProblem(problem))}`;
  });
}

function readSmall(full: string, maxFileSize: number): string | undefined {
  try {
    const stat = statSync(full);
    if (!stat.isFile() || stat.size > maxFileSize) return undefined;
    return readFileSync(full, "utf8");
  } catch {
    return undefined;
  }
}

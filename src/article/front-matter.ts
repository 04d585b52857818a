/**
 * The one splitter of an article file into front matter and body. Deliberately not gray-matter's:
 * gray-matter closes the front matter at the first line that merely starts with `---` (so a line
 * such as `---x: 1` turned the rest of the fields, `published: false` and `secured` included, into
 * body text shown on the page) and strips comments with a regular expression that backtracks for
 * seconds on one long line. Here both fences are found by a linear scan of lines, and the YAML is
 * exactly the text between them.
 */
export type FrontMatterSplit = { ok: true; yaml: string; body: string } | { ok: false; expected: string; received: string; hint?: string };

const isBlankOrTabs = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
};

/** The opening fence: `---`, optionally naming a language (`---yaml`), with spaces around allowed. */
function openingLanguage(line: string): string | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("---")) return undefined;
  const language = trimmed.slice(3).trim();
  return /^[A-Za-z0-9_-]*$/.test(language) ? language.toLowerCase() : undefined;
}

/** Splits LF-normalised text. The closing fence is a line of exactly `---`, trailing spaces or tabs allowed. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const firstLineEnd = text.indexOf("\n");
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  const language = openingLanguage(firstLine);
  if (language === undefined) {
    return {
      ok: false,
      expected: "front matter starting with a `---` line on the first line",
      received: text.trim() === "" ? "an empty file" : `the first line ${JSON.stringify(firstLine.slice(0, 40))}`,
      hint: "article files are YAML front matter between two `---` lines",
    };
  }
  if (language !== "" && language !== "yaml" && language !== "yml") {
    return { ok: false, expected: "YAML front matter", received: `front matter in ${JSON.stringify(language)}`, hint: "only YAML is read; front matter is never run as code" };
  }
  if (firstLineEnd !== -1) {
    const start = firstLineEnd + 1;
    for (let lineStart = start; lineStart <= text.length; ) {
      const next = text.indexOf("\n", lineStart);
      const lineEnd = next === -1 ? text.length : next;
      if (text.startsWith("---", lineStart) && isBlankOrTabs(text, lineStart + 3, lineEnd)) {
        return { ok: true, yaml: text.slice(start, lineStart), body: next === -1 ? "" : text.slice(next + 1) };
      }
      if (next === -1) break;
      lineStart = next + 1;
    }
  }
  return { ok: false, expected: "a closing `---` line after the front matter", received: "the end of the file", hint: "add a line with only `---` after the last field" };
}

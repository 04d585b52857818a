import yaml from "js-yaml";
import type { Problem } from "../errors.js";
import { splitFrontMatter } from "./front-matter.js";
import { parsePlainYaml } from "./plain-yaml.js";

/** One article file split into its front-matter data and body, before validation. */
export interface ParsedFile {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

export type ReadResult = { ok: true; parsed: ParsedFile } | { ok: false; problem: Problem };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function fail(file: string, expected: string, received: string, hint?: string): ReadResult {
  return { ok: false, problem: { severity: "error", file, field: "", expected, received, ...(hint ? { hint } : {}) } };
}

class YamlRefusal extends Error {
  constructor(
    readonly expected: string,
    readonly received: string,
    readonly hint?: string,
  ) {
    super(received);
  }
}

interface ListenerState {
  anchor: string | null;
  line: number;
  kind: string | null;
  position: number;
}

/**
 * The explicit-key indicator `? ` at the start of a line (after any `- ` list markers). Anchored
 * at a line start and using only `[ \t]`, so the scan stays linear on long lines.
 */
const EXPLICIT_KEY = /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/m;

function countLines(text: string, end: number): number {
  let lines = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < end; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

/** Whether a `:` follows `at`, past spaces and tabs: a collection that ends there is a key. */
function colonFollows(source: string, at: number): boolean {
  let i = at;
  while (source.charCodeAt(i) === 0x20 || source.charCodeAt(i) === 0x09) i++;
  return source.charCodeAt(i) === 0x3a;
}

const complexKey = (line: number): YamlRefusal =>
  new YamlRefusal("plain field names", `a complex key (\`? …\`, or a list or mapping used as a key) on line ${line}`, "write each field as `name: value`; js-yaml would turn `[title]: x` into the field title");

/**
 * YAML through js-yaml 4 in its core schema rather than gray-matter's default: timestamps stay
 * strings for luxon, `!!js/*` and every other custom tag is an "unknown tag" error, duplicate keys
 * are errors, and errors carry line numbers. Anchors are refused outright (and with them aliases,
 * which need an anchor): an article never needs one, and alias expansion is how a small file
 * becomes a huge one. js-yaml 4 parsed 10,000 sample files in 0.7 s where the `yaml` package
 * took 9 s, which is why it was chosen. Complex keys are refused too: js-yaml stringifies a list
 * or mapping used as a key, so `[title]: x` would set the field title. `firstLine` is the
 * file's line number of the YAML's first line, so problems name lines as an editor shows them.
 * Files in the samples' plain shape are read by plain-yaml.ts first, to the same result.
 */
function parseYamlStrict(source: string, firstLine: number): Record<string, unknown> {
  const plain = parsePlainYaml(source);
  if (plain) return plain;
  const explicit = EXPLICIT_KEY.exec(source);
  if (explicit) throw complexKey(firstLine + countLines(source, explicit.index));
  let collectionKeyLine: number | undefined;
  let anchorLine: number | undefined;
  let data: unknown;
  try {
    data = yaml.load(source, {
      schema: yaml.CORE_SCHEMA,
      json: false,
      listener(event: string, state: ListenerState) {
        if (event !== "close") return;
        if (state.anchor !== null && anchorLine === undefined) anchorLine = state.line + firstLine;
        // A list or mapping that a `:` follows was a key (`[title]: x`, or `{[a]: b}` inside a flow mapping).
        if ((state.kind === "sequence" || state.kind === "mapping") && collectionKeyLine === undefined && colonFollows(source, state.position)) collectionKeyLine = state.line + firstLine;
      },
    } as unknown as yaml.LoadOptions);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const line = error.mark ? error.mark.line + firstLine : undefined;
      const where = line === undefined ? "" : ` on line ${line}`;
      const reason = error.reason ?? error.message;
      if (/duplicated mapping key/.test(reason)) throw new YamlRefusal("each field at most once", `a duplicate key${where}`, "remove one of the two");
      if (/unknown tag/.test(reason)) throw new YamlRefusal("plain YAML values", `${reason}${where}`, "remove the tag; article files hold data only");
      throw new YamlRefusal("valid YAML front matter", `a YAML syntax error${where}: ${reason}`, "check quoting and indentation there");
    }
    throw error;
  }
  if (collectionKeyLine !== undefined) throw complexKey(collectionKeyLine);
  if (anchorLine !== undefined) {
    throw new YamlRefusal("YAML without anchors or aliases", `an anchor (&name) on line ${anchorLine}`, "write each value out in full");
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new YamlRefusal("front matter that is a mapping of fields", Array.isArray(data) ? "a list" : `a single ${typeof data} value`);
  }
  return data as Record<string, unknown>;
}

/**
 * Reads one article file: decoded as UTF-8, split once (front-matter.ts) and its YAML parsed from
 * that same split. Never evaluates anything: only YAML front matter is read.
 */
export function readArticleText(file: string, bytes: Uint8Array): ReadResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail(file, "a UTF-8 text file", "bytes that are not valid UTF-8", "save the file as UTF-8");
  }
  // TextDecoder drops one leading BOM; CRLF and lone CR become LF so fences and line numbers are uniform.
  text = text.replace(/\r\n?/g, "\n");
  const split = splitFrontMatter(text);
  if (!split.ok) return fail(file, split.expected, split.received, split.hint);
  try {
    return { ok: true, parsed: { file, data: parseYamlStrict(split.yaml, 2), body: split.body.replace(/^\n+/, "").trimEnd() } };
  } catch (error) {
    if (error instanceof YamlRefusal) return fail(file, error.expected, error.received, error.hint);
    return fail(file, "readable YAML front matter", error instanceof Error ? error.message : String(error));
  }
}

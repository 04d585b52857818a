import matter from "gray-matter";
import { parseDocument, visit, isMap, isSeq, isScalar, type Node as YamlNode } from "yaml";
import type { Problem } from "../errors.js";

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

/**
 * YAML through the `yaml` package rather than gray-matter's bundled js-yaml 3: core schema only
 * (timestamps stay strings for luxon, no `!!js/*` tags), duplicate keys are errors, errors carry
 * line numbers, and aliases are refused outright since an article never needs one and expanding
 * them is how a small file becomes a huge one.
 */
function parseYamlStrict(source: string): Record<string, unknown> {
  const doc = parseDocument(source, { schema: "core", uniqueKeys: true, strict: true, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const line = error.linePos?.[0]?.line;
    const where = line === undefined ? "" : ` on front-matter line ${line}`;
    const reason = error.code === "DUPLICATE_KEY" ? "a duplicate key" : "a YAML syntax error";
    throw new YamlRefusal("valid YAML front matter", `${reason}${where}: ${error.message.split("\n")[0] ?? ""}`, error.code === "DUPLICATE_KEY" ? "each field may appear once" : "check quoting and indentation there");
  }
  let refusal: YamlRefusal | undefined;
  visit(doc, {
    Alias() {
      refusal = new YamlRefusal("YAML without anchors or aliases", "an alias (*name)", "write the value out in full");
      return visit.BREAK;
    },
    Node(_key, node: YamlNode) {
      if (node.tag && (isScalar(node) || isMap(node) || isSeq(node)) && !node.tag.startsWith("tag:yaml.org,2002:")) {
        refusal = new YamlRefusal("plain YAML values", `the custom tag ${node.tag}`, "remove the tag; article files hold data only");
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (refusal) throw refusal;
  const warning = doc.warnings[0];
  if (warning) throw new YamlRefusal("plain YAML values", warning.message.split("\n")[0] ?? "a YAML warning", "remove custom tags; article files hold data only");
  const data: unknown = doc.toJS({ maxAliasCount: 0 });
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new YamlRefusal("front matter that is a mapping of fields", Array.isArray(data) ? "a list" : `a single ${typeof data} value`);
  }
  return data as Record<string, unknown>;
}

const refuseLanguage = (): never => {
  throw new Error("only YAML front matter is read");
};

/**
 * Splits one article file. Never evaluates anything: the opening fence must be a bare `---`
 * (or `---yaml`), so `---js` / `---javascript` front matter is refused before gray-matter sees it,
 * and gray-matter's other engines are replaced by refusals as a second lock.
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
  const firstLineEnd = text.indexOf("\n");
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  const fence = /^---\s*([A-Za-z0-9_-]*)\s*$/.exec(firstLine);
  if (!fence) {
    return fail(file, "front matter starting with a `---` line on the first line", firstLine.trim() === "" && text.trim() === "" ? "an empty file" : `the first line ${JSON.stringify(firstLine.slice(0, 40))}`, "article files are YAML front matter between two `---` lines");
  }
  const language = (fence[1] ?? "").toLowerCase();
  if (language !== "" && language !== "yaml" && language !== "yml") {
    return fail(file, "YAML front matter", `front matter in ${JSON.stringify(language)}`, "only YAML is read; front matter is never run as code");
  }
  const rest = text.slice(firstLine.length + 1);
  const close = /^---[ \t]*$/m.exec(rest);
  if (firstLineEnd === -1 || !close) {
    return fail(file, "a closing `---` line after the front matter", "the end of the file", "add a line with only `---` after the last field");
  }
  const normalised = `---\n${rest}`;
  try {
    const result = matter(normalised, {
      language: "yaml",
      engines: { yaml: parseYamlStrict, js: refuseLanguage, javascript: refuseLanguage, json: refuseLanguage, coffee: refuseLanguage, coffeescript: refuseLanguage, toml: refuseLanguage },
    });
    return { ok: true, parsed: { file, data: result.data, body: result.content.replace(/^\n+/, "").trimEnd() } };
  } catch (error) {
    if (error instanceof YamlRefusal) return fail(file, error.expected, error.received, error.hint);
    return fail(file, "readable YAML front matter", error instanceof Error ? error.message : String(error));
  }
}

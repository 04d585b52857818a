import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { parsePlainYaml } from "../../../src/article/plain-yaml.js";
import { splitFrontMatter } from "../../../src/article/front-matter.js";
import { generateCorpus } from "../../../bench/generate.js";

const SEEDS = path.resolve(import.meta.dirname, "../../../../shared/seeds");

const jsYaml = (source: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: yaml.load(source, { schema: yaml.CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
};

const frontMatterOf = (file: string): string => {
  const split = splitFrontMatter(readFileSync(file, "utf8").replace(/\r\n?/g, "\n"));
  if (!split.ok) throw new Error(`${file}: no front matter`);
  return split.yaml;
};

/** The fast path either declines or returns exactly what js-yaml returns; it never reads a document js-yaml refuses. */
function expectAgrees(source: string): "fast" | "declined" {
  const fast = parsePlainYaml(source);
  if (fast === undefined) return "declined";
  const full = jsYaml(source);
  expect(full.ok, `js-yaml refuses what the fast path read:\n${source}`).toBe(true);
  // node's comparison rather than vitest's: toStrictEqual compares `constructor` properties as types, and `constructor:` is a key here.
  if (full.ok) expect(isDeepStrictEqual(fast, full.value), `${JSON.stringify(fast)} is not js-yaml's ${JSON.stringify(full.value)} for:\n${source}`).toBe(true);
  return "fast";
}

describe("parsePlainYaml", () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "plain-yaml-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("reads the seed articles itself, exactly as js-yaml does", () => {
    const seeds = readdirSync(SEEDS).filter((name) => /^\d+_.*\.txt$/.test(name));
    expect(seeds.length).toBeGreaterThanOrEqual(2);
    for (const name of seeds) expect(expectAgrees(frontMatterOf(path.join(SEEDS, name))), name).toBe("fast");
  });

  it("reads every generated bench article itself, exactly as js-yaml does", () => {
    generateCorpus({ count: 400, dir: scratch, seed: 7 });
    const files = readdirSync(scratch).filter((name) => name.endsWith(".md"));
    expect(files.length).toBe(400);
    for (const name of files) expect(expectAgrees(frontMatterOf(path.join(scratch, name))), name).toBe("fast");
  });

  it("resolves plain scalars with js-yaml's core types and keeps quoted ones as text", () => {
    const source = ['a: 89', 'b: -1', 'c: 0x1F', 'd: 1_000', 'e: .inf', 'f: ~', 'g: True', 'h: "true"', "i: '42'", 'j: 2021-04-19T15:31:00Z', 'k: C# and F#', 'l: []', 'm: {}', 'n:', 'o: 1e3', 'p: -x', 'q: https://example.com/a?b=c#d'].join("\n");
    expect(expectAgrees(source)).toBe("fast");
    expect(parsePlainYaml(source)).toStrictEqual({ a: 89, b: -1, c: 31, d: "1_000", e: Infinity, f: null, g: true, h: "true", i: "42", j: "2021-04-19T15:31:00Z", k: "C# and F#", l: [], m: {}, n: null, o: 1000, p: "-x", q: "https://example.com/a?b=c#d" });
  });

  it("reads nested mappings, indented and compact sequences, and blank lines between them", () => {
    const source = "provider:\n  name: IT Pro\n  images:\n    - url: \"https://a.example/x.jpg\"\n      width: 50\n\ntopics:\n- AI\n- \"IBM AI\"\nrelated:\n  - title: One\n    provider:\n      name: B\n  - title: Two\nlast: end\n";
    expect(expectAgrees(source)).toBe("fast");
    expect(parsePlainYaml(source)).toStrictEqual({ provider: { name: "IT Pro", images: [{ url: "https://a.example/x.jpg", width: 50 }] }, topics: ["AI", "IBM AI"], related: [{ title: "One", provider: { name: "B" } }, { title: "Two" }], last: "end" });
  });

  it.each([
    ["a comment line", "title: A\n# note\n"],
    ["a trailing comment", "title: A # note\n"],
    ["a tab", "title:\tA\n"],
    ["an escape", 'title: "A\\nB"\n'],
    ["a doubled single quote", "title: 'it''s'\n"],
    ["an anchor and alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a flow list with items", "topics: [a, b]\n"],
    ["a block scalar", "excerpt: |\n  text\n"],
    ["a multi-line plain scalar", "excerpt: one\n  two\n"],
    ["a multi-line quoted scalar", 'excerpt: "one\n  two"\n'],
    ["a duplicate key", "title: A\ntitle: B\n"],
    ["a key js-yaml would turn into another word", "True: 1\n"],
    ["a quoted key", '"title": A\n'],
    ["a complex key", "? title\n: A\n"],
    ["a __proto__ key", "__proto__: x\n"],
    ["a key that starts with dashes", "---x: 1\n"],
    ["a colon inside a plain value", "title: a: b\n"],
    ["a non-printable character", "title: a\u0007b\n"],
    ["a lone surrogate", "title: a\uD800b\n"],
    ["an indented first line", "  title: A\n"],
    ["a document end marker", "title: A\n...\n"],
    ["a sequence where a mapping was", "title: A\n- x\n"],
    ["a line deeper than its block", "provider:\n  name: A\n    domain: b\n"],
    ["a nested list item", "topics:\n  - - a\n"],
    ["an empty document", ""],
    ["nesting deeper than articles need", `root:\n${Array.from({ length: 40 }, (_, i) => `${" ".repeat(i + 1)}k:`).join("\n")} v\n`],
    ["nesting past js-yaml's own limit, which it refuses", `root:\n${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i + 1)}k:`).join("\n")} v\n`],
  ])("leaves %s to js-yaml", (_, source) => {
    expect(parsePlainYaml(source)).toBeUndefined();
  });

  it("agrees with js-yaml on thousands of generated documents built from tricky pieces", () => {
    let state = 12345;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const keys = ["title", "excerpt", "a", "b_c", "x-y", "null", "True", "on", "no", "n1", "_k", "constructor", "toString", "hasOwnProperty"];
    const values = ["plain", "-1", "+2", "0", "012", "0o17", "0b101", "1_0", "3.5", ".5", "1e3", ".NaN", "-.inf", "~", "null", "NULL", "true", "FALSE", "yes", "2021-04-19", "a: b", "a #b", "a#b", "C#", "x:", ":x", "?x", "-", "-x", "--", "é ü", "日本語", "😀 emoji", "a\u0085b", "a\u2028b", '"q"', '"a\\"b"', '"with # hash"', "'s'", "'it''s'", "''", '""', "[]", "{}", "[a]", "{a: 1}", "&a x", "*a", "!t x", "|", ">", "%x", "@x", "`x", "a  b", "a b ", "https://x.example/a?b#c"];
    let fast = 0;
    for (let doc = 0; doc < 3000; doc++) {
      const lines: string[] = [];
      const block = (indent: number, depth: number): void => {
        const count = 1 + Math.floor(random() * 4);
        for (let i = 0; i < count; i++) {
          const pad = " ".repeat(Math.max(0, indent + (random() < 0.05 ? pick([-1, 1]) : 0)));
          const shape = random();
          if (shape < 0.6 || depth > 2) lines.push(`${pad}${pick(keys)}: ${pick(values)}`);
          else if (shape < 0.75) {
            lines.push(`${pad}${pick(keys)}:`);
            block(indent + pick([2, 4]), depth + 1);
          } else {
            lines.push(`${pad}${pick(keys)}:`);
            const itemIndent = indent + pick([0, 2]);
            for (let item = 0; item < 1 + Math.floor(random() * 3); item++) {
              if (random() < 0.5) lines.push(`${" ".repeat(itemIndent)}- ${pick(values)}`);
              else {
                lines.push(`${" ".repeat(itemIndent)}- ${pick(keys)}: ${pick(values)}`);
                if (random() < 0.6) lines.push(`${" ".repeat(itemIndent + 2)}${pick(keys)}: ${pick(values)}`);
              }
            }
          }
          if (random() < 0.1) lines.push("");
        }
      };
      block(0, 0);
      if (expectAgrees(`${lines.join("\n")}\n`) === "fast") fast++;
    }
    // The pieces are mostly plain enough that many documents take the fast path: the comparison is not vacuous.
    expect(fast).toBeGreaterThan(300);
  });
});

import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../../src/article/front-matter.js";
import { readArticleText } from "../../../src/article/read.js";

describe("splitFrontMatter", () => {
  it("closes only at a line of exactly ---, trailing spaces allowed", () => {
    const split = splitFrontMatter("---\ntitle: A\n---x: 1\n----\n--- \t\nbody\n");
    expect(split).toEqual({ ok: true, yaml: "title: A\n---x: 1\n----\n", body: "body\n" });
  });

  it("reads the fields after a line that only starts with --- as fields, not as body text", () => {
    const read = readArticleText("a.md", Buffer.from("---\ntitle: Visible\n---x: 1\npublished: false\nsecured: SECRET\n---\n"));
    expect(read.ok && read.parsed.data).toEqual({ title: "Visible", "---x": 1, published: false, secured: "SECRET" });
    expect(read.ok && read.parsed.body).toBe("");
  });

  it("still refuses code front matter and files without a closing fence", () => {
    expect(splitFrontMatter("---js\n{}\n---\n")).toMatchObject({ ok: false, received: 'front matter in "js"' });
    expect(splitFrontMatter("---\ntitle: A\n---x\n")).toMatchObject({ ok: false, expected: "a closing `---` line after the front matter" });
  });

  // Each of these took 24 to 38 s through gray-matter's fence and comment regular expressions.
  for (const [name, text] of [
    ["one 300 KB line", `---\ntitle: ${"a".repeat(300_000)}\n---\n`],
    ["a 300 KB opening line of spaces", `---${" ".repeat(300_000)}x\n`],
    ["a 300 KB line of dashes and spaces", `---\n${"--- ".repeat(75_000)}\n---\n`],
    ["300 KB of blank lines", `---\n${"\n".repeat(300_000)}---\n`],
    ["a 300 KB comment", `---\n# ${"#".repeat(300_000)}\ntitle: A\n---\n`],
    ["a 300 KB line that opens a flow key", `---\n[${"] ".repeat(150_000)}\n---\n`],
    ["a 300 KB run of list markers", `---\n${"- ".repeat(150_000)}?\n---\n`],
  ] as const) {
    it(`handles ${name} in well under a second`, () => {
      const started = performance.now();
      readArticleText("big.md", Buffer.from(text));
      expect(performance.now() - started).toBeLessThan(1000);
    });
  }
});

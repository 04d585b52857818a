import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { readArticleText, formatProblem, readArticleFolder } from "../../../src/index.js";
import { articleFile } from "../../helpers/article-file.js";
import { ArticleStore } from "../../../src/article/article-store.js";
import { sameData } from "../../../src/article/shared-values.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

const read = (text: string | Uint8Array) => readArticleText("content/a.md", typeof text === "string" ? Buffer.from(text) : text);
const problemOf = (text: string | Uint8Array): string => {
  const result = read(text);
  if (result.ok) throw new Error("expected a problem");
  return formatProblem(result.problem);
};

describe("readArticleText", () => {
  it("reads YAML front matter and keeps the body", () => {
    const result = read("---\ntitle: Hello\ntopics:\n  - AI\n---\n\nA note.\n");
    expect(result.ok && result.parsed).toEqual({ file: "content/a.md", data: { title: "Hello", topics: ["AI"] }, body: "A note." });
  });

  it("accepts CRLF line endings and a UTF-8 BOM, and keeps dates as strings", () => {
    const result = read("\uFEFF---\r\ntitle: Hi\r\npublishedDateTime: 2021-04-19T15:31:00Z\r\n---\r\nBody\r\n");
    expect(result.ok && result.parsed.data).toEqual({ title: "Hi", publishedDateTime: "2021-04-19T15:31:00Z" });
    expect(result.ok && result.parsed.body).toBe("Body");
  });

  it("explains each malformed file", () => {
    expect(problemOf(new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x3a, 0xff, 0xfe, 0x0a]))).toMatchInlineSnapshot(`"expected a UTF-8 text file, received bytes that are not valid UTF-8. Hint: save the file as UTF-8"`);
    expect(problemOf("title: no fences\n")).toMatchInlineSnapshot(`"expected front matter starting with a \`---\` line on the first line, received the first line "title: no fences". Hint: article files are YAML front matter between two \`---\` lines"`);
    expect(problemOf("")).toMatchInlineSnapshot(`"expected front matter starting with a \`---\` line on the first line, received an empty file. Hint: article files are YAML front matter between two \`---\` lines"`);
    expect(problemOf("---\ntitle: open\n")).toMatchInlineSnapshot(`"expected a closing \`---\` line after the front matter, received the end of the file. Hint: add a line with only \`---\` after the last field"`);
    expect(problemOf("---\ntitle: ok\ntopics: [unclosed\nother: 1\n---\n")).toMatchInlineSnapshot(`"expected valid YAML front matter, received a YAML syntax error on line 4: missed comma between flow collection entries. Hint: check quoting and indentation there"`);
    expect(problemOf("---\ntitle: one\ntitle: two\n---\n")).toMatchInlineSnapshot(`"expected each field at most once, received a duplicate key on line 3. Hint: remove one of the two"`);
    expect(problemOf("---\n- a list\n---\n")).toMatchInlineSnapshot(`"expected front matter that is a mapping of fields, received a list."`);
  });

  it("refuses every front-matter language but YAML", () => {
    for (const fence of ["---js", "---javascript", "---json", "---toml", "--- coffee"]) {
      expect(problemOf(`${fence}\n{ title: "x" }\n---\n`)).toContain("expected YAML front matter, received front matter in");
    }
    expect(problemOf("---js\n{}\n---\n")).toMatchInlineSnapshot(`"expected YAML front matter, received front matter in "js". Hint: only YAML is read; front matter is never run as code"`);
  });

  it("refuses YAML tags that construct code and anchors that multiply the document", () => {
    expect(problemOf('---\ntitle: !!js/function "function () { return 1 }"\n---\n')).toMatchInlineSnapshot(`"expected plain YAML values, received unknown tag !<tag:yaml.org,2002:js/function> on line 2. Hint: remove the tag; article files hold data only"`);
    expect(problemOf("---\ntitle: !!js/undefined ''\n---\n")).toContain("unknown tag");
    const laughs = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]", "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]", "d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]", "---", ""].join("\n");
    expect(problemOf(laughs)).toMatchInlineSnapshot(`"expected YAML without anchors or aliases, received an anchor (&name) on line 2. Hint: write each value out in full"`);
    expect(problemOf("---\nb: *undefined\n---\n")).toContain("YAML syntax error");
  });
});

describe("---js front matter never runs", () => {
  it("creates no marker file, through readArticleText or readArticleFolder", () => {
    const dir = makeTempDir("js");
    const marker = path.join(dir, "marker");
    const code = `require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"); module.exports = { title: "x" }`;
    for (const fence of ["---js", "---javascript"]) {
      const text = `${fence}\n${code}\n---\n`;
      const direct = readArticleText("evil.md", Buffer.from(text));
      expect(direct.ok).toBe(false);
      writeFileSync(path.join(dir, `${fence.slice(3)}.md`), text);
    }
    const folder = readArticleFolder(dir, { timeZone: "UTC", cwd: dir });
    expect(folder.drafts).toHaveLength(0);
    expect(folder.problems.map((p) => p.file).sort()).toEqual(["javascript.md", "js.md"]);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("readArticleFolder and symbolic links", () => {
  it("keeps to the content folder: links inside are followed; links outside, pipes, node_modules, dot-folders and the output folder are not read", () => {
    const dir = makeTempDir("links");
    const content = path.join(dir, "content");
    const elsewhere = path.join(dir, "elsewhere");
    mkdirSync(path.join(content, "sub"), { recursive: true });
    mkdirSync(elsewhere);
    writeFileSync(path.join(content, "real.md"), articleFile({ title: "Real", originalUrl: "https://outlet.example.com/real" }));
    writeFileSync(path.join(elsewhere, "target.md"), articleFile({ title: "Outside", originalUrl: "https://outlet.example.com/outside" }));
    writeFileSync(path.join(content, "sub", "kept.md"), articleFile({ title: "Kept", originalUrl: "https://outlet.example.com/kept" }));
    symlinkSync(path.join(content, "sub", "kept.md"), path.join(content, "inside-link.md"));
    symlinkSync(path.join(elsewhere, "target.md"), path.join(content, "outside-link.md"));
    symlinkSync("/etc/passwd", path.join(content, "system.md"));
    // A link back to an ancestor would make a naive walk loop forever.
    symlinkSync(content, path.join(content, "sub", "loop"));
    symlinkSync(path.join(dir, "missing.md"), path.join(content, "broken.md"));
    symlinkSync(path.join(elsewhere, "target.md"), path.join(content, "not-an-article.json"));
    // Opening a FIFO would block the build until something writes to it.
    execFileSync("mkfifo", [path.join(content, "pipe.md")]);
    for (const folder of ["node_modules/pkg", ".git", "_site/articles"]) {
      mkdirSync(path.join(content, folder), { recursive: true });
      writeFileSync(path.join(content, folder, "x.md"), articleFile({ title: `In ${folder}`, originalUrl: `https://outlet.example.com/${folder}` }));
    }

    const folder = readArticleFolder("content", { timeZone: "UTC", cwd: dir, skip: [path.join(content, "_site")] });
    expect(folder.files).toEqual(["content/inside-link.md", "content/real.md", "content/sub/kept.md"]);
    expect(folder.drafts.map((d) => d.title).sort()).toEqual(["Kept", "Kept", "Real"]);
    expect(JSON.stringify(folder.problems)).not.toContain("root:");
    expect(folder.problems.map((p) => `${p.severity}: ${p.file}: ${formatProblem(p)}`)).toMatchInlineSnapshot(`
      [
        "warning: content/.git: expected an article file or a folder, received a folder that is never read for articles. Hint: dot-folders hold tools' files; it was skipped",
        "warning: content/_site: expected an article file or a folder, received the output folder, inside the content folder. Hint: the site's own output is never read as articles; it was skipped",
        "warning: content/broken.md: expected an article file or a folder, received a symbolic link whose target does not exist. Hint: fix or remove the link",
        "warning: content/node_modules: expected an article file or a folder, received a folder that is never read for articles. Hint: node_modules holds packages; it was skipped",
        "warning: content/outside-link.md: expected an article file or a folder, received a symbolic link to a file outside the content folder. Hint: only files inside the content folder are read; copy the file in instead",
        "warning: content/pipe.md: expected an article file or a folder, received a named pipe (FIFO). Hint: it was skipped without being opened",
        "warning: content/sub/loop: expected an article file or a folder, received a symbolic link to a folder. Hint: linked folders are not followed, so a link cannot make the walk loop; link the files instead, or move the folder in",
        "warning: content/system.md: expected an article file or a folder, received a symbolic link to a file outside the content folder. Hint: only files inside the content folder are read; copy the file in instead",
      ]
    `);
  });
});

describe("a file that cannot be read", () => {
  // As root (CI here) permissions never refuse a read; a file gone between listing and reading takes the same path.
  it("is a problem naming it, not a crashed build", async () => {
    const { validateJobs } = await import("../../../src/article/read-folder.js");
    const [result] = validateJobs([{ file: "content/gone.md", full: path.join(makeTempDir("gone"), "gone.md") }], "UTC");
    expect(result?.problems.map((p) => `${p.file}: ${formatProblem(p)}`)).toEqual(["content/gone.md: expected a file the build can read, received an error: ENOENT. Hint: fix its permissions, or remove it"]);
  });
});

describe("providers named by many files", () => {
  it("are one object per outlet, name and logo across a folder, and equal to what each file says", () => {
    const dir = makeTempDir("providers");
    const logo = () => [{ url: "https://outlet.example.com/logo.png", width: 50, height: 50 }];
    // A new object each time: the YAML writer would otherwise make anchors, which files may not hold.
    const provider = (fields: Record<string, unknown> = {}) => ({ name: "Daily  News", domain: "www.daily.example", images: logo(), ...fields });
    const related = { title: "Other", publishedDateTime: "2026-03-01T09:00:00Z", webUrl: "https://other.example.org/1", provider: provider() };
    writeFileSync(path.join(dir, "a.md"), articleFile({ title: "A", originalUrl: "https://daily.example/a", provider: provider(), related: [related] }));
    writeFileSync(path.join(dir, "b.md"), articleFile({ title: "B", originalUrl: "https://daily.example/b", provider: provider() }));
    // The same outlet with another logo, and another outlet of the same name.
    writeFileSync(path.join(dir, "c.md"), articleFile({ title: "C", originalUrl: "https://daily.example/c", provider: provider({ images: [] }) }));
    writeFileSync(path.join(dir, "d.md"), articleFile({ title: "D", originalUrl: "https://news.example/d", provider: provider({ domain: "news.example" }) }));
    const drafts = readArticleFolder(dir, { timeZone: "UTC" }).drafts;
    const [a, b, c, d] = ["A", "B", "C", "D"].map((title) => drafts.find((draft) => draft.title === title));
    expect(a?.provider).toEqual({ name: "Daily News", domain: "daily.example", images: logo() });
    expect(b?.provider).toBe(a?.provider);
    expect(a?.related[0]?.provider).toBe(a?.provider);
    expect(c?.provider).toEqual({ name: "Daily News", domain: "daily.example", images: [] });
    expect(c?.provider).not.toBe(a?.provider);
    expect(d?.provider).toEqual({ name: "Daily News", domain: "news.example", images: logo() });
  });

  it("share equal related items, and only equal ones, read from files or from the article store", () => {
    const dir = makeTempDir("related");
    const item = (fields: Record<string, unknown> = {}) => ({ title: "Other", publishedDateTime: "2026-03-01T09:00:00Z", webUrl: "https://other.example.org/1", provider: { name: "Other", domain: "other.example.org" }, ...fields });
    // Enough files for the store to hold them in more than one batch.
    for (let i = 0; i < 450; i++) writeFileSync(path.join(dir, `a${String(i).padStart(3, "0")}.md`), articleFile({ title: `A${i}`, originalUrl: `https://daily.example/${i}`, related: [item(), item({ quality: i === 7 ? -0 : 0 })] }));
    const store = new ArticleStore(makeTempDir("related-store"));
    const reads = [readArticleFolder(dir, { timeZone: "UTC", store }), readArticleFolder(dir, { timeZone: "UTC", store })];
    expect(reads.map((read) => read.stored)).toEqual([0, 450]);
    for (const read of reads) {
      const [first, seventh, last] = [0, 7, 449].map((i) => read.drafts[i]);
      expect(first?.related[0]).toEqual({ title: "Other", excerpt: "", publishedAt: "2026-03-01T09:00:00.000Z", url: "https://other.example.org/1", urlKey: "https://other.example.org/1", webUrl: "https://other.example.org/1", provider: { name: "Other", domain: "other.example.org", images: [] }, images: [] });
      expect(last?.related[0]).toBe(first?.related[0]);
      expect(last?.related[1]).toBe(first?.related[1]);
      expect(first?.related[1]).not.toBe(first?.related[0]);
      // -0 is read as 0 (the store keeps JSON, which has no -0), so the same from a file or the store.
      expect(Object.is(seventh?.related[1]?.quality, 0)).toBe(true);
      expect(seventh?.related[1]).toBe(first?.related[1]);
    }
  });
});

describe("sameData", () => {
  it("compares parsed values by value", () => {
    expect(sameData({ a: [1, { b: "x" }], c: true }, { c: true, a: [1, { b: "x" }] })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(0, -0)).toBe(false);
    expect(sameData({ a: [1] }, { a: [1, 1] })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });

  it("agrees with util.isDeepStrictEqual on parsed values", () => {
    const values: unknown[] = [0, -0, 1, "", "a", true, null, [], {}, [1], { a: 1 }, { a: 1, b: [2, { c: "x" }] }, { b: [2, { c: "x" }], a: 1 }, { a: undefined }, { b: undefined }];
    for (const a of values) for (const b of values) expect(sameData(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(isDeepStrictEqual(a, b));
  });
});

import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleStore } from "../../../src/article/article-store.js";
import { ArticleCache, readArticleFolder, readArticleFolderWith, type FolderReadOptions } from "../../../src/article/read-folder.js";
import { validateInParallel } from "../../../src/article/read-parallel.js";
import { articleFile } from "../../helpers/article-file.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

// A date without an offset is read in the timeZone option, so drafts differ between zones.
const story = (n: number, fields: Record<string, unknown> = {}) => articleFile({ title: `Story ${n}`, originalUrl: `https://outlet.example.com/s/${n}`, publishedDateTime: "2026-03-01T10:00:00", ...fields });

const options = (root: string, store: ArticleStore | undefined, timeZone = "UTC"): FolderReadOptions => ({ cwd: root, timeZone, ...(store ? { store } : {}) });
const storeFile = (cacheDir: string): string => {
  const names = readdirSync(cacheDir).filter((name) => name.startsWith("articles-"));
  expect(names).toHaveLength(1);
  return path.join(cacheDir, names[0] as string);
};

describe("the persistent store of parsed articles", () => {
  it("answers every unchanged file from the store with what parsing gave: same drafts, problems and order", async () => {
    const { root, content, cacheDir } = setUp();
    const parsed = readArticleFolder(content, options(root, undefined));
    expect(parsed.problems.map((p) => `${p.severity} ${p.file} ${p.field}`)).toEqual(["error content/a3.md title", "warning content/a4.md related[0].publishedDateTime", "warning content/a4.md related[0].provider", "warning content/a4.md related[0].originalUrl"]);
    const first = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(first.stored).toBe(0);
    // A new store object reads the file, as the next build's process does.
    const second = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(second.stored).toBe(5);
    expect({ ...second, stored: 0, cached: 0 }).toEqual({ ...parsed, stored: 0, cached: 0 });
    // Worker threads validating the misses give the same, and hash the bytes they read.
    const parallel = await readArticleFolderWith(content, options(root, new ArticleStore(cacheDir)), validateInParallel(2, 1));
    expect(parallel.stored).toBe(5);
    expect(parallel.drafts).toEqual(parsed.drafts);
  });

  it("never parses a file whose bytes it knows: the stored result is the answer", () => {
    const { root, content, cacheDir } = setUp();
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    // Doctor the stored draft of a1.md (hash unchanged): only an answer from the store can carry it.
    const store = new ArticleStore(cacheDir);
    const entries = new Map(store.load(content, "UTC"));
    const a1 = entries.get("content/a1.md");
    if (!a1?.result.draft) throw new Error("a1.md was not stored");
    entries.set("content/a1.md", { hash: a1.hash, result: { draft: { ...a1.result.draft, title: "From the store" }, problems: [] } });
    // Saved by another object: this one remembers loading these very hashes and would not write them again.
    new ArticleStore(cacheDir).save(content, "UTC", entries);
    const read = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(read.drafts.map((d) => d.title)).toEqual(["From the store", "Story 2", "Story 4", "Story 5"]);
  });

  it("hashes a file larger than its read buffer whole: an edit past the first 64 KiB is seen", () => {
    const { root, content, cacheDir } = setUp();
    const big = (tail: string) => `${story(6)}\n${"A long note. ".repeat(10_000)}${tail}\n`;
    writeFileSync(path.join(content, "a6.md"), big("first"));
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(readArticleFolder(content, options(root, new ArticleStore(cacheDir))).stored).toBe(5 + 1);
    writeFileSync(path.join(content, "a6.md"), big("second"));
    const read = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(read.stored).toBe(5);
    expect(read.drafts.find((d) => d.title === "Story 6")?.body.endsWith("second")).toBe(true);
  });

  it("parses a changed file again and answers the rest from the store", () => {
    const { root, content, cacheDir } = setUp();
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    writeFileSync(path.join(content, "a2.md"), story(2, { title: "Story 2, corrected" }));
    // The invalid file, mended, is parsed again too, and its problem goes.
    writeFileSync(path.join(content, "a3.md"), story(3));
    const read = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(read.stored).toBe(3);
    expect(read.drafts.map((d) => d.title)).toEqual(["Story 1", "Story 2, corrected", "Story 3", "Story 4", "Story 5"]);
    expect(new Set(read.problems.map((p) => p.file))).toEqual(new Set(["content/a4.md"]));
    // And the store now holds the new versions.
    expect(readArticleFolder(content, options(root, new ArticleStore(cacheDir))).stored).toBe(5);
  });

  it("drops files that vanished, and reads a new one", () => {
    const { root, content, cacheDir } = setUp();
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    rmSync(path.join(content, "a1.md"));
    writeFileSync(path.join(content, "a6.md"), story(6));
    const read = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(read.stored).toBe(4);
    expect([...new ArticleStore(cacheDir).load(content, "UTC").keys()].sort()).toEqual(["content/a2.md", "content/a3.md", "content/a4.md", "content/a6.md", "content/nested/a5.md"]);
  });

  it("is not used under another time zone, whose drafts differ", () => {
    const { root, content, cacheDir } = setUp();
    readArticleFolder(content, options(root, new ArticleStore(cacheDir), "UTC"));
    const berlin = readArticleFolder(content, options(root, new ArticleStore(cacheDir), "Europe/Berlin"));
    expect(berlin.stored).toBe(0);
    expect(berlin.drafts).toEqual(readArticleFolder(content, options(root, undefined, "Europe/Berlin")).drafts);
    expect(berlin.drafts[0]?.publishedAt).toBe("2026-03-01T09:00:00.000Z");
  });

  it("ignores a store file that is corrupt, truncated, or made by another version or other code, and builds as if it were empty", () => {
    const { root, content, cacheDir } = setUp();
    const parsed = readArticleFolder(content, options(root, undefined));
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    const file = storeFile(cacheDir);
    const good = readFileSync(file);
    const headerEnd = 8 + good.readUInt32BE(4);
    const header = JSON.parse(good.subarray(8, headerEnd).toString("utf8")) as Record<string, unknown>;
    const withHeader = (changes: Record<string, unknown>): Buffer => {
      const text = Buffer.from(JSON.stringify({ ...header, ...changes }));
      const length = Buffer.alloc(4);
      length.writeUInt32BE(text.length);
      return Buffer.concat([good.subarray(0, 4), length, text, good.subarray(headerEnd)]);
    };
    // One letter of a stored title changed: still a well-formed store, so only the checksum tells.
    const flipped = Buffer.from(good);
    const title = flipped.lastIndexOf("Story 5");
    expect(title).toBeGreaterThan(headerEnd);
    flipped[title + 2] = "u".charCodeAt(0);
    // The first record's length frame says more bytes than the file has.
    const hugeFrame = Buffer.from(good);
    hugeFrame.writeUInt32BE(0xfffffff0, headerEnd);
    const damaged: Record<string, Buffer> = {
      "bytes after the end": Buffer.concat([good, Buffer.from("x")]),
      "no end frame and digest": good.subarray(0, good.length - 24),
      "a frame longer than the file": hugeFrame,
      empty: Buffer.alloc(0),
      garbage: Buffer.from("not a store at all"),
      "truncated header": good.subarray(0, 12),
      "truncated payload": good.subarray(0, good.length - 100),
      "a changed letter in a title": flipped,
      "another store version": withHeader({ version: 999 }),
      "other code": withHeader({ code: "some other reader" }),
      "another content folder": withHeader({ contentDir: "/elsewhere" }),
      "a header that is not JSON": Buffer.concat([good.subarray(0, 8), Buffer.from("{".padEnd(headerEnd - 8, "x")), good.subarray(headerEnd)]),
    };
    for (const [what, bytes] of Object.entries(damaged)) {
      writeFileSync(file, bytes);
      const read = readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
      expect(read.stored, what).toBe(0);
      expect({ ...read, cached: 0 }, what).toEqual({ ...parsed, stored: 0, cached: 0 });
    }
    // The build that ignored it wrote a good one again.
    expect(readArticleFolder(content, options(root, new ArticleStore(cacheDir))).stored).toBe(5);
  });

  it("is left alone by a watch rebuild, whose in-memory cache already holds what it would answer", () => {
    const { root, content, cacheDir } = setUp();
    const cache = new ArticleCache();
    const store = new ArticleStore(cacheDir);
    // The session's first build uses the store (and fills it).
    expect(readArticleFolder(content, { ...options(root, store), cache }).stored).toBe(0);
    const file = storeFile(cacheDir);
    const saved = readFileSync(file);
    writeFileSync(path.join(content, "a1.md"), story(1, { title: "Edited while watching" }));
    rmSync(path.join(content, "a2.md"));
    const rebuild = readArticleFolder(content, { ...options(root, store), cache });
    expect(rebuild.stored).toBe(0);
    expect(rebuild.cached).toBe(3);
    expect(rebuild.drafts.map((d) => d.title)).toEqual(["Edited while watching", "Story 4", "Story 5"]);
    expect(readFileSync(file).equals(saved)).toBe(true);
    // The next process parses the edited file once, and takes the rest from the store.
    expect(readArticleFolder(content, options(root, new ArticleStore(cacheDir))).stored).toBe(3);
  });

  it("removes the file an earlier version of the store left beside its own", () => {
    const { root, content, cacheDir } = setUp();
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    const legacy = storeFile(cacheDir).replace(/\.records$/, ".v8");
    writeFileSync(legacy, "node:v8 batches of store version 1");
    writeFileSync(path.join(content, "a1.md"), story(1, { title: "Changed" }));
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(readdirSync(cacheDir).filter((name) => name.startsWith("articles-"))).toEqual([path.basename(storeFile(cacheDir))]);
  });

  it("is one file per content folder, not rewritten by a build that changed nothing", () => {
    const { root, content, cacheDir } = setUp();
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    const file = storeFile(cacheDir);
    const longAgo = new Date("2001-01-01T00:00:00Z");
    utimesSync(file, longAgo, longAgo);
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(statSync(file).mtime.getTime()).toBe(longAgo.getTime());
    writeFileSync(path.join(content, "a1.md"), story(1, { title: "Changed" }));
    readArticleFolder(content, options(root, new ArticleStore(cacheDir)));
    expect(statSync(file).mtime.getTime()).toBeGreaterThan(longAgo.getTime());
    expect(storeFile(cacheDir)).toBe(file);
  });
});

/** A content folder of five files, the third invalid (its title is a list) and the fourth with a warning. */
function setUp(): { root: string; content: string; cacheDir: string } {
  const root = makeTempDir("article-store");
  const content = path.join(root, "content");
  const files: Record<string, string> = { "a1.md": story(1), "a2.md": story(2), "a3.md": story(3, { title: ["not", "a", "string"] }), "a4.md": story(4, { related: [{ title: "An outlet's copy" }] }), "nested/a5.md": story(5) };
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(content, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { root, content, cacheDir: path.join(root, "cache") };
}

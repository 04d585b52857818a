import { mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveInside, writeOutputFiles } from "../../../src/site/write-files.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

describe("writing generated files", () => {
  it("keeps every path inside the output folder, whatever the site path says", () => {
    const out = path.join(os.tmpdir(), "nd-out");
    expect(resolveInside(out, "/topics/ai/feed.xml")).toBe(path.join(out, "topics/ai/feed.xml"));
    expect(resolveInside(out, "../../etc/passwd")).toBe(path.join(out, "etc/passwd"));
    expect(resolveInside(out, "/a/../../../b")).toBe(path.join(out, "b"));
  });

  it("writes every file with its contents and counts files and bytes", () => {
    const out = makeTempDir("write");
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `/dir${i % 3}/f${i}.xml`, contents: `<x>${"é".repeat(i)}</x>` }));
    const written = writeOutputFiles(out, files);
    expect(written.files).toBe(40);
    expect(written.bytes).toBe(files.reduce((sum, f) => sum + Buffer.byteLength(f.contents), 0));
    for (const file of files) expect(readFileSync(path.join(out, file.path), "utf8")).toBe(file.contents);
  });

  it("fails naming the file when one cannot be written, keeping those already written", () => {
    const out = makeTempDir("write-fail");
    mkdirSync(path.join(out, "taken", "feed.xml"), { recursive: true });
    expect(() => writeOutputFiles(out, [{ path: "/ok.xml", contents: "<ok/>" }, { path: "/taken/feed.xml", contents: "<x/>" }])).toThrow(/EISDIR.*taken\/feed\.xml/);
    expect(readFileSync(path.join(out, "ok.xml"), "utf8")).toBe("<ok/>");
  });
});

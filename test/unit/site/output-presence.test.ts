import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingOutputFiles, presentUnless } from "../../../src/site/output-presence.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

describe("missingOutputFiles", () => {
  it("names the recorded files the output folder no longer holds, and any path outside it", async () => {
    const outputDir = makeTempDir("presence");
    mkdirSync(path.join(outputDir, "articles", "a"), { recursive: true });
    writeFileSync(path.join(outputDir, "articles", "a", "index.html"), "a");
    writeFileSync(path.join(outputDir, "feed.xml"), "f");
    const missing = await missingOutputFiles(outputDir, ["/articles/a/index.html", "/feed.xml", "/articles/b/index.html", "/../outside.html", "/topics/x/feed.json"]);
    expect([...missing].sort()).toEqual(["/../outside.html", "/articles/b/index.html", "/topics/x/feed.json"]);
    const onDisk = presentUnless(missing);
    expect(onDisk("/feed.xml")).toBe(true);
    expect(onDisk("/articles/b/index.html")).toBe(false);
    expect(await missingOutputFiles(outputDir, [])).toEqual(new Set());
  });
});

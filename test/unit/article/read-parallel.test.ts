import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readArticleFolder, readArticleFolderWith } from "../../../src/article/read-folder.js";
import { validateInParallel } from "../../../src/article/read-parallel.js";
import { articleFile } from "../../helpers/article-file.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

describe("reading a folder across worker threads", () => {
  it("gives the same drafts and problems, in the same order, as reading it in one thread", async () => {
    const dir = makeTempDir("parallel");
    for (let i = 0; i < 30; i++) {
      const name = `a${String(i).padStart(2, "0")}.md`;
      writeFileSync(path.join(dir, name), i % 7 === 3 ? articleFile({ title: `Bad ${i}`, published: "false" }) : articleFile({ title: `Story ${i}`, originalUrl: `https://outlet.example.com/s/${i}` }));
    }
    const serial = readArticleFolder(dir, { timeZone: "UTC" });
    // Three threads, ten files each: the first share in this thread, two in real workers.
    const parallel = await readArticleFolderWith(dir, { timeZone: "UTC" }, validateInParallel(3, 10));
    expect(parallel).toEqual(serial);
    expect(parallel.drafts).toHaveLength(26);
    expect(parallel.problems.filter((p) => p.severity === "error").map((p) => p.file.slice(-6))).toEqual(["a03.md", "a10.md", "a17.md", "a24.md"]);
  });
});

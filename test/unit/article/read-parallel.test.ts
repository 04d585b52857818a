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

  it("reports reading progress every thousand files, in one thread and across threads", async () => {
    const dir = makeTempDir("progress");
    const text = articleFile({ title: "Story" });
    for (let i = 0; i < 2500; i++) writeFileSync(path.join(dir, `a${String(i).padStart(4, "0")}.md`), text.replace("https://outlet.example.com/news/story", `https://outlet.example.com/s/${i}`));
    const serial: string[] = [];
    readArticleFolder(dir, { timeZone: "UTC", onProgress: (done, total) => serial.push(`${done}/${total}`) });
    expect(serial).toEqual(["1000/2500", "2000/2500"]);
    // Two threads of 1,250 files: this thread's progress, scaled to the whole folder.
    const parallel: string[] = [];
    await readArticleFolderWith(dir, { timeZone: "UTC", onProgress: (done, total) => parallel.push(`${done}/${total}`) }, validateInParallel(2, 1000));
    expect(parallel).toEqual(["2000/2500"]);
  });
});

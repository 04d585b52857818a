import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../bench/generate.js";
import { readArticleFolder } from "../../../src/index.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/seeds");
const URL_FIELDS = new Set(["originalUrl", "webUrl", "ampWebUrl", "cdnAmpWebUrl"]);

interface FileShape {
  bytes: number;
  related: number;
  urls: number;
  images: number;
  topLevelKeys: number;
  topics: number;
  /** Every key path in the file, arrays as `[]` (`related[].provider.domain`). */
  paths: Set<string>;
}

// Parsed with gray-matter rather than the product's reader: the test measures the files as any
// front-matter reader sees them, not as the code under benchmark normalises them.
function shapeOf(text: string): FileShape {
  const data = matter(text).data as Record<string, unknown>;
  const shape: FileShape = { bytes: Buffer.byteLength(text), related: Array.isArray(data.related) ? data.related.length : 0, urls: 0, images: 0, topLevelKeys: Object.keys(data).length, topics: Array.isArray(data.topics) ? data.topics.length : 0, paths: new Set() };
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, `${at}[]`));
    else if (value && typeof value === "object" && !(value instanceof Date)) {
      for (const [key, inner] of Object.entries(value)) {
        const keyPath = at ? `${at}.${key}` : key;
        shape.paths.add(keyPath);
        if (URL_FIELDS.has(key)) shape.urls++;
        if (key === "images" && Array.isArray(inner)) shape.images += inner.length;
        walk(inner, keyPath);
      }
    }
  };
  walk(data, "");
  return shape;
}

type Means = Record<"bytes" | "related" | "urls" | "images" | "topLevelKeys" | "topics", number>;

function folderShape(dir: string): { means: Means; paths: Set<string>; files: string[] } {
  const files = readdirSync(dir).sort();
  const shapes = files.map((name) => shapeOf(readFileSync(path.join(dir, name), "utf8")));
  const mean = (key: keyof Means) => shapes.reduce((sum, s) => sum + s[key], 0) / shapes.length;
  return {
    means: { bytes: mean("bytes"), related: mean("related"), urls: mean("urls"), images: mean("images"), topLevelKeys: mean("topLevelKeys"), topics: mean("topics") },
    paths: new Set(shapes.flatMap((s) => [...s.paths])),
    files,
  };
}

/** Each generated mean over the seeds' mean; 1 is a perfect match. */
const ratios = (generated: Means, seeds: Means) => Object.fromEntries(Object.entries(generated).map(([key, value]) => [key, Number((value / seeds[key as keyof Means]).toFixed(2))]));
const outside20 = (r: Record<string, number>) => Object.entries(r).filter(([, ratio]) => ratio < 0.8 || ratio > 1.2).map(([key]) => key);

describe("bench/generate.js", () => {
  const seeds = folderShape(SEEDS);

  it("reads the seeds as they are: 5.6 KB, 3.5 related items, 14.5 URL fields, 5.5 images, 17 top-level keys", () => {
    // Pinned, so a change to the fixtures cannot quietly move the target the generator is held to.
    expect(seeds.means).toEqual({ bytes: 5562.5, related: 3.5, urls: 14.5, images: 5.5, topLevelKeys: 17, topics: 1.5 });
  });

  it("writes files of the seeds' shape and size by default (every mean within 20%, the same fields)", () => {
    const dir = makeTempDir("bench-realistic");
    generateCorpus({ count: 200, dir });
    const generated = folderShape(dir);
    const r = ratios(generated.means, seeds.means);
    expect(outside20(r), `generated / seeds: ${JSON.stringify(r)}`).toEqual([]);
    expect([...generated.paths].sort()).toEqual([...seeds.paths].sort());
  });

  it("tells the small shape apart: it is a third of the size, with a third of the URLs", () => {
    const dir = makeTempDir("bench-small");
    generateCorpus({ count: 200, dir, shape: "small" });
    const generated = folderShape(dir);
    expect(outside20(ratios(generated.means, seeds.means))).toEqual(expect.arrayContaining(["bytes", "related", "urls"]));
    expect([...seeds.paths].filter((p) => !generated.paths.has(p))).toEqual(expect.arrayContaining(["cdnAmpWebUrl", "related[].ampWebUrl"]));
  });

  it("is deterministic: the same count and seed give byte-identical files, another seed other files", () => {
    const [a, b, c] = [makeTempDir("bench-a"), makeTempDir("bench-b"), makeTempDir("bench-c")];
    generateCorpus({ count: 50, dir: a, seed: 7 });
    generateCorpus({ count: 50, dir: b, seed: 7 });
    generateCorpus({ count: 50, dir: c, seed: 8 });
    const contents = (dir: string) => readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), "utf8")]);
    expect(contents(b)).toEqual(contents(a));
    expect(contents(c)).not.toEqual(contents(a));
  });

  it("writes valid articles whose related items are their story's other coverage, not strangers", () => {
    const dir = makeTempDir("bench-stories");
    generateCorpus({ count: 400, dir });
    expect(readArticleFolder(dir, { timeZone: "UTC", cwd: dir }).problems).toEqual([]);

    // Stories as the links make them: files joined through the URLs their related items share.
    const parent = new Map<string, string>();
    const root = (url: string): string => {
      let at = url;
      while (parent.has(at) && parent.get(at) !== at) at = parent.get(at) as string;
      return at;
    };
    const join = (a: string, b: string) => parent.set(root(a), root(b));
    const own = new Set<string>();
    let linkedToCorpus = 0;
    const files = readdirSync(dir).map((name) => matter(readFileSync(path.join(dir, name), "utf8")).data as { originalUrl: string; related: { webUrl: string }[] });
    for (const file of files) own.add(file.originalUrl);
    for (const file of files) {
      const targets = file.related.map((item) => item.webUrl.replace(/[?&]utm_source=feed$/, ""));
      if (targets.some((url) => own.has(url))) linkedToCorpus++;
      for (const url of targets) join(file.originalUrl, url);
    }
    const sizes = new Map<string, number>();
    for (const url of own) sizes.set(root(url), (sizes.get(root(url)) ?? 0) + 1);
    // Many stories span several files of the corpus, and none swallows a large part of it.
    expect(linkedToCorpus / files.length).toBeGreaterThan(0.2);
    expect(Math.max(...sizes.values())).toBeLessThan(20);
  });
});

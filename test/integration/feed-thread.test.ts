import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate.js";
import { feedsInThread, fileExists, startFeeds, writeFeeds } from "../../src/build/feed-writer.js";
import type { FeedSite } from "../../src/feeds/index.js";
import { digestFromFiles } from "../helpers/digest.js";
import { ItemFingerprintMemo } from "../../src/feeds/item-memo.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const site: FeedSite = { siteUrl: "https://digest.example.org", pathPrefix: "/news/", title: "Test Digest", description: "Tests", language: "en", feedSize: 4, websubHub: "" };

function corpusDigest() {
  const dir = makeTempDir("feed-thread-corpus");
  generateCorpus({ count: 80, dir, seed: 3, shape: "realistic" });
  const names = readdirSync(dir).filter((name) => name.endsWith(".md")).sort();
  return digestFromFiles(Object.fromEntries(names.map((name) => [name, readFileSync(path.join(dir, name), "utf8")])));
}

function filesUnder(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
  }
  return found;
}

describe("feeds written by the feed thread (a real worker thread)", () => {
  const digest = corpusDigest();

  it("writes the same files, byte for byte, as writing them in this thread", async () => {
    const inThread = makeTempDir("feeds-thread");
    const here = makeTempDir("feeds-here");
    const written = await startFeeds({ digest, site, outputDir: inThread }, true).finish();
    writeFeeds({ digest, site, outputDir: here }, (sitePath) => fileExists(here, sitePath));
    const a = filesUnder(inThread);
    const b = filesUnder(here);
    expect(a.size).toBeGreaterThan(100);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, contents] of b) expect(a.get(file), file).toBe(contents);
    expect(written.feeds + written.archives).toBe(a.size);
    expect(written.fingerprints).toEqual([]);
  });

  it("skips feeds whose fingerprint it was given and whose file is there, and reports every fingerprint", async () => {
    const outputDir = makeTempDir("feeds-again");
    const first = await startFeeds({ digest, site, outputDir, previous: new Map() }, true).finish();
    // Every feed, the OPML list among them (by its contents).
    expect(first.fingerprints.length).toBe(first.feeds + first.archives);
    const before = statSync(path.join(outputDir, "feed.xml")).mtimeMs;
    const again = await startFeeds({ digest, site, outputDir, previous: new Map(first.fingerprints) }, true).finish();
    // Nothing is written again, the OPML list included.
    expect(again.feeds + again.archives).toBe(0);
    expect(statSync(path.join(outputDir, "feed.xml")).mtimeMs).toBe(before);
    expect(new Map(again.fingerprints)).toEqual(new Map(first.fingerprints));
  });

  it("records the fingerprints a build in this thread computes, so the next build skips the same feeds", async () => {
    const [inThread, here] = [makeTempDir("feeds-fp-thread"), makeTempDir("feeds-fp-here")];
    // Articles known by their files' hashes, as a build knows them: items are then fingerprinted by their inputs, coverage among them.
    const sources = { contentHashes: new Map(digest.articles.map((article) => [article.sourceFile, `hash of ${article.sourceFile}`])), timeZone: "UTC" };
    const threaded = await startFeeds({ digest, site, outputDir: inThread, previous: new Map(), sources }, true).finish();
    const inline = await startFeeds({ digest, site, outputDir: here, previous: new Map(), sources }, false).finish();
    expect(threaded.fingerprints.length).toBeGreaterThan(100);
    expect(new Map(inline.fingerprints)).toEqual(new Map(threaded.fingerprints));
  });

  it("sends back its items' fingerprints when asked, and a memo that adopts them reuses every one in this thread, to the same documents' fingerprints", async () => {
    const [inThread, here] = [makeTempDir("feeds-items-thread"), makeTempDir("feeds-items-here")];
    const sources = { contentHashes: new Map(digest.articles.map((article) => [article.sourceFile, `hash of ${article.sourceFile}`])), timeZone: "UTC" };
    const threaded = await startFeeds({ digest, site, outputDir: inThread, previous: new Map(), sources, keepItems: true }, true).finish();
    expect(threaded.items?.items.length).toBeGreaterThan(digest.articles.length);
    let made = 0;
    let asked = 0;
    const memo = new (class extends ItemFingerprintMemo {
      override fingerprint(kind: string, article: Parameters<ItemFingerprintMemo["fingerprint"]>[1], key: string, make: () => string): string {
        asked++;
        return super.fingerprint(kind, article, key, () => (made++, make()));
      }
    })();
    const byPageUrl = new Map(digest.articles.map((article) => [article.pageUrl, article] as const));
    memo.adopt(threaded.items as NonNullable<typeof threaded.items>, (pageUrl) => byPageUrl.get(pageUrl));
    const inline = await startFeeds({ digest, site, outputDir: here, previous: new Map(), sources, itemMemo: memo }, false).finish();
    expect(asked).toBe(threaded.items?.items.length);
    // The thread's coverage is its slim copy: its keys and fingerprints must be this thread's.
    expect(made).toBe(0);
    expect(new Map(inline.fingerprints)).toEqual(new Map(threaded.fingerprints));
  });

  it("takes a thread for a large clean build only: with the last build's fingerprints few feeds render, and Pagefind needs the core", () => {
    expect(feedsInThread(10_000, undefined)).toBe(true);
    expect(feedsInThread(10_000, new Map())).toBe(true);
    expect(feedsInThread(10_000, new Map([["/feed.xml", "x"]]))).toBe(false);
    expect(feedsInThread(999, undefined)).toBe(false);
  });

  it("writes the feeds in this thread, the same bytes, when the thread runs out of its heap", async () => {
    const outputDir = makeTempDir("feeds-out-of-memory");
    const here = makeTempDir("feeds-out-of-memory-here");
    const logs: string[] = [];
    // Far less than the thread needs to receive the articles at all.
    const written = await startFeeds({ digest, site, outputDir, log: (message) => logs.push(message) }, true, 2).finish();
    expect(logs).toEqual(["[news-digest] the feed thread ran out of its 2 MiB heap; writing the feeds in the main thread instead (the same files, slower)."]);
    writeFeeds({ digest, site, outputDir: here }, (sitePath) => fileExists(here, sitePath));
    expect(filesUnder(outputDir)).toEqual(filesUnder(here));
    expect(written.feeds + written.archives).toBe(filesUnder(here).size);
  });

  it("fails with the feeds' own message, not a thread's stack", async () => {
    const pending = startFeeds({ digest, site: { ...site, siteUrl: "" }, outputDir: makeTempDir("feeds-fail") }, true);
    await expect(pending.finish()).rejects.toThrow(/^\[news-digest\] feeds need the site's public address: set the siteUrl option/);
  });

  it("stops when abandoned, and then writes nothing more", async () => {
    const outputDir = makeTempDir("feeds-abandoned");
    const pending = startFeeds({ digest, site, outputDir }, true);
    await pending.abandon();
    const count = filesUnder(outputDir).size;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(filesUnder(outputDir).size).toBe(count);
  });
});

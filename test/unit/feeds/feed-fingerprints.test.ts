import { describe, expect, it } from "vitest";
import { renderAllFeeds, type FeedSite } from "../../../src/feeds/index.js";
import { articleFingerprints } from "../../../src/article/article-fingerprint.js";
import { contentHash } from "../../../src/article/article-store.js";
import { resolveOptions } from "../../../src/options.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const site: FeedSite = { siteUrl: "https://digest.example.org", pathPrefix: "/", title: "Test Digest", description: "Tests", language: "en", feedSize: 3, websubHub: "" };
const ledger = { name: "Harbor Ledger", domain: "harbor-ledger.example.com" };
const northwind = { name: "Northwind", domain: "northwind.example.org" };
const eastgate = { name: "Eastgate", domain: "eastgate.example.net" };

function follow(file: string, title: string, provider: { name: string; domain: string }, story: number): string {
  return articleFile({
    title,
    publishedDateTime: "2026-03-20T10:00:00Z",
    originalUrl: `https://${provider.domain}/${file}`,
    provider,
    related: [{ title: `Story ${story}`, publishedDateTime: `2026-03-0${story}T10:00:00Z`, webUrl: `https://harbor-ledger.example.com/story-${story}`, provider: ledger }],
  });
}

/** Eight stories from one outlet; another outlet follows story 1 up. */
function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= 8; i++) {
    out[`a${i}.md`] = articleFile({
      title: `Story ${i}`,
      publishedDateTime: `2026-03-0${i}T10:00:00Z`,
      originalUrl: `https://harbor-ledger.example.com/story-${i}`,
      provider: ledger,
      topics: i % 2 ? ["Markets", "AI"] : ["Markets"],
    });
  }
  out["late.md"] = follow("late", "Story 1, followed up", northwind, 1);
  return out;
}

/** Every feed file's contents and the fingerprint its check was asked with; `known` fingerprints articles from their files' bytes, as a cached build does. */
function feedsOf(input: Record<string, string>, known: boolean, feedSite = site): Map<string, { contents: string; fingerprint: string }> {
  const digest = digestFromFiles(input);
  const fingerprints = new Map<string, string>();
  const sources = { contentHashes: new Map(Object.entries(input).map(([file, text]) => [file, contentHash(Buffer.from(text))])), timeZone: resolveOptions({}).timeZone };
  const out = new Map<string, { contents: string; fingerprint: string }>();
  const check = (path: string, fingerprint: string): boolean => {
    fingerprints.set(path, fingerprint);
    return false;
  };
  for (const file of renderAllFeeds(digest, feedSite, check, known ? articleFingerprints(sources) : undefined)) {
    const fingerprint = fingerprints.get(file.path);
    if (fingerprint !== undefined) out.set(file.path, { contents: file.contents, fingerprint });
  }
  return out;
}

const edits: [string, (input: Record<string, string>) => Record<string, string>, FeedSite?][] = [
  ["one headline edited", (input) => ({ ...input, "a2.md": (input["a2.md"] as string).replace("Story 2", "Story two") })],
  ["a newer article", (input) => ({ ...input, "a9.md": articleFile({ title: "Story 9", publishedDateTime: "2026-03-09T10:00:00Z", originalUrl: "https://harbor-ledger.example.com/story-9", provider: ledger, topics: ["AI"] }) })],
  ["another outlet joins an old story", (input) => ({ ...input, "later.md": follow("later", "Story 2, followed up", eastgate, 2) })],
  // Its page moves, so the line "Also covered by" in story 1's items links elsewhere; the outlet count stays.
  ["the article that covers an old story retitled", (input) => ({ ...input, "late.md": follow("late", "Story 1, looked at again", northwind, 1) })],
  ["an article deleted", ({ "a5.md": _gone, ...rest }) => rest],
  ["the site retitled", (input) => input, { ...site, title: "Renamed Digest" }],
];

describe("feed fingerprints", () => {
  for (const known of [true, false]) {
    describe(known ? "with articles fingerprinted from their files' bytes" : "with items serialised", () => {
      const before = feedsOf(files(), known);
      for (const [what, edit, editedSite] of edits) {
        it(`change exactly where the file changes: ${what}`, () => {
          const after = feedsOf(edit(files()), known, editedSite);
          let kept = 0;
          for (const [path, now] of after) {
            const then = before.get(path);
            if (!then) continue;
            // An equal fingerprint must mean an equal file: otherwise a deploy build keeps a stale feed.
            if (now.fingerprint === then.fingerprint) {
              expect(now.contents, path).toBe(then.contents);
              kept++;
            } else expect(now.contents, `${path}: fingerprint changed, file did not`).not.toBe(then.contents);
          }
          if (!editedSite) expect(kept, "some feeds keep their fingerprint").toBeGreaterThan(0);
        });
      }
    });
  }

  it("are the same from the same bytes, whichever digest object holds the articles", () => {
    const once = feedsOf(files(), true);
    const again = feedsOf(files(), true);
    expect([...again].map(([path, feed]) => [path, feed.fingerprint])).toEqual([...once].map(([path, feed]) => [path, feed.fingerprint]));
  });
});

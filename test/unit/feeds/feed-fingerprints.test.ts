import { describe, expect, it } from "vitest";
import { renderAllFeeds, type FeedSite } from "../../../src/feeds/index.js";
import { articleFingerprints } from "../../../src/article/article-fingerprint.js";
import { contentHash } from "../../../src/article/article-store.js";
import { resolveOptions } from "../../../src/options.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";
import { createDigest } from "../../../src/digest.js";
import { DigestMemo } from "../../../src/digest-memo.js";
import { ItemFingerprintMemo } from "../../../src/feeds/item-memo.js";
import { validateFile } from "../../../src/article/read-folder.js";
import type { ArticleDraft } from "../../../src/article/validate.js";

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

/** A watch session in miniature: drafts of unchanged texts are the same objects from one render to the next, as the article cache hands them back. */
class Session {
  private readonly drafts = new Map<string, { text: string; draft: ArticleDraft }>();
  private readonly digestMemo = new DigestMemo();
  readonly options = resolveOptions({});
  constructor(readonly itemMemo: ItemFingerprintMemo | undefined) {}

  /** Every feed file's fingerprint, rendered with the session's memos. */
  fingerprints(input: Record<string, string>, feedSite = site): Map<string, string> {
    return this.render(this.digestOf(input), input, feedSite);
  }

  /** The session's digest of these files, its article objects kept for the next as a watch session keeps them. */
  digestOf(input: Record<string, string>): ReturnType<typeof createDigest> {
    const drafts: ArticleDraft[] = [];
    for (const [file, text] of Object.entries(input)) {
      let kept = this.drafts.get(file);
      if (kept?.text !== text) {
        const draft = validateFile(file, Buffer.from(text), this.options.timeZone).draft;
        if (!draft) throw new Error(`${file} did not validate`);
        kept = { text, draft };
        this.drafts.set(file, kept);
      }
      drafts.push(kept.draft);
    }
    return createDigest({ files: Object.keys(input), drafts, problems: [] }, this.options, new Date("2026-06-01T00:00:00Z"), undefined, this.digestMemo);
  }

  render(digest: ReturnType<typeof createDigest>, input: Record<string, string>, feedSite = site): Map<string, string> {
    const sources = { contentHashes: new Map(Object.entries(input).map(([file, text]) => [file, contentHash(Buffer.from(text))])), timeZone: this.options.timeZone };
    const out = new Map<string, string>();
    for (const _ of renderAllFeeds(digest, feedSite, (path, fingerprint) => (out.set(path, fingerprint), false), articleFingerprints(sources, this.digestMemo.fingerprints), this.itemMemo));
    return out;
  }
}

/** Besides the edits above: one that changes a story's id, which only the JSON Feed shows (so RSS and Atom files keep their bytes while their fingerprints change, and it is not among the edits above). */
const sessionEdits: typeof edits = [
  ...edits,
  // Coverage older than story 3's first joins it: the story's id, which every member's item carries, archived ones too, changes.
  [
    "older coverage joins a story",
    (input) => ({
      ...input,
      "older.md": articleFile({
        title: "Story 3, from the start",
        publishedDateTime: "2026-03-21T10:00:00Z",
        originalUrl: "https://eastgate.example.net/older",
        provider: eastgate,
        related: [
          { title: "Story 3", publishedDateTime: "2026-03-03T10:00:00Z", webUrl: "https://harbor-ledger.example.com/story-3", provider: ledger },
          { title: "The first report", publishedDateTime: "2026-02-01T10:00:00Z", webUrl: "https://northwind.example.org/first-report", provider: northwind },
        ],
      }),
    }),
  ],
];

/** A memo that counts the fingerprints it hands back without making them. */
class CountingMemo extends ItemFingerprintMemo {
  reused = 0;
  override fingerprint(kind: string, article: Parameters<ItemFingerprintMemo["fingerprint"]>[1], key: string, make: () => string): string {
    let made = false;
    const fingerprint = super.fingerprint(kind, article, key, () => ((made = true), make()));
    if (!made) this.reused++;
    return fingerprint;
  }
}

describe("feed item fingerprints kept between watch rebuilds", () => {
  for (const [what, edit, editedSite] of sessionEdits) {
    it(`are the ones a render without them gives, adopted from a feed thread's render of other objects too: ${what}`, () => {
      const edited = edit(files());
      const fresh = new Session(undefined).fingerprints(edited, editedSite);
      // A session's first build: the feed thread renders from its own copy of the articles and sends what it recorded.
      const thread = new ItemFingerprintMemo({ record: true });
      new Session(thread).fingerprints(files());
      const recorded = thread.recording();
      expect(recorded?.items.length).toBeGreaterThan(0);
      const memo = new CountingMemo();
      const session = new Session(memo);
      const first = session.digestOf(files());
      const byPageUrl = new Map(first.articles.map((article) => [article.pageUrl, article] as const));
      memo.adopt(recorded as NonNullable<typeof recorded>, (pageUrl) => byPageUrl.get(pageUrl));
      expect([...session.render(session.digestOf(edited), edited, editedSite)]).toEqual([...fresh]);
      if (!editedSite) expect(memo.reused, "items of unchanged articles keep the thread's fingerprints").toBeGreaterThan(0);
    });

    it(`are the ones a render without them gives: ${what}`, () => {
      const memo = new CountingMemo();
      const session = new Session(memo);
      session.fingerprints(files());
      const edited = edit(files());
      const kept = session.fingerprints(edited, editedSite);
      const fresh = new Session(undefined).fingerprints(edited, editedSite);
      expect([...kept]).toEqual([...fresh]);
      if (!editedSite) expect(memo.reused, "items of unchanged articles keep their fingerprints").toBeGreaterThan(0);
    });
  }
});

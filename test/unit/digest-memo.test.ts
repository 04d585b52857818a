import { describe, expect, it } from "vitest";
import { createDigest, resolveOptions } from "../../src/index.js";
import { validateFile } from "../../src/article/read-folder.js";
import type { ArticleDraft } from "../../src/article/validate.js";
import { DigestMemo } from "../../src/digest-memo.js";
import { feedCoverage } from "../../src/feeds/feed-coverage.js";
import { articleFile, articlePageUrl } from "../helpers/article-file.js";

const options = resolveOptions({});
const now = new Date("2026-06-01T00:00:00Z");

function draftOf(file: string, fields: Parameters<typeof articleFile>[0]): ArticleDraft {
  const draft = validateFile(file, Buffer.from(articleFile(fields)), options.timeZone).draft;
  if (!draft) throw new Error(`${file} did not validate`);
  return draft;
}

const fieldsOf = (n: number) => ({ title: `Story ${n}`, originalUrl: `https://outlet.example.com/news/${n}`, publishedDateTime: `2026-03-0${n}T10:00:00Z` });
const digestOf = (drafts: ArticleDraft[], memo?: DigestMemo) => createDigest({ files: drafts.map((d) => d.sourceFile), drafts, problems: [] }, options, now, undefined, memo);

describe("DigestMemo", () => {
  it("keeps unchanged drafts' article objects across digests, and gives an edited draft a new one with its new address", () => {
    const drafts = [1, 2, 3].map((n) => draftOf(`a${n}.md`, fieldsOf(n)));
    const memo = new DigestMemo();
    const first = digestOf(drafts, memo);
    const edited = draftOf("a2.md", { ...fieldsOf(2), title: "Story 2, edited" });
    const second = digestOf([drafts[0] as ArticleDraft, edited, drafts[2] as ArticleDraft], memo);

    const bySource = (articles: typeof first.articles) => new Map(articles.map((a) => [a.sourceFile, a]));
    const [before, after] = [bySource(first.articles), bySource(second.articles)];
    expect(after.get("a1.md")).toBe(before.get("a1.md"));
    expect(after.get("a3.md")).toBe(before.get("a3.md"));
    expect(after.get("a2.md")).not.toBe(before.get("a2.md"));
    expect(after.get("a2.md")?.pageUrl).toBe(articlePageUrl({ ...fieldsOf(2), title: "Story 2, edited" }));
    // Whatever it keeps, the digest is the one a build without the memo makes.
    expect(second).toEqual(digestOf([drafts[0] as ArticleDraft, edited, drafts[2] as ArticleDraft]));
  });

  it("never hands back an article at another slug than the one asked for", () => {
    const memo = new DigestMemo();
    const draft = draftOf("a1.md", fieldsOf(1));
    const natural = memo.naturalSlug(draft);
    const kept = memo.publishedArticle(draft, natural, `/articles/${natural}/`);
    expect(memo.publishedArticle(draft, natural, `/articles/${natural}/`)).toBe(kept);
    // A collision suffix (assignSlugs) moves the article: a new object, and the memo now holds that one.
    const moved = memo.publishedArticle(draft, `${natural}-0123456789ab`, `/articles/${natural}-0123456789ab/`);
    expect(moved).not.toBe(kept);
    expect(moved).toMatchObject({ slug: `${natural}-0123456789ab`, pageUrl: `/articles/${natural}-0123456789ab/`, published: true });
  });

  it("keeps a story's links (and their feed copy) while its coverage is unchanged, and makes them again when a member is edited", () => {
    const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `o${n}.example.com` });
    const a = { ...fieldsOf(1), provider: outlet(1), related: [{ title: "Elsewhere", publishedDateTime: "2026-03-01T09:00:00Z", webUrl: "https://o3.example.com/else", provider: outlet(3) }] };
    const b = { ...fieldsOf(2), provider: outlet(2), related: [{ title: "Story 1", publishedDateTime: "2026-03-01T10:00:00Z", webUrl: fieldsOf(1).originalUrl, provider: outlet(1) }] };
    const c = { ...fieldsOf(3), provider: outlet(4) };
    const drafts = [draftOf("a.md", a), draftOf("b.md", b), draftOf("c.md", c)];
    const memo = new DigestMemo();
    const storyOf = (digest: ReturnType<typeof digestOf>, file: string) => {
      const article = digest.articles.find((x) => x.sourceFile === file);
      return digest.clusters.alsoCoveredBy.entries().get(article?.pageUrl ?? "")?.links;
    };
    const slimOf = (digest: ReturnType<typeof digestOf>, file: string) => {
      const article = digest.articles.find((x) => x.sourceFile === file);
      return feedCoverage(digest.clusters.alsoCoveredBy).entries().get(article?.pageUrl ?? "")?.links;
    };

    const first = digestOf(drafts, memo);
    expect(storyOf(first, "a.md")?.map((link) => link.providerName)).toEqual(["Outlet 2", "Outlet 1", "Outlet 3"]);
    const firstSlim = slimOf(first, "a.md");
    // Only the lone article c changes: a and b's story is the same array, its feed copy too.
    const second = digestOf([drafts[0] as ArticleDraft, drafts[1] as ArticleDraft, draftOf("c.md", { ...c, title: "Story 3, edited" })], memo);
    expect(storyOf(second, "a.md")).toBe(storyOf(first, "a.md"));
    expect(slimOf(second, "b.md")).toBe(firstSlim);
    // b's headline is in the story's links: edited, the story is made again.
    const edited = [drafts[0] as ArticleDraft, draftOf("b.md", { ...b, title: "Story 2, edited" }), drafts[2] as ArticleDraft];
    const third = digestOf(edited, memo);
    expect(storyOf(third, "a.md")).not.toBe(storyOf(first, "a.md"));
    expect(storyOf(third, "a.md")?.map((link) => link.title)).toContain("Story 2, edited");
    expect(third).toEqual(digestOf(edited));
  });
});

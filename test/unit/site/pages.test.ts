import { describe, expect, expectTypeOf, it } from "vitest";
import { feedLinks } from "../../../src/feeds/index.js";
import { ALSO_COVERED_OUTLETS, CARD_OUTLETS, CARD_TOPICS } from "../../../src/site/limits.js";
import { planSite, type TermLink } from "../../../src/site/pages.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const digest = digestFromFiles({
  "a.md": articleFile({ title: "One", topics: ["Central Banks", "Markets"], originalUrl: "https://outlet.example.com/1" }),
  "b.md": articleFile({ title: "Two", topics: ["central banks"], originalUrl: "https://outlet.example.com/2", publishedDateTime: "2026-03-02T10:00:00Z" }),
});
const plan = planSite(digest, 20, feedLinks, "Test");

describe("planSite terms", () => {
  it("gives the providers and topics collections kind, key, slug, label, count, stories and url (issue 4)", () => {
    expect(plan.providers).toEqual([{ kind: "provider", key: "outlet.example.com", slug: "outlet.example.com", label: "Example Outlet", url: "/providers/outlet.example.com/", count: 2, stories: 2 }]);
    expect(plan.topics).toEqual([
      { kind: "topic", key: "central banks", slug: "central-banks", label: "Central Banks", url: "/topics/central-banks/", count: 2, stories: 2 },
      { kind: "topic", key: "markets", slug: "markets", label: "Markets", url: "/topics/markets/", count: 1, stories: 1 },
    ]);
    expectTypeOf<TermLink>().toEqualTypeOf<{ kind: "provider" | "topic"; key: string; slug: string; label: string; url: string; count: number; stories: number }>();
  });

  it("links cards to terms without their counts, one object per term, and term pages to the full link", () => {
    const cardOf = (title: string) => plan.articles.find((a) => a.card.article.title === title)!.card;
    const { count, stories, ...ref } = plan.providers[0]!;
    expect(cardOf("One").provider).toEqual(ref);
    expect(cardOf("One").provider).not.toHaveProperty("count");
    expect(cardOf("One").provider).toBe(cardOf("Two").provider);
    expect(cardOf("One").topics[0]).toBe(cardOf("Two").topics[0]);
    expect(plan.lists.find((l) => l.kind === "topic" && l.term?.slug === "markets")?.term).toBe(plan.topics[1]);
    expect([count, stories]).toEqual([2, 2]);
  });

  it("gives a card the same term links when an unrelated article joins its topic (its page need not be rendered again)", () => {
    const grown = digestFromFiles({
      "a.md": articleFile({ title: "One", topics: ["Central Banks", "Markets"], originalUrl: "https://outlet.example.com/1" }),
      "b.md": articleFile({ title: "Two", topics: ["central banks"], originalUrl: "https://outlet.example.com/2", publishedDateTime: "2026-03-02T10:00:00Z" }),
      "c.md": articleFile({ title: "Three", topics: ["Markets"], originalUrl: "https://outlet.example.com/3", publishedDateTime: "2026-03-03T10:00:00Z" }),
    });
    const page = (p: typeof plan) => p.articles.find((a) => a.card.article.title === "One")!;
    expect(page(planSite(grown, 20, feedLinks, "Test"))).toEqual(page(plan));
  });
});

describe("planSite caps what a page repeats about one article", () => {
  const topics = Array.from({ length: 25 }, (_, i) => `Topic ${i}`);
  const wire = { name: "Wire", domain: "wire.example.com" };
  const files: Record<string, string> = {
    // "topic 0" folds into "Topic 0": distinct topics are counted, not list entries.
    "many.md": articleFile({ title: "Many topics", topics: [...topics, "topic 0"], originalUrl: "https://outlet.example.com/many" }),
    "few.md": articleFile({ title: "Few topics", topics: ["Topic 0", "Topic 1"], originalUrl: "https://outlet.example.com/few" }),
  };
  // 30 outlets on one story, each a day apart so the newest-first order is known.
  for (let i = 0; i < 30; i++) {
    files[`story-${i}.md`] = articleFile({
      title: `Story at outlet ${i}`,
      originalUrl: `https://outlet-${i}.example.com/story`,
      webUrl: undefined,
      publishedDateTime: `2026-01-${String(i + 1).padStart(2, "0")}T10:00:00Z`,
      provider: { name: `Outlet ${i}`, domain: `outlet-${i}.example.com` },
      topics: [],
      related: [{ title: "Wire copy", publishedDateTime: "2025-12-31T10:00:00Z", originalUrl: "https://wire.example.com/story", provider: wire }],
    });
  }
  const capped = planSite(digestFromFiles(files), 20, feedLinks, "Test");
  const pageOf = (title: string) => capped.articles.find((a) => a.card.article.title === title)!;

  it(`lists the first ${CARD_TOPICS} distinct topics on a card, in file order, with the total`, () => {
    const { card } = pageOf("Many topics");
    expect(card.topics.map((t) => t.label)).toEqual(topics.slice(0, 10));
    expect(card.topicCount).toBe(25);
    expect(pageOf("Few topics").card).toMatchObject({ topicCount: 2 });
    expect(pageOf("Few topics").card.topics).toHaveLength(2);
  });

  it("gives the article's own page every topic, shared with the card", () => {
    const page = pageOf("Many topics");
    expect(page.topics.map((t) => t.label)).toEqual(topics);
    expect(page.card.topics[0]).toBe(page.topics[0]);
    // Every topic still has its page, whatever the card shows.
    expect(capped.lists.filter((l) => l.kind === "topic" && l.page.items.some((c) => c.article.title === "Many topics"))).toHaveLength(25);
  });

  it(`lists the ${ALSO_COVERED_OUTLETS} newest other outlets under "also covered by", with the total`, () => {
    const page = pageOf("Story at outlet 0");
    // 29 other outlets' articles and the wire story.
    expect(page.alsoCoveredByCount).toBe(30);
    expect(page.outlets).toBe(31);
    expect(page.alsoCoveredBy).toHaveLength(20);
    expect(page.alsoCoveredBy.map((l) => l.providerName)).toEqual(Array.from({ length: 20 }, (_, i) => `Outlet ${29 - i}`));
    const newest = pageOf("Story at outlet 29");
    expect(newest.alsoCoveredByCount).toBe(30);
    expect(newest.alsoCoveredBy[0]?.providerName).toBe("Outlet 28");
  });

  it("leaves a short coverage list whole", () => {
    const small = planSite(
      digestFromFiles({
        "a.md": articleFile({ title: "A", originalUrl: "https://a.example.com/x", provider: { name: "A", domain: "a.example.com" }, related: [{ title: "B", publishedDateTime: "2026-03-01T09:00:00Z", originalUrl: "https://b.example.com/x", provider: { name: "B", domain: "b.example.com" } }] }),
      }),
      20,
      feedLinks,
      "Test",
    );
    expect(small.articles[0]).toMatchObject({ alsoCoveredByCount: 1, outlets: 2 });
    expect(small.articles[0]?.alsoCoveredBy.map((l) => l.providerName)).toEqual(["B"]);
  });
});

describe("planSite lists each story once", () => {
  const outlet = (n: number) => ({ name: `Outlet ${n}`, domain: `outlet-${n}.example.com` });
  const url = (story: string, n: number) => `https://outlet-${n}.example.com/${story}`;
  const files: Record<string, string> = {};
  // Story "rates": four outlets, the third the best-scoring; one file names the others (related[]).
  for (let n = 1; n <= 4; n++) {
    files[`rates-${n}.md`] = articleFile({
      title: `Rates at outlet ${n}`,
      provider: outlet(n),
      originalUrl: url("rates", n),
      webUrl: undefined,
      quality: n === 3 ? 95 : 60,
      topics: ["Markets"],
      publishedDateTime: `2026-03-0${n}T10:00:00Z`,
      related: n === 1 ? [2, 3, 4].map((m) => ({ title: `Rates at outlet ${m}`, provider: outlet(m), webUrl: url("rates", m), publishedDateTime: `2026-03-0${m}T10:00:00Z` })) : [],
    });
  }
  // Story "port": two outlets, on the same topic.
  for (let n = 1; n <= 2; n++) {
    files[`port-${n}.md`] = articleFile({
      title: `Port at outlet ${n}`,
      provider: outlet(n),
      originalUrl: url("port", n),
      webUrl: undefined,
      quality: 40,
      topics: ["Markets"],
      publishedDateTime: `2026-02-1${n}T10:00:00Z`,
      related: n === 1 ? [{ title: "Port at outlet 2", provider: outlet(2), webUrl: url("port", 2), publishedDateTime: "2026-02-12T10:00:00Z" }] : [],
    });
  }
  for (let n = 1; n <= 3; n++) files[`solo-${n}.md`] = articleFile({ title: `Solo ${n}`, provider: outlet(1), originalUrl: url(`solo-${n}`, 1), webUrl: undefined, quality: 10, topics: ["Markets"], publishedDateTime: `2026-01-0${n}T10:00:00Z` });
  const digest = digestFromFiles(files, { topStories: 1 });
  const folded = planSite(digest, 2, feedLinks, "Test");
  const storyOf = (title: string) => digest.clusters.clusterOf.get(digest.articles.find((a) => a.title === title)!.pageUrl);
  const itemsOf = (kind: string, slug?: string) => folded.lists.filter((l) => l.kind === kind && l.term?.slug === slug).flatMap((l) => l.page.items.map((c) => c.article.title));

  it("gives a topic one card per story, the story's best-scoring article, paginated and counted in stories", () => {
    expect(itemsOf("topic", "markets")).toEqual(["Rates at outlet 3", "Port at outlet 2", "Solo 3", "Solo 2", "Solo 1"]);
    const pages = folded.lists.filter((l) => l.kind === "topic");
    expect(pages.map((l) => l.page.items.length)).toEqual([2, 2, 1]);
    expect(folded.topics[0]).toMatchObject({ count: 9, stories: 5 });
  });

  it("folds a provider's page among that provider's own articles", () => {
    expect(itemsOf("provider", "outlet-1.example.com")).toEqual(["Rates at outlet 1", "Port at outlet 1", "Solo 3", "Solo 2", "Solo 1"]);
    expect(folded.providers.find((p) => p.key === "outlet-1.example.com")).toMatchObject({ count: 5, stories: 5 });
  });

  it("never repeats a top story under Latest, on any home page, and shows every other story once", () => {
    const home = folded.lists.filter((l) => l.kind === "home");
    expect(home[0]?.topStories.map((c) => c.article.title)).toEqual(["Rates at outlet 3"]);
    expect(home.slice(1).every((l) => l.topStories.length === 0)).toBe(true);
    const latest = itemsOf("home");
    expect(latest).toEqual(["Port at outlet 2", "Solo 3", "Solo 2", "Solo 1"]);
    expect(latest.some((title) => storyOf(title) === storyOf("Rates at outlet 3"))).toBe(false);
    expect(new Set(latest.map(storyOf)).size).toBe(latest.length);
  });

  it("gives each card the story's other outlets, the first few by name, and how many there are", () => {
    const card = folded.lists.find((l) => l.kind === "home")!.topStories[0]!;
    expect(card.alsoCoveredByCount).toBe(3);
    expect(card.alsoCoveredBy).toHaveLength(CARD_OUTLETS);
    expect(card.alsoCoveredBy.map((l) => l.providerName)).toEqual(["Outlet 4", "Outlet 2", "Outlet 1"]);
    const solo = folded.articles.find((a) => a.card.article.title === "Solo 1")!.card;
    expect([solo.alsoCoveredBy, solo.alsoCoveredByCount]).toEqual([[], 0]);
  });
});

import { describe, expect, expectTypeOf, it } from "vitest";
import { feedLinks } from "../../../src/feeds/index.js";
import { planSite, type TermLink } from "../../../src/site/pages.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const digest = digestFromFiles({
  "a.md": articleFile({ title: "One", topics: ["Central Banks", "Markets"], originalUrl: "https://outlet.example.com/1" }),
  "b.md": articleFile({ title: "Two", topics: ["central banks"], originalUrl: "https://outlet.example.com/2", publishedDateTime: "2026-03-02T10:00:00Z" }),
});
const plan = planSite(digest, 20, feedLinks, "Test");

describe("planSite terms", () => {
  it("gives the providers and topics collections kind, slug, label, count and url (issue 4)", () => {
    expect(plan.providers).toEqual([{ kind: "provider", slug: "outlet-example-com", label: "Example Outlet", url: "/providers/outlet-example-com/", count: 2 }]);
    expect(plan.topics).toEqual([
      { kind: "topic", slug: "central-banks", label: "Central Banks", url: "/topics/central-banks/", count: 2 },
      { kind: "topic", slug: "markets", label: "Markets", url: "/topics/markets/", count: 1 },
    ]);
    expectTypeOf<TermLink>().toEqualTypeOf<{ kind: "provider" | "topic"; slug: string; label: string; url: string; count: number }>();
  });

  it("shares one link object per term between cards, term pages and collections", () => {
    const card = plan.articles.find((a) => a.card.article.title === "One")!.card;
    expect(card.provider).toBe(plan.providers[0]);
    expect(card.topics[0]).toBe(plan.topics[0]);
    expect(plan.lists.find((l) => l.kind === "topic" && l.term?.slug === "markets")?.term).toBe(plan.topics[1]);
  });
});

import { describe, expect, it } from "vitest";
import { Fingerprinter } from "../../src/fingerprint.js";

const article = (title: string) => ({ title, excerpt: "x".repeat(400), topics: ["Markets", "Energy"], related: [{ url: "https://a.example/1", images: [{ url: "https://a.example/i.jpg", width: 10 }] }] });
const card = (a: ReturnType<typeof article>) => ({ article: a, provider: { label: "Outlet", url: "/providers/outlet/" } });

/** A fingerprinter that knows `articles` as shared objects, and `known` ones by the fingerprint given for them. */
function sharing(articles: object[], known: [object, string][] = []): Fingerprinter {
  const fingerprinter = new Fingerprinter();
  fingerprinter.share(articles);
  const given = new Map(known);
  fingerprinter.share(given.keys(), (object) => given.get(object));
  return fingerprinter;
}

describe("Fingerprinter", () => {
  it("gives equal data the same fingerprint across builds, whether or not parts are shared and in any order of asking", () => {
    const [a1, a2] = [article("One"), article("One")];
    const [c1, c2] = [card(a1), card(a2)];
    const first = sharing([a1]);
    const second = sharing([a2]);
    const page1 = first.of({ page: 1, items: [c1] });
    // Asked in the other order: the card alone first, then the page holding it.
    const card2 = second.of(c2);
    expect(second.of({ page: 1, items: [c2] })).toBe(page1);
    expect(card2).toBe(first.of(c1));
    expect(new Fingerprinter().of({ page: 1 })).toBe(new Fingerprinter().of({ page: 1 }));
  });

  it("tells apart data that differs anywhere, inside shared objects too", () => {
    const base = article("One");
    const deep = article("One");
    (deep.related[0]?.images[0] as { width: number }).width = 11;
    const of = (a: ReturnType<typeof article>) => sharing([a]).of({ items: [card(a)] });
    expect(of(deep)).not.toBe(of(base));
    expect(of(article("Two"))).not.toBe(of(base));
    const plain = new Fingerprinter();
    expect(plain.of({ a: "1" })).not.toBe(plain.of({ a: 1 }));
    expect(plain.of({ a: [] })).not.toBe(plain.of({ a: {} }));
    expect(plain.of(["a,b"])).not.toBe(plain.of(["a", "b"]));
    expect(plain.of({ "a\":1,\"b": 2 })).not.toBe(plain.of({ a: 1, b: 2 }));
  });

  it("serialises a shared object once per build (it must not change while the fingerprinter is in use)", () => {
    const shared = article("One");
    const fingerprinter = sharing([shared]);
    const first = fingerprinter.of({ page: 1, shared });
    shared.title = "Changed";
    expect(fingerprinter.of({ page: 1, shared })).toBe(first);
    expect(sharing([shared]).of({ page: 1, shared })).not.toBe(first);
  });

  it("stands a shared object in by the fingerprint the caller knows for it, without serialising it", () => {
    const [a1, a2] = [article("One"), article("Two")];
    // Different data, one known fingerprint: the caller vouches (an article's file bytes did not change).
    expect(sharing([], [[a1, "same"]]).of({ items: [a1] })).toBe(sharing([], [[a2, "same"]]).of({ items: [a2] }));
    expect(sharing([], [[a1, "one"]]).of({ items: [a1] })).not.toBe(sharing([], [[a1, "two"]]).of({ items: [a1] }));
  });

  it("refuses data JSON would drop silently, instead of missing a change in it", () => {
    const plain = new Fingerprinter();
    expect(() => plain.of({ render: () => "html" })).toThrow(/render/);
    expect(() => plain.of({ terms: new Map([["k", 1]]) })).toThrow(/terms/);
  });
});

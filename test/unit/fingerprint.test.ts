import { describe, expect, it } from "vitest";
import { createFingerprinter } from "../../src/fingerprint.js";

const article = (title: string) => ({ title, excerpt: "x".repeat(400), topics: ["Markets", "Energy"], related: [{ url: "https://a.example/1", images: [{ url: "https://a.example/i.jpg", width: 10 }] }] });

describe("createFingerprinter", () => {
  it("gives equal data the same fingerprint, across fingerprinters and object identities", () => {
    expect(createFingerprinter()(article("One"))).toBe(createFingerprinter()(article("One")));
    const once = createFingerprinter();
    expect(once([article("One"), 1, null, true])).toBe(once([article("One"), 1, null, true]));
  });

  it("tells apart data that differs anywhere, however deep and whether inlined or hashed", () => {
    const of = createFingerprinter();
    const base = of(article("One"));
    const deep = article("One");
    (deep.related[0]?.images[0] as { width: number }).width = 11;
    expect(of(deep)).not.toBe(base);
    expect(of(article("Two"))).not.toBe(base);
    expect(of({ a: "1" })).not.toBe(of({ a: 1 }));
    expect(of({ a: undefined })).not.toBe(of({ a: null }));
    expect(of({ a: [] })).not.toBe(of({ a: {} }));
    expect(of(["a,b"])).not.toBe(of(["a", "b"]));
    expect(of({ "a\":1,\"b": 2 })).not.toBe(of({ a: 1, b: 2 }));
    expect(of(new Map([["k", 1]]))).not.toBe(of(new Map([["k", 2]])));
  });

  it("serialises a shared object once per fingerprinter (it must not change while in use)", () => {
    const of = createFingerprinter();
    const shared = article("One");
    const first = of({ page: 1, shared });
    shared.title = "Changed";
    expect(of({ page: 1, shared })).toBe(first);
    expect(createFingerprinter()({ page: 1, shared })).not.toBe(first);
  });

  it("refuses what is not plain data instead of fingerprinting it wrongly", () => {
    const of = createFingerprinter();
    expect(() => of({ render: () => "html" })).toThrow(/function/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => of(loop)).toThrow(/contains itself/);
  });
});

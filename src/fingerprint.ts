import { hash } from "node:crypto";

/** A text's SHA-1 in base64: the one-shot `hash` is about three times faster than `createHash` for the short texts fingerprints are made of. */
export const hashOf = (text: string): string => hash("sha1", text, "base64");

/** What a shared object is serialised as inside another: a marker no article field can produce (fields are normalised to known names). */
const SHARED_MARKER = "\u0000shared";

/**
 * Fingerprints of plain JSON data, equal for equal data and, in practice, different for
 * different data. They stand in for "render it and compare the output": a page or feed whose
 * inputs have last build's fingerprint is not rendered again.
 *
 * An article is shown on its own page and in every list and feed that holds it, so objects a
 * caller declares shared are serialised once each and stand as their hash inside everything
 * that holds them (serialising each page whole would repeat an article in every list page that
 * shows it). A first version walked the data in script to remember every object it met: 7 s for
 * 10,000 article pages and their lists (3.4 s and 3.6 s), more than rendering them; this one
 * took about 0.7 s. One fingerprinter serves one build: a shared object must not change while it
 * is in use.
 */
export class Fingerprinter {
  private readonly leaves = new WeakSet<object>();
  private readonly hashes = new WeakMap<object, string>();
  // JSON.stringify first calls it with the value itself under the key "": that one is serialised, not replaced.
  private readonly replacer = (key: string, value: unknown): unknown => {
    if (typeof value === "function" || value instanceof Map || value instanceof Set) throw new TypeError(`cannot fingerprint ${JSON.stringify(key)}: JSON would drop it, and a change in it would go unseen`);
    if (key === "" || value === null || typeof value !== "object") return value;
    const hash = this.sharedHash(value);
    return hash === undefined ? value : { [SHARED_MARKER]: hash };
  };

  /**
   * Declares objects that many fingerprinted values hold, each serialised once (with
   * `JSON.stringify`, without looking inside for other shared objects) or, where `known` gives it,
   * by the fingerprint the caller knows without serialising (an article's, from its file's content
   * hash: see article-fingerprint.ts).
   */
  share<T extends object>(objects: Iterable<T>, known: (object: T) => string | undefined = () => undefined): void {
    for (const object of objects) {
      const hash = known(object);
      if (hash === undefined) this.leaves.add(object);
      else this.hashes.set(object, hash);
    }
  }

  of(value: unknown): string {
    return (typeof value === "object" && value !== null ? this.sharedHash(value) : undefined) ?? this.serialised(value);
  }

  private serialised(value: unknown): string {
    return hashOf(JSON.stringify(value, this.replacer) ?? "undefined");
  }

  private sharedHash(value: object): string | undefined {
    let hash = this.hashes.get(value);
    if (hash !== undefined) return hash;
    if (!this.leaves.has(value)) return undefined;
    hash = hashOf(JSON.stringify(value));
    this.hashes.set(value, hash);
    return hash;
  }
}

import { createHash } from "node:crypto";

const MAX_SLUG_LENGTH = 80;

/** Short, stable hex digest: the same input gives the same suffix on every machine and build. */
export function shortHash(value: string, length = 8): string {
  return createHash("sha1").update(value).digest("hex").slice(0, length);
}

/**
 * A path segment that is safe on every static host: ASCII letters, digits and single hyphens,
 * never empty, never `.`/`..`, no separators, `%` or control characters. Latin diacritics are
 * folded (é → e); names with no Latin letters at all (CJK, Arabic, emoji) get a stable
 * `x-<hash>` fallback, since a percent-encoded path is neither readable nor portable.
 */
export function slugify(value: string): string {
  const ascii = value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    // ß has no decomposition, so without this "Straße" would slug as "stra-e".
    .replace(/ß/g, "ss")
    .replace(/&/g, " and ")
    .replace(/\+/g, " plus ")
    .replace(/#/g, " sharp ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const trimmed = ascii.length > MAX_SLUG_LENGTH ? ascii.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "") : ascii;
  return trimmed === "" ? `x-${shortHash(value.normalize("NFC"))}` : trimmed;
}

export interface SlugAssignment {
  /** Slug per key, unique among the keys given. */
  slugs: Map<string, string>;
  /** Groups of keys whose natural slug was the same, and the slugs they were given. */
  collisions: { slug: string; keys: string[]; assigned: string[] }[];
}

/**
 * Gives every key a unique slug deterministically: keys are processed in sorted order, the first
 * keeps the natural slug and each later one with the same slug gets `-<hash of key>` appended, so
 * a key's slug does not depend on the order files were read in.
 */
export function assignUniqueSlugs(keys: Iterable<string>, naturalSlug: (key: string) => string): SlugAssignment {
  const byNatural = new Map<string, string[]>();
  for (const key of [...new Set(keys)].sort()) {
    const slug = naturalSlug(key);
    const group = byNatural.get(slug);
    if (group) group.push(key);
    else byNatural.set(slug, [key]);
  }
  const slugs = new Map<string, string>();
  const taken = new Set(byNatural.keys());
  const collisions: SlugAssignment["collisions"] = [];
  for (const [slug, group] of byNatural) {
    const [first, ...rest] = group;
    if (first === undefined) continue;
    slugs.set(first, slug);
    if (rest.length === 0) continue;
    const assigned = [slug];
    for (const key of rest) {
      let length = 6;
      let candidate = `${slug}-${shortHash(key, length)}`;
      while (taken.has(candidate)) candidate = `${slug}-${shortHash(key, ++length)}`;
      taken.add(candidate);
      slugs.set(key, candidate);
      assigned.push(candidate);
    }
    collisions.push({ slug, keys: group, assigned });
  }
  return { slugs, collisions };
}

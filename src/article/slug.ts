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
  return asciiSlug(value) || `x-${shortHash(value.normalize("NFC"))}`;
}

/** The ASCII slug alone, "" when nothing Latin is left. */
function asciiSlug(value: string): string {
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
  return ascii.length > MAX_SLUG_LENGTH ? ascii.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "") : ascii;
}

/**
 * An article's path segment, from its own data only: the UTC day, the headline as the readable
 * part, and a hash of its canonical URL (its identity, which dedupe keeps unique in a site). No
 * other file, no file name and no read order takes part, so adding or renaming files never moves
 * an article. Editing the headline or the date changes the segment; the build then writes a
 * redirect from the previous address (see redirects.ts).
 */
export function articleSlug(publishedAt: string, title: string, canonicalKey: string): string {
  const readable = slugify(title).slice(0, ARTICLE_TITLE_LENGTH).replace(/-+$/, "");
  return `${publishedAt.slice(0, 10)}-${readable}-${shortHash(canonicalKey, ARTICLE_HASH_LENGTH)}`;
}

// 10 hex digits (40 bits) make two articles of one day with one headline sharing a hash
// vanishingly unlikely even for wire copies of one story; the headline part stays readable.
const ARTICLE_HASH_LENGTH = 10;
const ARTICLE_TITLE_LENGTH = 60;

const LOSSLESS_TOPIC_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * A topic's path segment, from its own key only. A key that slugs without loss (ASCII letters and
 * digits separated by single spaces, which become hyphens) keeps the plain slug; any other key
 * ("U.S.", "C++", "São Paulo") lost characters on the way, so its slug gets a suffix hashed from
 * the key itself. Two distinct keys thus never claim one slug, and a newcomer never takes an
 * existing topic's address. (A key of no Latin letters already slugs to a hash of itself.)
 */
export function topicSlug(key: string): string {
  const ascii = asciiSlug(key);
  if (ascii === "") return `x-${shortHash(key)}`;
  if (LOSSLESS_TOPIC_KEY.test(key) && key.length <= MAX_SLUG_LENGTH) return ascii;
  return `${ascii}-${shortHash(key, 6)}`;
}

export interface SlugAssignment {
  /** Slug per key, unique among the keys given. */
  slugs: Map<string, string>;
  /** Keys whose natural slug (before any suffix) was the same, and the slugs they were given. */
  collisions: { slug: string; keys: string[]; assigned: string[] }[];
}

/**
 * Gives every key the slug `slugOf` derives from the key alone, and reports keys that share a
 * natural slug (they are told apart by their own suffixes). Should two keys still end with one
 * slug (a hash collision, or a plain slug that spells another key's suffixed one), the key that
 * sorts first keeps it and the other gets a longer hash of itself: decided by the keys, never by
 * the order files were read in.
 */
export function assignSlugs(keys: Iterable<string>, slugOf: (key: string) => string, naturalSlug?: (key: string) => string): SlugAssignment {
  const sorted = [...new Set(keys)].sort();
  // Each key's slug is worked out once: an article's takes a normalisation, eight replacements and
  // a hash, and it used to be asked for twice (for the slug, then for the collision report).
  const derived = sorted.map(slugOf);
  const slugs = new Map<string, string>();
  const owner = new Map<string, string>();
  sorted.forEach((key, index) => {
    const base = derived[index] as string;
    let slug = base;
    for (let length = 12; owner.has(slug); length += 4) slug = `${base}-${shortHash(key, length)}`;
    owner.set(slug, key);
    slugs.set(key, slug);
  });
  const byNatural = new Map<string, string[]>();
  for (const [index, key] of sorted.entries()) {
    const natural = naturalSlug ? naturalSlug(key) : (derived[index] as string);
    const group = byNatural.get(natural);
    if (group) group.push(key);
    else byNatural.set(natural, [key]);
  }
  const collisions: SlugAssignment["collisions"] = [];
  for (const [slug, group] of byNatural) {
    if (group.length > 1) collisions.push({ slug, keys: group, assigned: group.map((key) => slugs.get(key) as string) });
  }
  return { slugs, collisions };
}

import type { Coverage, Image, Provider } from "./types.js";

/**
 * At most this many different values are shared under one key (an outlet's domain and name, a
 * related item's URL key), so a file of many near-equal ones cannot make each lookup slow.
 */
const PER_KEY = 4;

/**
 * Equality of parsed data (strings, numbers, booleans, lists and plain mappings) by value; numbers
 * as `Object.is` sees them, so -0 stays apart from 0. The same answers as `util.isDeepStrictEqual`
 * for such data, in half the time (3.0–3.6 against 5.4–6.9 µs a related item, over the 10,000-article
 * bench corpus's 35,000), which matters here: reading compares every provider and related item.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((value, i) => sameData(value, b[i]));
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return keys.length === Object.keys(other).length && keys.every((key) => Object.hasOwn(other, key) && sameData((a as Record<string, unknown>)[key], other[key]));
}

function find<T>(table: Map<string, T[]>, key: string, matches: (value: T) => boolean): T | undefined {
  return table.get(key)?.find(matches);
}

function remember<T>(table: Map<string, T[]>, key: string, value: T): T {
  const known = table.get(key);
  if (!known) table.set(key, [value]);
  else if (known.length < PER_KEY) known.push(value);
  return value;
}

/**
 * Equal values that many files repeat, as one object across the files one reader validates (a
 * thread's share of a folder). An outlet's name, domain and logo are in every article and related
 * item that names it, and a story's coverage is listed in the related items of each of its
 * outlets' files: at 10,000 seed-shaped articles, providers were about a third of a parsed
 * article's objects and one related item in five repeated another. Parsed values are never
 * changed afterwards, so sharing them changes nothing a reader of the data can see but memory.
 */
export class SharedValues {
  private readonly providers = new Map<string, Provider[]>();
  private readonly relatedItems = new Map<string, Coverage[]>();
  /** What each object loaded from the store became: a batch holds its shared values once, and each is looked up once. */
  private readonly adopted = new Map<object, object>();

  /** The provider with these fields; `own` gives a new one its own copy of the name (see text.ts), which a shared one already has. */
  provider(name: string, domain: string, images: Image[], own: (text: string) => string): Provider {
    const key = `${domain} ${name}`;
    return find(this.providers, key, (known) => sameData(known.images, images)) ?? remember(this.providers, key, { name: own(name), domain, images });
  }

  /** A related item equal to `item`, or `item` itself. */
  relatedItem(item: Coverage): Coverage {
    return find(this.relatedItems, item.urlKey, (known) => sameData(known, item)) ?? remember(this.relatedItems, item.urlKey, item);
  }

  /** Shares the values of a draft that was not read here (one loaded from the article store, each of whose batches was stored apart), as reading its file would have. */
  adopt(draft: Coverage & { related: Coverage[] }): void {
    draft.provider = this.adoptProvider(draft.provider);
    draft.related = draft.related.map((item) => {
      let shared = this.adopted.get(item) as Coverage | undefined;
      if (!shared) {
        item.provider = this.adoptProvider(item.provider);
        shared = this.relatedItem(item);
        this.adopted.set(item, shared);
      }
      return shared;
    });
  }

  private adoptProvider(provider: Provider): Provider {
    let shared = this.adopted.get(provider) as Provider | undefined;
    if (!shared) {
      shared = this.provider(provider.name, provider.domain, provider.images, (text) => text);
      this.adopted.set(provider, shared);
    }
    return shared;
  }
}

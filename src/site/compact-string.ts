const BEYOND_LATIN1 = /[^\x00-\xFF]/;

/**
 * The same text, stored one byte per character when it fits in Latin-1. Layouts build pages from
 * template literals V8 keeps as two-byte strings, so a page of plain English costs two bytes a
 * character, and Eleventy keeps every page's HTML in memory until the build ends: this halves that.
 * (Re-decoding from Latin-1 is how to get a one-byte string; V8 picks the representation.)
 */
export function compactString(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, "latin1").toString("latin1");
}

import { escapeAttribute, escapeText } from "../escape.js";
import { CARD_FILTER, type SearchRecord } from "./records.js";

const field = (attribute: string, key: string, value: string): string => `<span ${attribute}="${escapeAttribute(key)}">${escapeText(value)}</span>`;

/**
 * A record as the smallest HTML page Pagefind reads the same way as `addCustomRecord`: the
 * content as text in `data-pagefind-body`, and metadata, filters (the card among them, see
 * records.ts) and sort keys as elements whose text is the value (so commas and colons in a value stay part of it). Pagefind 1.6's
 * `addCustomRecord` and `addHTMLFile` re-format every page indexed so far on each call, so their
 * cost grows with the square of the records (measured: 94 s for 95,000 records); indexing a folder
 * of these pages with `addDirectory` is linear (16 s, writing the pages included).
 */
export function renderRecordPage(record: SearchRecord): string {
  const parts = [`<!doctype html><html lang="${escapeAttribute(record.language)}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>`];
  // Pagefind ends each line with ". " as it does for any block of a page. The search page relies
  // on the order (headline first, then excerpt) to place Pagefind's matched words in them.
  for (const line of record.content.split("\n")) parts.push(`<p>${escapeText(line)}</p>`);
  // Ignored for the text index; Pagefind still reads metadata, filters and sort keys inside.
  parts.push("<div data-pagefind-ignore>");
  for (const [key, value] of Object.entries(record.meta)) parts.push(field("data-pagefind-meta", key, value));
  for (const [key, values] of Object.entries(record.filters)) for (const value of values) parts.push(field("data-pagefind-filter", key, value));
  // As element text, JSON's commas and colons stay inside the one value.
  parts.push(field("data-pagefind-filter", CARD_FILTER, JSON.stringify(record.card)));
  for (const [key, value] of Object.entries(record.sort)) parts.push(field("data-pagefind-sort", key, value));
  parts.push("</div></main></body></html>");
  return parts.join("");
}

import { stripInvalidXmlChars } from "../escape.js";

// V8 copies substrings shorter than this; longer ones may be views of their source.
const SHORTEST_VIEW = 13;

/**
 * The same text in a flat string of its own. The YAML parser builds each value from substrings of
 * the file's text, and V8 may keep such a value as a view (or a tree of views) of that text: kept
 * for the whole build, every article held two or three copies of its file's text (measured: 7.8 KB
 * per parsed article, 4.4 KB with own copies). Callers pass text without lone surrogates, which
 * the UTF-8 round trip would replace.
 */
export function ownCopy(value: string): string {
  return value.length < SHORTEST_VIEW ? value : Buffer.from(value, "utf8").toString("utf8");
}

/** Trimmed, NFC, and free of characters XML 1.0 forbids; it may still be a view of its source (see {@link ownCopy}). */
export const tidyText = (value: string): string => stripInvalidXmlChars(value.normalize("NFC")).trim();

/** Like {@link tidyText}, with runs of whitespace (including newlines) folded to one space: for titles and names. */
export const tidyLine = (value: string): string => tidyText(value).replace(/\s+/g, " ");

/** {@link tidyText} in a string of its own (the reader itself tidies, and copies only what it keeps: see FieldReader.keep). */
export function cleanText(value: string): string {
  return ownCopy(tidyText(value));
}

/** {@link tidyLine} in a string of its own. */
export function cleanLine(value: string): string {
  return ownCopy(tidyLine(value));
}

import { stripInvalidXmlChars } from "../escape.js";

/** Trimmed, NFC, and free of characters XML 1.0 forbids: every string from an article passes through here once. */
export function cleanText(value: string): string {
  return stripInvalidXmlChars(value.normalize("NFC")).trim();
}

/** Like {@link cleanText}, with runs of whitespace (including newlines) folded to one space: for titles and names. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, " ");
}

/**
 * Text serialised once and reused in many documents (an item is in its site's, outlet's and
 * topics' feeds and archives), with its UTF-8 bytes encoded once as well. A feed file is written
 * as its parts' bytes joined: as one string, every document's text was encoded again on the write
 * and measured again for the byte count, so each item's bytes were made once per document that
 * holds it rather than once.
 */
export class Serialized {
  private encoded: Buffer | undefined;
  constructor(readonly text: string) {}

  bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text, "utf8"));
  }
}

/** A document as the renderers produce it: its own text and the reused pieces, in order. */
export type DocumentParts = readonly (string | Serialized)[];

export function partsText(parts: DocumentParts): string {
  return parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
}

/** The document's UTF-8 bytes: its own text encoded (runs of it at once), the reused pieces copied. */
export function partsBytes(parts: DocumentParts): Buffer {
  const chunks: Buffer[] = [];
  let run = "";
  for (const part of parts) {
    if (typeof part === "string") run += part;
    else {
      if (run) chunks.push(Buffer.from(run, "utf8"));
      run = "";
      chunks.push(part.bytes());
    }
  }
  if (run) chunks.push(Buffer.from(run, "utf8"));
  return Buffer.concat(chunks);
}

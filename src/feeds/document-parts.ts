/**
 * Text serialised once and reused in many documents (an item is in its site's, outlet's and
 * topics' feeds and archives), with its UTF-8 bytes encoded once as well. A feed file is written
 * as its parts' bytes joined: as one string, every document's text was encoded again on the write
 * and measured again for the byte count, so each item's bytes were made once per document that
 * holds it rather than once.
 */
export class Serialized {
  private textValue: string | undefined;
  private encoded: Uint8Array | undefined;

  constructor(text: string) {
    this.textValue = text;
  }

  /** The text, decoded again from the bytes if {@link bytes} let it go. */
  get text(): string {
    return (this.textValue ??= UTF8_DECODER.decode(this.encoded));
  }

  /**
   * The UTF-8 bytes, encoded once; the text is let go then, so a reused item is held once, not
   * twice, until its last document is written (shared-items.ts). Encoded into memory of its own
   * rather than one of Buffer.from's shared 8 KB slabs, which stays while any item cut from it does.
   */
  bytes(): Uint8Array {
    if (this.encoded === undefined) {
      this.encoded = UTF8.encode(this.textValue);
      this.textValue = undefined;
    }
    return this.encoded;
  }
}

const UTF8 = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/** A document as the renderers produce it: its own text and the reused pieces, in order. */
export type DocumentParts = readonly (string | Serialized)[];

export function partsText(parts: DocumentParts): string {
  return parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
}

/** The document's UTF-8 bytes: its own text encoded (runs of it at once), the reused pieces copied. */
export function partsBytes(parts: DocumentParts): Buffer {
  const chunks: Uint8Array[] = [];
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

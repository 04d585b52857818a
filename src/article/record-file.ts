import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";

/**
 * A file of records (plain JSON data) after a JSON header, a batch of records at a time as one
 * JSON array, framed by length, ending in a zero length and a SHA-1 of the record frames. The
 * parsed-article store is about 58 MB at 10,000 articles: serialising it as one value held the whole of
 * it, and a copy, in memory at once (100-150 MiB more at the read phase's end).
 *
 * JSON text rather than `node:v8` serialisation, whose buffers (with a megabyte copy of each, as
 * they were gathered then) live outside the JS heap until a later collection frees them: saving
 * 10,000 articles that way grew the malloc heap from 7 to 64 MiB, and 38-57 MiB of it stayed
 * while the pages and feeds rendered, where the build's peak is. A batch's text is a short-lived
 * string in the JS heap, written out by `writeSync` without a buffer that outlives the call.
 *
 * Layout: magic, then frames (u32 big-endian length, bytes): the header's JSON, then one frame
 * per batch of records (a JSON array), then a frame of length 0 and the 20-byte digest of the
 * batch frames. The header is outside the digest: it is checked by whoever reads it, and a file
 * made with another header is turned away before any record is read.
 */
const CHUNK_BYTES = 1 << 20;
// About 46 KB of seed-shaped articles (5.8 KB each stored), twice that as a two-byte string (a
// headline in Arabic or Chinese makes one): under V8's 128 KiB limit for an object in the young
// generation, so a batch's text is not allocated in the large-object space, which only a full
// collection frees.
const RECORDS_PER_BATCH = 8;
const DIGEST_BYTES = 20;

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/** Writes `text` as UTF-8, `byteLength` bytes; a short write (a full disk) goes on from bytes of its own. */
function writeText(fd: number, text: string, byteLength: number): void {
  const written = writeSync(fd, text, null, "utf8");
  if (written < byteLength) writeAll(fd, Buffer.from(text, "utf8").subarray(written));
}

/** Writes `header` and `records` to `file` (replacing it), each piece as it is made. */
export function writeRecordFile(file: string, magic: Buffer, header: unknown, records: Iterable<unknown>): void {
  const fd = openSync(file, "w");
  try {
    const length = (n: number): Buffer => {
      const bytes = Buffer.allocUnsafe(4);
      bytes.writeUInt32BE(n);
      return bytes;
    };
    const digest = createHash("sha1");
    writeAll(fd, magic);
    const headerBytes = Buffer.from(JSON.stringify(header));
    writeAll(fd, length(headerBytes.length));
    writeAll(fd, headerBytes);
    let batch: unknown[] = [];
    const putBatch = (): void => {
      const body = JSON.stringify(batch);
      const bytes = Buffer.byteLength(body, "utf8");
      const frame = length(bytes);
      digest.update(frame).update(body, "utf8");
      writeAll(fd, frame);
      writeText(fd, body, bytes);
      batch = [];
    };
    for (const record of records) {
      batch.push(record);
      if (batch.length === RECORDS_PER_BATCH) putBatch();
    }
    if (batch.length > 0) putBatch();
    writeAll(fd, length(0));
    writeAll(fd, digest.digest());
  } finally {
    closeSync(fd);
  }
}

/** Reads a file a chunk at a time; `take` never reads past the file's end, so a corrupt length cannot ask for gigabytes. */
class ChunkReader {
  private chunk = Buffer.alloc(0);
  private at = 0;
  private position = 0;

  constructor(
    private readonly fd: number,
    private readonly size: number,
  ) {}

  /** The next `n` bytes, or undefined when the file ends first. The view stays valid: chunks are never reused. */
  take(n: number): Buffer | undefined {
    const buffered = this.chunk.length - this.at;
    if (n > buffered + (this.size - this.position)) return undefined;
    if (buffered < n) this.refill(n);
    if (this.chunk.length - this.at < n) return undefined;
    const bytes = this.chunk.subarray(this.at, this.at + n);
    this.at += n;
    return bytes;
  }

  atEnd(): boolean {
    return this.at === this.chunk.length && this.position >= this.size;
  }

  private refill(n: number): void {
    const rest = this.chunk.subarray(this.at);
    const next = Buffer.allocUnsafe(Math.min(Math.max(CHUNK_BYTES, n), rest.length + this.size - this.position));
    rest.copy(next);
    let filled = rest.length;
    while (filled < next.length) {
      const read = readSync(this.fd, next, filled, next.length - filled, this.position);
      if (read === 0) break;
      filled += read;
      this.position += read;
    }
    this.chunk = next.subarray(0, filled);
    this.at = 0;
  }
}

/**
 * Reads a record file: `acceptHeader` is asked first, then `onRecord` with each record in order
 * (false from either stops). True only when the whole file was read, every frame whole and the
 * digest matching; a missing, foreign, truncated or corrupt file is false, never an exception.
 */
export function readRecordFile(file: string, magic: Buffer, acceptHeader: (header: unknown) => boolean, onRecord: (record: unknown) => boolean): boolean {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return false;
  }
  try {
    const reader = new ChunkReader(fd, fstatSync(fd).size);
    if (!reader.take(magic.length)?.equals(magic)) return false;
    const digest = createHash("sha1");
    // A frame's bytes, "end" at the zero-length frame, or undefined when the file is cut short.
    const frame = (hashed: boolean): Buffer | "end" | undefined => {
      const length = reader.take(4);
      if (!length) return undefined;
      const n = length.readUInt32BE(0);
      if (n === 0) return "end";
      const body = reader.take(n);
      if (body && hashed) digest.update(length).update(body);
      return body;
    };
    const header = frame(false);
    if (!(header instanceof Buffer) || !acceptHeader(JSON.parse(header.toString("utf8")))) return false;
    for (;;) {
      const body = frame(true);
      if (body === undefined) return false;
      if (body === "end") break;
      const batch: unknown = JSON.parse(body.toString("utf8"));
      if (!Array.isArray(batch)) return false;
      for (const record of batch) if (!onRecord(record)) return false;
    }
    const expected = reader.take(DIGEST_BYTES);
    return expected !== undefined && expected.equals(digest.digest()) && reader.atEnd();
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { deserialize, serialize } from "node:v8";

/**
 * A file of records after a JSON header, `node:v8`-serialised a batch at a time and framed by
 * length, ending in a zero length and a SHA-1 of the record frames. Written and read about a
 * megabyte at a time: the parsed-article store is 48 MB at 10,000 articles, and serialising it as
 * one value held the whole of it, and a copy, in memory at once (100-150 MiB more at the read
 * phase's end); a buffer per record left 10,000 small blocks behind instead.
 *
 * Layout: magic, then frames (u32 big-endian length, bytes): the header's JSON, then one frame
 * per batch of records (a serialised array), then a frame of length 0 and the 20-byte digest of
 * the batch frames. The header is outside the digest: it is checked by whoever reads it, and a
 * file made with another header is turned away before any record is read.
 */
const CHUNK_BYTES = 1 << 20;
// About a megabyte of seed-shaped articles (4.8 KB each stored).
const RECORDS_PER_BATCH = 200;
const DIGEST_BYTES = 20;

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/**
 * Writes `header` and `records` to `file` (replacing it). Each piece is written as it is made, not
 * gathered into megabyte chunks first: a batch's serialisation lives outside the JS heap until a
 * collection frees it, and with a copy of each one the save of 10,000 articles left the process's
 * malloc heap 57 MiB larger, which the build's peak then carried.
 */
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
      const body = serialize(batch);
      const frame = length(body.length);
      digest.update(frame).update(body);
      writeAll(fd, frame);
      writeAll(fd, body);
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
      const batch: unknown = deserialize(body);
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

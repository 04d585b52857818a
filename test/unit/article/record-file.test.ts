import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRecordFile, writeRecordFile } from "../../../src/article/record-file.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

const MAGIC = Buffer.from("TEST");

function readAll(file: string): { ok: boolean; header: unknown; records: unknown[] } {
  let header: unknown;
  const records: unknown[] = [];
  const ok = readRecordFile(
    file,
    MAGIC,
    (h) => ((header = h), true),
    (record) => (records.push(record), true),
  );
  return { ok, header, records };
}

describe("record files", () => {
  // Frames are measured in UTF-8 bytes while JSON is written from strings: multi-byte text must frame exactly.
  it("gives back every record as written, across batches, whatever its script", () => {
    const file = path.join(makeTempDir("record-file"), "records");
    const records = Array.from({ length: 41 }, (_, i) => ({ i, title: ["Élections", "東京の選挙", "الانتخابات", "🗳️ vote", "plain"][i % 5], list: [i, -1.5, true, null], nested: { empty: "" } }));
    writeRecordFile(file, MAGIC, { version: 7 }, records);
    expect(readAll(file)).toEqual({ ok: true, header: { version: 7 }, records });
  });

  it("turns away a file with a changed byte, a cut end or another magic", () => {
    const dir = makeTempDir("record-file");
    const file = path.join(dir, "records");
    writeRecordFile(file, MAGIC, {}, [{ title: "東京" }, { title: "Paris" }]);
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf("Paris");
    flipped[at] = "B".charCodeAt(0);
    for (const [name, contents] of [["flipped", flipped], ["cut", bytes.subarray(0, bytes.length - 3)], ["magic", Buffer.concat([Buffer.from("XXXX"), bytes.subarray(4)])]] as const) {
      const other = path.join(dir, name);
      writeFileSync(other, contents);
      expect(readAll(other).ok, name).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../../src/index.js";
import { searchRecordBatches, type SearchRecord } from "../../../src/search/records.js";
import { RecordsFingerprint } from "../../../src/search/records-fingerprint.js";
import { pagefindBinary } from "../../../src/search/pagefind-binary.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const options = resolveOptions({ siteUrl: "https://digest.example.org" });
const story = (i: number, fields: Record<string, unknown> = {}) => articleFile({ title: `Story ${i}`, originalUrl: `https://outlet.example.com/${i}`, publishedDateTime: `2026-03-0${i + 1}T10:00:00Z`, ...fields });
const files = (extra: Record<string, string> = {}) => ({ ...Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${i}.md`, story(i)])), ...extra });
const records = (input: Record<string, string>): SearchRecord[][] => [...searchRecordBatches(digestFromFiles(input, options), { language: "en", formatDate: (iso) => iso }, 3)];

function fingerprintOf(batches: SearchRecord[][]): string {
  const fingerprint = new RecordsFingerprint(pagefindBinary());
  for (const batch of batches) fingerprint.add(batch);
  return fingerprint.digest();
}

describe("RecordsFingerprint", () => {
  it("is the same for the same articles, however they are batched", () => {
    const batches = records(files());
    expect(fingerprintOf(batches)).toBe(fingerprintOf(records(files())));
    expect(fingerprintOf([batches.flat()])).toBe(fingerprintOf(batches));
  });

  it("changes with an added article, an edited excerpt, or a date shown differently on the cards", () => {
    const base = fingerprintOf(records(files()));
    expect(fingerprintOf(records(files({ "9.md": story(8) })))).not.toBe(base);
    expect(fingerprintOf(records(files({ "0.md": story(0, { excerpt: "A corrected excerpt." }) })))).not.toBe(base);
    const otherDates = [...searchRecordBatches(digestFromFiles(files(), options), { language: "en", formatDate: (iso) => iso.slice(0, 10) })];
    expect(fingerprintOf(otherDates)).not.toBe(base);
  });
});

import path from "node:path";
import * as pagefind from "pagefind";
import { NewsDigestError, MESSAGE_PREFIX } from "../errors.js";
import type { SearchRecord } from "./records.js";

// Each addCustomRecord is a round trip to Pagefind's child process; sending a batch at once
// halves the time of awaiting each in turn (measured in DESIGN.md: 3.3–4 s vs ~2× at 10,000).
const BATCH_SIZE = 500;

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new NewsDigestError(`${MESSAGE_PREFIX} Pagefind failed to ${step}:\n${errors.map((e) => `  ${e}`).join("\n")}`);
}

/**
 * Indexes the records with Pagefind's Node API in this process and writes the bundle to
 * `<outputDir>/pagefind/`. Custom records rather than the written HTML: the data is already
 * in memory, and indexing it skips reading and parsing every page again (see README, Search).
 */
export async function buildSearchIndex(input: { outputDir: string; records: readonly SearchRecord[]; log: (message: string) => void }): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({});
    check("create an index", created.errors);
    const index = created.index;
    if (!index) throw new NewsDigestError(`${MESSAGE_PREFIX} Pagefind returned no index.`);
    for (let start = 0; start < input.records.length; start += BATCH_SIZE) {
      const responses = await Promise.all(input.records.slice(start, start + BATCH_SIZE).map((record) => index.addCustomRecord(record)));
      for (const [offset, response] of responses.entries()) check(`index ${input.records[start + offset]?.url ?? "a record"}`, response.errors);
    }
    const written = await index.writeFiles({ outputPath: path.join(input.outputDir, "pagefind") });
    check("write the search bundle", written.errors);
    const ms = Math.round(performance.now() - started);
    input.log(`${MESSAGE_PREFIX} search: indexed ${input.records.length} pages in ${ms} ms`);
    return { pages: input.records.length, ms };
  } finally {
    await pagefind.close();
  }
}

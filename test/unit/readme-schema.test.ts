import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderArticleFieldTables, renderOptionsTable } from "../../src/index.js";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");

/** The text under a `## ` heading, up to the next one: each table must sit in its own section, not merely somewhere. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("the README's tables are the schemas' own", () => {
  // On failure, paste the function's output over the table in README.md.
  it("lists the options as OPTION_SCHEMA declares them (renderOptionsTable)", () => {
    expect(section("The plugin")).toContain(`\n${renderOptionsTable()}\n`);
  });

  it("lists the article fields as the article schema declares them (renderArticleFieldTables)", () => {
    expect(section("Article files")).toContain(`\n${renderArticleFieldTables()}\n`);
  });
});

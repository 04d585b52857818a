import { describe, expect, it } from "vitest";
import { formatReport } from "../../../src/errors.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

describe("the value of secured", () => {
  it("is never printed: not for a wrong type, not in a related item, not under a misspelt name", () => {
    const digest = digestFromFiles({
      "number.md": articleFile({ title: "A", originalUrl: "https://outlet.example.com/a", secured: 73571357 }),
      "list.md": articleFile({ title: "B", originalUrl: "https://outlet.example.com/b", secured: ["SECRET-IN-LIST"] }),
      "related.md": articleFile({
        title: "C",
        originalUrl: "https://outlet.example.com/c",
        related: [{ title: "Other", publishedDateTime: "2026-03-01T09:00:00Z", webUrl: "https://other.example.com/c", provider: { name: "Other", domain: "other.example.com" }, secured: "SECRET-IN-RELATED" }],
      }),
      "typo.md": articleFile({ title: "D", originalUrl: "https://outlet.example.com/d", secured: undefined, secrued: "SECRET-MISSPELT" }),
    });
    const report = formatReport(digest.problems);
    for (const secret of ["73571357", "SECRET-IN-LIST", "SECRET-IN-RELATED", "SECRET-MISSPELT"]) expect(report).not.toContain(secret);
    expect(report).toMatchInlineSnapshot(`
      "  list.md
          secured: expected a string, received a list (not shown: it is secret).
        number.md
          secured: expected a string, received a number (not shown: it is secret).
        related.md
          warning: related[0].secured: expected a known related-item field, received an unknown field set to a string (not shown: it is secret). Hint: only the article itself takes \`secured\`, not a related item; it was ignored
        typo.md
          warning: secrued: expected a known article field, received an unknown field set to a string (not shown: it is secret). Hint: did you mean \`secured\`? It was ignored"
    `);
  });
});

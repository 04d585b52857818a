import { describe, expect, it } from "vitest";
import { formatReport, NewsDigestError, problem, terminalSafe } from "../../src/errors.js";

describe("the report, as a terminal shows it", () => {
  it("escapes control characters in file names, fields, values and hints", () => {
    const report = formatReport([
      problem({ file: "evil\n[news-digest] articles: 0 invalid.md", field: "title", expected: "a string", received: 'the string "\u001b[2J"', hint: "a\u202eb" }),
    ]);
    expect(report.split("\n")).toHaveLength(2);
    expect(report).toMatchInlineSnapshot(`
      "  evil\\n[news-digest] articles: 0 invalid.md
          title: expected a string, received the string "\\x1b[2J". Hint: a\\u202eb"
    `);
    expect(terminalSafe("plain text, ünïcode 🚀")).toBe("plain text, ünïcode 🚀");
  });

  it("applies the prefix once and keeps what caused the error", () => {
    const cause = new Error("EACCES");
    const error = new NewsDigestError("cannot read it.", { cause, problems: [problem({ file: "a.md", expected: "x", received: "y" })] });
    expect(error.message).toBe("[news-digest] cannot read it.");
    expect(error.cause).toBe(cause);
    expect(error.problems[0]).toEqual({ severity: "error", file: "a.md", field: "", expected: "x", received: "y" });
    expect(error.skipOriginalStack).toBe(true);
  });
});

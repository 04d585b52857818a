import { describe, expect, it } from "vitest";
import { articleFile } from "../helpers/article-file.js";
import { buildFixture } from "../helpers/build-fixture.js";
import { readFragments } from "../helpers/pagefind.js";
import path from "node:path";

describe("a line that only starts with --- inside the front matter", () => {
  it("does not end it: the article stays unpublished and its secured value appears nowhere", async () => {
    const hidden = "---\ntitle: Embargoed story\n---x: 1\npublished: false\nsecured: TOP-SECRET-VALUE\noriginalUrl: https://outlet.example.com/embargo\nwebUrl: https://outlet.example.com/embargo\npublishedDateTime: 2026-03-02T10:00:00Z\nprovider:\n  name: Example Outlet\n  domain: outlet.example.com\n---\n";
    const build = await buildFixture({ name: "fence", files: { "public.md": articleFile({ title: "Public story" }), "hidden.md": hidden } });
    expect(build.error).toBeUndefined();
    const everything = build.files().filter((f) => !f.startsWith("/pagefind/")).map((f) => build.read(f)).join("\n");
    expect(everything).toContain("Public story");
    expect(everything).not.toContain("Embargoed story");
    expect(everything).not.toContain("TOP-SECRET-VALUE");
    const indexed = readFragments(path.join(build.outputDir, "pagefind")).map((f) => JSON.stringify(f)).join("\n");
    expect(indexed).toContain("Public story");
    expect(indexed).not.toContain("Embargoed");
    expect(indexed).not.toContain("TOP-SECRET-VALUE");
    // The stray key is reported, naming the file.
    expect(build.logs.join("\n")).toMatch(/hidden\.md[\s\S]*---x/);
  });
});

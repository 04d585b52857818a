import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLayouts } from "../../../src/site/load-layouts.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

describe("the layouts' fingerprint (what pages are skipped by)", () => {
  it("changes with any file a site's layout may import, and not with node_modules or dot-folders", async () => {
    const dir = makeTempDir("layouts-fingerprint");
    const write = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    };
    write("lib/helpers.js", "export const tagline = 'one';\n");
    write("node_modules/dep/index.js", "export default 1;\n");
    const first = (await loadLayouts(dir)).fingerprint;
    expect((await loadLayouts(dir)).fingerprint).toBe(first);
    write("node_modules/dep/index.js", "export default 2;\n");
    write(".cache/x.json", "{}\n");
    expect((await loadLayouts(dir)).fingerprint).toBe(first);
    write("lib/helpers.js", "export const tagline = 'two';\n");
    expect((await loadLayouts(dir)).fingerprint).not.toBe(first);
  });

  it("follows a linked layout file to its contents", async () => {
    const dir = makeTempDir("layouts-linked");
    const elsewhere = makeTempDir("layouts-linked-target");
    writeFileSync(path.join(elsewhere, "card.js"), "export default (data, kit) => kit.html`<p>one</p>`;\n");
    symlinkSync(path.join(elsewhere, "card.js"), path.join(dir, "card.js"));
    const first = (await loadLayouts(dir)).fingerprint;
    writeFileSync(path.join(elsewhere, "card.js"), "export default (data, kit) => kit.html`<p>two</p>`;\n");
    expect((await loadLayouts(dir)).fingerprint).not.toBe(first);
  });
});

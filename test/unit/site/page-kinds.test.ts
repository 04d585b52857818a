import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { feedLinks } from "../../../src/feeds/index.js";
import { resolveOptions } from "../../../src/index.js";
import { createKit, siteInfo } from "../../../src/site/kit.js";
import { bundledLayoutsDir, loadLayouts } from "../../../src/site/load-layouts.js";
import { outputFileOf, RenderedPages } from "../../../src/site/page-cache.js";
import { pagesToRender, renderEntry, PAGINATED_KIND_NAMES } from "../../../src/site/page-kinds.js";
import { planSite } from "../../../src/site/pages.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const files = (excerpt: string) => ({
  "a.md": articleFile({ title: "One", excerpt, topics: ["Markets"], originalUrl: "https://outlet.example.com/1" }),
  "b.md": articleFile({ title: "Two", topics: ["Energy"], originalUrl: "https://outlet.example.com/2", publishedDateTime: "2026-03-02T10:00:00Z" }),
});

describe("pagesToRender", async () => {
  const options = resolveOptions({ siteUrl: "https://digest.example.org" });
  const kit = createKit(siteInfo(options, "/"), (await loadLayouts(bundledLayoutsDir())).layouts);
  const plan = (excerpt: string) => planSite(digestFromFiles(files(excerpt), options), 20, feedLinks, "Test");

  it("renders every page on a clean build", () => {
    const first = plan("First.");
    const pages = pagesToRender(first, kit);
    expect(pages.article).toHaveLength(2);
    expect(pages.list.length + pages.terms.length).toBeGreaterThan(3);
  });

  it("on a rebuild, renders only pages whose HTML changed or whose file is gone", () => {
    const outputDir = mkdtempSync(path.join(os.tmpdir(), "nd-pages-"));
    const rendered = new RenderedPages();
    const first = plan("First.");
    // As the templates do on the first build: write every page and remember it.
    for (const kind of PAGINATED_KIND_NAMES) {
      for (const entry of pagesToRender(first, kit)[kind]) {
        const html = renderEntry(kit, kind, entry);
        const file = outputFileOf(outputDir, entry.pageUrl);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, html);
        rendered.remember(entry.pageUrl, html);
      }
    }
    const unchanged = pagesToRender(plan("First."), kit, { rendered, outputDir });
    expect(Object.values(unchanged).flat()).toEqual([]);

    const changed = pagesToRender(plan("Second."), kit, { rendered, outputDir });
    // The article itself, and the lists that show its excerpt: home and its provider and topic.
    expect(changed.article.map((e) => e.pageUrl)).toEqual(["/articles/2026-03-01-one/"]);
    expect(changed.list.map((e) => e.pageUrl).sort()).toEqual(["/", "/providers/outlet-example-com/", "/topics/markets/"]);
    expect(changed.terms).toEqual([]);
    expect(rendered.take("/articles/2026-03-01-one/")).toContain("Second.");
  });
});

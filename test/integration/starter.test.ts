import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Eleventy from "@11ty/eleventy";
import { parseHtml } from "../helpers/html.js";

const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string>; exports: Record<string, unknown>; files: string[] };

describe("the README stays true", () => {
  it("gives the two set-up commands, and both exist as scripts", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
    expect(pkg.scripts.start).toMatch(/eleventy --serve/);
    expect(pkg.scripts.test).toMatch(/vitest run/);
    expect(pkg.scripts.bench).toBeDefined();
  });

  it("names only layouts that exist", () => {
    for (const name of readme.match(/`[a-z-]+\.(?:js|css)`/g) ?? []) {
      const file = name.slice(1, -1);
      if (["base.js", "article.js", "list.js", "card.js", "pagination.js", "terms.js", "feeds.js", "search.js", "not-found.js"].includes(file)) {
        expect(existsSync(path.join(root, "layouts", file)), file).toBe(true);
      }
    }
    expect(existsSync(path.join(root, "layouts/assets/style.css"))).toBe(true);
  });

  it("documents every option the plugin accepts", async () => {
    const { DEFAULT_OPTIONS } = await import("../../src/options.js");
    for (const option of Object.keys(DEFAULT_OPTIONS)) expect(readme, option).toContain(`| \`${option}\` |`);
  });
});

describe("the starter site", () => {
  const outputDir = mkdtempSync(path.join(os.tmpdir(), "nd-starter-"));
  beforeAll(async () => {
    // The real .eleventy.js, as `npm start` runs it (it imports the built plugin from dist/).
    const elev = new Eleventy(undefined, outputDir, { quietMode: true, configPath: path.join(root, ".eleventy.js") });
    await elev.write();
  });

  it("builds every published sample article from content/", () => {
    const articles = readdirSync(path.join(outputDir, "articles"));
    const sources = readdirSync(path.join(root, "content")).filter((f) => f.endsWith(".md"));
    const unpublished = sources.filter((f) => /^published:\s*false\s*$/m.test(readFileSync(path.join(root, "content", f), "utf8")));
    expect(sources.length).toBeGreaterThanOrEqual(42);
    expect(articles.length).toBe(sources.length - unpublished.length);
    expect(existsSync(path.join(outputDir, "articles/2021-04-19-us-banks-are-using-ai-to-watch-customers-and-employees/index.html"))).toBe(true);
    expect(articles.some((slug) => slug.includes("u-s-banks-deploy-ai-to-monitor"))).toBe(false);
  });

  it("lists the Reuters wire copies once, linking out to Reuters, on the IT Pro article", () => {
    const page = parseHtml(readFileSync(path.join(outputDir, "articles/2021-04-19-us-banks-are-using-ai-to-watch-customers-and-employees/index.html"), "utf8"));
    const coverage = page.all(".coverage li").map((li) => page.attr(li.children.find((c) => "name" in c && c.name === "a") as never, "href"));
    expect(coverage.filter((href) => href?.includes("reuters.com"))).toHaveLength(1);
    expect(page.text(".coverage")).toContain("Reuters (2 versions)");
    expect(page.text(".coverage h2")).toBe("Also covered by 3 outlets");
  });

  it("writes the sample's topic and provider pages", () => {
    expect(existsSync(path.join(outputDir, "topics/ai/index.html"))).toBe(true);
    expect(existsSync(path.join(outputDir, "providers/itpro-co-uk/index.html"))).toBe(true);
  });
});

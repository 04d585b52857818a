import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Eleventy from "@11ty/eleventy";
import { parseHtml } from "../helpers/html.js";
import { errorMessages } from "../helpers/build-site.js";
import { makeTempDir } from "../helpers/temp-dir.js";

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
  const outputDir = makeTempDir("starter");
  beforeAll(async () => {
    // The real .eleventy.js, as the README's deploy command runs it (it imports the built plugin
    // from dist/): a build, so the address must come from NEWS_DIGEST_URL.
    process.env.NEWS_DIGEST_URL = "https://news.example.org";
    try {
      const elev = new Eleventy(undefined, outputDir, { quietMode: true, configPath: path.join(root, ".eleventy.js") });
      await elev.write();
    } finally {
      delete process.env.NEWS_DIGEST_URL;
    }
  });

  it("links every page kind to the search page, whose index exists", () => {
    for (const page of ["index.html", "topics/index.html", "providers/index.html", "feeds/index.html", "404.html", "articles/2021-04-19-us-banks-are-using-ai-to-watch-customers-and-employees/index.html"]) {
      expect(parseHtml(readFileSync(path.join(outputDir, page), "utf8")).attrs("a", "href"), page).toContain("/search/");
    }
    expect(existsSync(path.join(outputDir, "pagefind", "pagefind.js"))).toBe(true);
  });

  it("points canonical links at NEWS_DIGEST_URL", () => {
    const home = parseHtml(readFileSync(path.join(outputDir, "index.html"), "utf8"));
    expect(home.attr(home.one('link[rel="canonical"]'), "href")).toBe("https://news.example.org/");
  });

  it("refuses to build for deploying without NEWS_DIGEST_URL, naming it, instead of pointing at localhost", async () => {
    const elsewhere = makeTempDir("starter-nourl");
    const quiet = silenceConsole();
    let error: unknown;
    try {
      await new Eleventy(undefined, elsewhere, { quietMode: true, configPath: path.join(root, ".eleventy.js") }).write();
    } catch (caught) {
      error = caught;
    } finally {
      quiet.restore();
    }
    expect(error instanceof Error ? errorMessages(error) : String(error)).toContain("NEWS_DIGEST_URL");
    expect(existsSync(path.join(elsewhere, "sitemap.xml"))).toBe(false);
  });

  it("falls back to localhost only for the dev server", async () => {
    const dev = makeTempDir("starter-dev");
    const quiet = silenceConsole();
    try {
      // `npm start` is `eleventy --serve`; "watch" is the same run mode without the server.
      await new Eleventy(undefined, dev, { quietMode: true, configPath: path.join(root, ".eleventy.js"), runMode: "watch" }).write();
    } finally {
      quiet.restore();
    }
    const home = parseHtml(readFileSync(path.join(dev, "index.html"), "utf8"));
    expect(home.attr(home.one('link[rel="canonical"]'), "href")).toBe("http://localhost:8080/");
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

/** Eleventy prints a failed build's error itself; keep the test output readable. */
function silenceConsole(): { restore(): void } {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = (): void => {};
  return { restore: () => Object.assign(console, saved) };
}

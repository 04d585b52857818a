import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import Eleventy from "@11ty/eleventy";
import { parseHtml } from "../helpers/html.js";
import { errorMessages } from "../helpers/build-site.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { articleFile } from "../helpers/article-file.js";

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

/** The starter's fixture: a lead story covered by two copies of one wire story and one other outlet, the wire story's own file held back, and one more story. */
const LEAD = "2026-03-02-banks-watch-customers-with-ai-cameras";
const WIRE_HELD = "2026-03-02-wire-banks-deploy-ai-to-monitor-customers";
const OTHER = "2026-03-01-markets-hold-steady";
const wire = { name: "Wire Service", domain: "wire.example.com" };

/** The article folder whose readable part (date and headline) is `readable`. */
function articleDir(readable: string, outputDir: string): string {
  const found = readdirSync(path.join(outputDir, "articles")).filter((dir) => dir.startsWith(`${readable}-`));
  if (found.length !== 1) throw new Error(`expected one article folder for ${readable}, found ${found.join(", ")}`);
  return found[0] as string;
}

function writeFixtureContent(): string {
  const dir = makeTempDir("starter-content");
  const related = (title: string, url: string, provider: { name: string; domain: string }, at: string) => ({ title, excerpt: `${title}.`, publishedDateTime: at, webUrl: url, provider: { ...provider } }); // a copy each: a shared object would be dumped as a YAML alias, which articles refuse
  const files: Record<string, string> = {
    [LEAD]: articleFile({
      title: "Banks watch customers with AI cameras",
      publishedDateTime: "2026-03-02T15:31:00Z",
      originalUrl: "https://techweekly.example.com/banks-watch-customers",
      webUrl: "https://techweekly.example.com/banks-watch-customers",
      provider: { name: "Tech Weekly", domain: "techweekly.example.com", images: [] },
      topics: ["AI", "Banking"],
      related: [
        related("Banks deploy AI to monitor customers", "https://wire.example.com/banks-deploy-ai-1", wire, "2026-03-02T09:03:00Z"),
        related("INSIGHT-Banks deploy AI to monitor customers", "https://wire.example.com/banks-deploy-ai-2", wire, "2026-03-02T09:00:00Z"),
        related("Banks turn cameras on staff", "https://gazette.example.org/banks-cameras", { name: "The Gazette", domain: "gazette.example.org" }, "2026-03-02T10:55:00Z"),
      ],
    }),
    [WIRE_HELD]: articleFile({
      title: "Banks deploy AI to monitor customers",
      publishedDateTime: "2026-03-02T09:03:00Z",
      originalUrl: "https://wire.example.com/banks-deploy-ai-1",
      webUrl: "https://wire.example.com/banks-deploy-ai-1",
      provider: { ...wire, images: [] },
      topics: ["AI"],
      published: false,
    }),
    [OTHER]: articleFile({ title: "Markets hold steady", topics: ["Markets"] }),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.md`), text);
  return dir;
}

/** Builds the real .eleventy.js (which imports the built plugin from dist/) with the starter's environment variables set only for the build. */
async function buildStarter(outputDir: string, env: { NEWS_DIGEST_URL?: string; NEWS_DIGEST_CONTENT?: string }, runMode?: "build" | "watch"): Promise<void> {
  const saved = { NEWS_DIGEST_URL: process.env.NEWS_DIGEST_URL, NEWS_DIGEST_CONTENT: process.env.NEWS_DIGEST_CONTENT };
  for (const name of ["NEWS_DIGEST_URL", "NEWS_DIGEST_CONTENT"] as const) {
    const value = env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    await new Eleventy(undefined, outputDir, { quietMode: true, configPath: path.join(root, ".eleventy.js"), ...(runMode ? { runMode } : {}) }).write();
  } finally {
    for (const name of ["NEWS_DIGEST_URL", "NEWS_DIGEST_CONTENT"] as const) {
      const value = saved[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe("the starter site", () => {
  const outputDir = makeTempDir("starter");
  const contentDir = writeFixtureContent();
  beforeAll(async () => {
    // As the README's deploy command runs it: a build, so the address must come from NEWS_DIGEST_URL.
    await buildStarter(outputDir, { NEWS_DIGEST_URL: "https://news.example.org", NEWS_DIGEST_CONTENT: contentDir });
  });

  it("links every page kind to the search page, whose index exists", () => {
    for (const page of ["index.html", "topics/index.html", "providers/index.html", "feeds/index.html", "404.html", `articles/${articleDir(LEAD, outputDir)}/index.html`]) {
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
      await buildStarter(elsewhere, { NEWS_DIGEST_CONTENT: contentDir });
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
      await buildStarter(dev, { NEWS_DIGEST_CONTENT: contentDir }, "watch");
    } finally {
      quiet.restore();
    }
    const home = parseHtml(readFileSync(path.join(dev, "index.html"), "utf8"));
    expect(home.attr(home.one('link[rel="canonical"]'), "href")).toBe("http://localhost:8080/");
  });

  it("builds every published article of NEWS_DIGEST_CONTENT, and no held one", () => {
    // Each address ends in a hash of the article's canonical URL.
    expect(readdirSync(path.join(outputDir, "articles")).map((dir) => dir.replace(/-[0-9a-f]{10}$/, "")).sort()).toEqual([OTHER, LEAD].sort());
    expect(existsSync(path.join(outputDir, `articles/${WIRE_HELD}`))).toBe(false);
  });

  it("lists the wire copies once, linking out to the wire service, on the lead article", () => {
    const page = parseHtml(readFileSync(path.join(outputDir, `articles/${articleDir(LEAD, outputDir)}/index.html`), "utf8"));
    const coverage = page.all(".coverage li").map((li) => page.attr(li.children.find((c) => "name" in c && c.name === "a") as never, "href"));
    expect(coverage.filter((href) => href?.includes("wire.example.com"))).toHaveLength(1);
    expect(coverage).toHaveLength(2);
    expect(page.text(".coverage")).toContain("Wire Service (2 versions)");
    expect(page.text(".coverage h2")).toBe("Also covered by 2 outlets");
  });

  it("writes the fixture's topic and provider pages", () => {
    for (const page of ["topics/ai", "topics/banking", "topics/markets", "providers/techweekly.example.com", "providers/outlet.example.com"]) {
      expect(existsSync(path.join(outputDir, page, "index.html")), page).toBe(true);
    }
    expect(existsSync(path.join(outputDir, "providers/wire.example.com/index.html"))).toBe(false);
  });
});

describe("the starter's own content/ (a smoke check: publishers edit it)", () => {
  it("builds at least one article from it", async () => {
    const outputDir = makeTempDir("starter-own");
    await buildStarter(outputDir, { NEWS_DIGEST_URL: "https://news.example.org" });
    expect(readdirSync(path.join(outputDir, "articles")).length).toBeGreaterThanOrEqual(1);
  });
});

/** Eleventy prints a failed build's error itself; keep the test output readable. */
function silenceConsole(): { restore(): void } {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  console.log = console.warn = console.error = (): void => {};
  return { restore: () => Object.assign(console, saved) };
}

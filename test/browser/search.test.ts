import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildFixture } from "../helpers/build-fixture.js";
import { articleFile } from "../helpers/article-file.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";
import { launchChromium, collectErrors } from "../helpers/browser.js";

const outlet = (name: string) => ({ name, domain: `${name.toLowerCase().replace(/\s+/g, "-")}.example.com` });
const story = (n: number, title: string, provider: string, topics: string[], extra: Record<string, unknown> = {}) =>
  articleFile({ title, excerpt: `${title}. A fictional story, number ${n}.`, provider: outlet(provider), topics, publishedDateTime: `2026-03-${String(n).padStart(2, "0")}T10:00:00Z`, originalUrl: `https://${outlet(provider).domain}/story-${n}`, ...extra });

const files = {
  "1.md": story(1, "Wind turbine orders climb", "Harbor Ledger", ["Energy"]),
  "2.md": story(2, "Turbine blades get recycled", "Northwind Wire", ["Energy", "Climate"]),
  "3.md": story(3, "Offshore turbine auction", "Kestrel Daily", ["Energy", "Markets"]),
  "4.md": story(4, "Turbine maker shares jump", "Harbor Ledger", ["Markets"]),
  "5.md": story(5, "Grid operators brace for heat", "Northwind Wire", ["Climate"]),
  "6.md": story(6, "Secret zeppelin prototype", "Kestrel Daily", ["Energy"], { published: false, excerpt: "An unpublished zeppelin story." }),
  "7.md": story(7, `<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> turbine`, "Kestrel Daily", ["Energy"], { excerpt: `<img src=x onerror="window.__pwned = 3"> hostile turbine excerpt` }),
};

/** Page-side code as a string: the test runner would rewrite a dynamic import() in a function. */
const pagefindCount = (term: string, filters: object): string =>
  `(async () => { const pagefind = await import(document.querySelector(".search-form").dataset.bundle); return (await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} })).results.length; })()`;

describe("search in a real browser, under a path prefix", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const build = await buildFixture({ name: "search", files, options: { search: true }, pathPrefix: "/news/" });
    if (build.error) throw build.error;
    expect(build.exists("/pagefind/pagefind.js")).toBe(true);
    server = await serveStatic(build.outputDir, "/news/");
    browser = await launchChromium();
    page = await browser.newPage();
    errors = collectErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const titles = () => page.locator(".search-results h2 a").allTextContents();
  const status = () => page.locator(".search-status").textContent();
  async function open(query: string): Promise<void> {
    await page.goto(`${server.baseUrl}search/${query}`);
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector(".search-status")?.textContent ?? ""));
  }
  async function apiCount(term: string, providers: string[]): Promise<number> {
    return page.evaluate(pagefindCount(term, { provider: { any: providers } }));
  }

  it("finds the matching articles for a query, as links under the prefix", async () => {
    await page.goto(`${server.baseUrl}search/`);
    await page.fill("#search-query", "turbine");
    await page.press("#search-query", "Enter");
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector(".search-status")?.textContent ?? ""));
    expect((await titles()).sort()).toEqual(["Offshore turbine auction", "Turbine blades get recycled", "Turbine maker shares jump", "Wind turbine orders climb", `<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> turbine`].sort());
    expect(page.url()).toBe(`${server.baseUrl}search/?q=turbine`);
    const hrefs = await page.locator(".search-results h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.every((href) => href?.startsWith("/news/articles/"))).toBe(true);
  });

  it("narrows with one provider to what Pagefind's API reports, and widens again with two (OR)", async () => {
    await page.locator(".filter-provider summary").click();
    await page.locator('.filter-provider input[value="Harbor Ledger"]').check();
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "2 results");
    expect(await apiCount("turbine", ["Harbor Ledger"])).toBe(2);
    expect((await titles()).sort()).toEqual(["Turbine maker shares jump", "Wind turbine orders climb"]);
    await page.locator('.filter-provider input[value="Northwind Wire"]').check();
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "3 results");
    expect(await apiCount("turbine", ["Harbor Ledger", "Northwind Wire"])).toBe(3);
    expect(page.url()).toContain("provider=Harbor+Ledger&provider=Northwind+Wire");
  });

  it("goes back to the previous state with the Back button", async () => {
    await page.goBack();
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "2 results");
    expect(await page.locator('.filter-provider input[value="Northwind Wire"]').isChecked()).toBe(false);
  });

  it("sorts by newest", async () => {
    await open("?q=turbine&sort=newest");
    const dates = await page.locator(".search-results time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    expect(dates.length).toBe(5);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(await page.locator("#search-sort").inputValue()).toBe("newest");
  });

  it("restores the same results from a shared URL with a query and a filter", async () => {
    await open("?q=turbine&topic=Markets");
    expect((await titles()).sort()).toEqual(["Offshore turbine auction", "Turbine maker shares jump"]);
    expect(await page.locator("#search-query").inputValue()).toBe("turbine");
    expect(await page.locator('.filter-topic input[value="Markets"]').isChecked()).toBe(true);
    expect(await status()).toBe("2 results");
  });

  it("never finds an unpublished article", async () => {
    await open("?q=zeppelin");
    expect(await status()).toBe("0 results");
    expect(await page.evaluate(pagefindCount("zeppelin", {}))).toBe(0);
  });

  it("shows hostile titles and excerpts as text", async () => {
    await open("?q=hostile");
    const card = page.locator(".search-results li").first();
    expect(await card.locator("h2 a").textContent()).toBe(`<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> turbine`);
    expect(await card.locator(".excerpt").textContent()).toBe(`<img src=x onerror="window.__pwned = 3"> hostile turbine excerpt`);
    expect(await page.locator(".search-results script, .search-results img:not(.card-image)").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("logs no console errors", () => {
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildFixture } from "../helpers/build-fixture.js";
import { articleFile } from "../helpers/article-file.js";
import { readFragments } from "../helpers/pagefind.js";
import type { StaticServer } from "../helpers/static-server.js";
import { browseSite } from "../helpers/browser.js";

// Two outlets with one name: they are told apart by domain, which is the provider's key.
const dailyA = { name: "Daily News", domain: "a.example.com", images: [] };
const dailyB = { name: "Daily News", domain: "b.example.com", images: [] };
const coastal = { name: "Coastal Post", domain: "coastal.example.org", images: [] };
const HOSTILE_NAME = `<img src=x onerror="window.__pwned = 1"> "Q" & 'S' </span>`;
const hostile = { name: HOSTILE_NAME, domain: "hostile.example.net", images: [] };

const story = (n: number, title: string, provider: { domain: string }) =>
  articleFile({ title, excerpt: `${title}. A fictional ferry story.`, provider, topics: ["Transport"], publishedDateTime: `2026-04-${String(n).padStart(2, "0")}T10:00:00Z`, originalUrl: `https://${provider.domain}/ferry-${n}`, webUrl: undefined });

const files = {
  "1.md": story(1, "Ferry timetable changes", dailyA),
  "2.md": story(2, "Ferry fares frozen", dailyA),
  "3.md": story(3, "Ferry strike called off", dailyB),
  "4.md": story(4, "Ferry museum opens", coastal),
  "5.md": story(5, "Ferry named by a hostile outlet", hostile),
};

const PREFIX = "/news/";

/** Page-side code as a string (see search.test.ts): titles from Pagefind's own JS API for a provider filter. */
const pagefindTitles = (providers: string[]): string =>
  `(async () => { const pagefind = await import(${JSON.stringify(`${PREFIX}pagefind/pagefind.js`)}); const search = await pagefind.search("ferry", { filters: { provider: { any: ${JSON.stringify(providers)} } } }); return Promise.all(search.results.map(async (result) => (await result.data()).meta.title)); })()`;

describe("outlets that share a name, in the search filters", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let bundleDir: string;

  beforeAll(async () => {
    const build = await buildFixture({ name: "search-outlets", files, options: { search: true }, pathPrefix: PREFIX });
    if (build.error) throw build.error;
    bundleDir = path.join(build.outputDir, "pagefind");
    ({ server, browser, page, errors } = await browseSite(build.outputDir, PREFIX));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const titles = async () => (await page.locator(".search-results h2 a").allTextContents()).sort();
  const apiTitles = async (providers: string[]) => ((await page.evaluate(pagefindTitles(providers))) as string[]).sort();
  const waitForStatus = (text: string) => page.waitForFunction((expected) => document.querySelector(".search-status")?.textContent === expected, text);
  const filterLabels = () => page.locator(".filter-provider .filter-values label").evaluateAll((labels) => labels.map((label) => ({ value: label.querySelector("input")?.value, text: label.textContent?.trim(), detail: label.querySelector(".filter-detail")?.textContent ?? null })));
  async function open(query: string): Promise<void> {
    await page.goto(`${server.baseUrl}search/${query}`);
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector(".search-status")?.textContent ?? ""));
  }

  it("index one distinct provider value per outlet, its domain", () => {
    const byTitle = Object.fromEntries(readFragments(bundleDir).map((fragment) => [fragment.meta.title, fragment.filters.provider]));
    expect(byTitle).toEqual({
      "Ferry timetable changes": ["a.example.com"],
      "Ferry fares frozen": ["a.example.com"],
      "Ferry strike called off": ["b.example.com"],
      "Ferry museum opens": ["coastal.example.org"],
      "Ferry named by a hostile outlet": ["hostile.example.net"],
    });
  });

  it("show two entries labelled by the shared name, told apart by domain, and other outlets by name alone", async () => {
    await open("?q=ferry");
    await page.locator(".filter-provider summary").click();
    await page.waitForFunction(() => document.querySelectorAll(".filter-provider .filter-values label").length > 0);
    // By count, then by name.
    expect(await filterLabels()).toEqual([
      { value: "a.example.com", text: "Daily News a.example.com (2)", detail: "a.example.com" },
      { value: "hostile.example.net", text: `${HOSTILE_NAME} (1)`, detail: null },
      { value: "coastal.example.org", text: "Coastal Post (1)", detail: null },
      { value: "b.example.com", text: "Daily News b.example.com (1)", detail: "b.example.com" },
    ]);
    // The hostile name is text: no element was made from it, and nothing ran.
    expect(await page.locator(".search-filters img, .search-filters script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("narrows to one of them when it is ticked, and keeps its domain in the URL", async () => {
    await page.locator('.filter-provider input[value="b.example.com"]').check();
    await waitForStatus("1 result");
    expect(await apiTitles(["b.example.com"])).toEqual(["Ferry strike called off"]);
    expect(await titles()).toEqual(await apiTitles(["b.example.com"]));
    expect(await page.locator(".search-results .meta").allTextContents()).toEqual([expect.stringMatching(/^Daily News · /)]);
    expect(page.url()).toBe(`${server.baseUrl}search/?q=ferry&provider=b.example.com`);

    await page.locator('.filter-provider input[value="a.example.com"]').check();
    await waitForStatus("3 results");
    expect(await titles()).toEqual(await apiTitles(["a.example.com", "b.example.com"]));
    expect(page.url()).toBe(`${server.baseUrl}search/?q=ferry&provider=a.example.com&provider=b.example.com`);

    await page.goBack();
    await waitForStatus("1 result");
    expect(await titles()).toEqual(["Ferry strike called off"]);
    expect(await page.locator('.filter-provider input[value="a.example.com"]').isChecked()).toBe(false);
  });

  it("restores one outlet from a shared link by its domain", async () => {
    await open("?q=ferry&provider=a.example.com");
    expect(await titles()).toEqual(["Ferry fares frozen", "Ferry timetable changes"]);
    expect(await page.locator('.filter-provider input[value="a.example.com"]').isChecked()).toBe(true);
    expect(await page.locator('.filter-provider input[value="b.example.com"]').isChecked()).toBe(false);
  });

  it("reads an old link by name as every outlet of that name, and rewrites it to their domains", async () => {
    await open("?q=ferry&provider=Daily+News");
    expect(await titles()).toEqual(await apiTitles(["a.example.com", "b.example.com"]));
    expect(await titles()).toHaveLength(3);
    expect(page.url()).toBe(`${server.baseUrl}search/?q=ferry&provider=a.example.com&provider=b.example.com`);
  });

  it("logs no console errors", () => {
    expect(errors).toEqual([]);
  });
});

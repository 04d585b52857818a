import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { articleFile } from "../helpers/article-file.js";
import type { StaticServer } from "../helpers/static-server.js";
import { browseSite } from "../helpers/browser.js";

const outlet = (name: string) => ({ name, domain: `${name.toLowerCase().replace(/\s+/g, "-")}.example.com` });
// The provider filter's values (and `?provider=`) are the outlets' domains; the page labels them by name.
const HARBOR = outlet("Harbor Ledger").domain;
const NORTHWIND = outlet("Northwind Wire").domain;
const KESTREL = outlet("Kestrel Daily").domain;
const story = (n: number, title: string, provider: string, topics: string[], extra: Record<string, unknown> = {}) =>
  articleFile({ title, excerpt: `${title}. A fictional story, number ${n}.`, provider: outlet(provider), topics, publishedDateTime: `2026-03-${String(n).padStart(2, "0")}T10:00:00Z`, originalUrl: `https://${outlet(provider).domain}/story-${n}`, ...extra });

const files = {
  "1.md": story(1, "Wind turbine orders climb", "Harbor Ledger", ["Energy"]),
  "2.md": story(2, "Turbine blades get recycled", "Northwind Wire", ["Energy", "Climate"]),
  "3.md": story(3, "Offshore turbine auction", "Kestrel Daily", ["Energy", "Markets"]),
  "4.md": story(4, "Turbine maker shares jump", "Harbor Ledger", ["Markets"]),
  "5.md": story(5, "Grid operators brace for heat", "Northwind Wire", ["Climate"]),
  "6.md": story(6, "Secret zeppelin prototype", "Kestrel Daily", ["Energy"], { published: false, excerpt: "An unpublished zeppelin story." }),
  // Stories about "rates" spread over three years, none of them about turbines, for the facet and year tests.
  "8.md": story(8, "Central bank holds rates", "Kestrel Daily", ["Markets"], { publishedDateTime: "2024-05-02T10:00:00Z" }),
  "9.md": story(9, "Mortgage rates ease", "Harbor Ledger", ["Markets"], { publishedDateTime: "2025-06-01T10:00:00Z" }),
  "10.md": story(10, "Rates outlook for savers", "Northwind Wire", ["Markets", "Climate"], { publishedDateTime: "2025-11-20T10:00:00Z" }),
  "11.md": story(11, "Insurers reprice flood rates", "Northwind Wire", ["Climate"], { publishedDateTime: "2024-09-15T10:00:00Z" }),
  "12.md": story(12, "Rates traders eye inflation", "Harbor Ledger", ["Markets"]),
  "7.md": story(7, `<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> turbine`, "Kestrel Daily", ["Energy"], { excerpt: `<img src=x onerror="window.__pwned = 3"> hostile turbine excerpt` }),
};

/** Page-side code as a string: the test runner would rewrite a dynamic import() in a function. */
const pagefindCount = (term: string, filters: object): string =>
  `(async () => { const pagefind = await import(document.querySelector(".search-form").dataset.bundle); return (await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} })).results.length; })()`;

const PREFIX = "/news/";

type FilterQuery = Record<string, { any: string[] }>;

/**
 * Page-side code as a string: the titles and dates (from the record's card) Pagefind's own JS API returns, imported
 * straight from the bundle's URL under the prefix rather than through the page's script.
 */
const pagefindResults = (term: string | null, filters: FilterQuery, sort?: Record<string, "asc" | "desc">): string =>
  `(async () => { const pagefind = await import(${JSON.stringify(`${PREFIX}pagefind/pagefind.js`)}); const search = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)}${sort ? `, sort: ${JSON.stringify(sort)}` : ""} }); return Promise.all(search.results.map(async (result) => { const data = await result.data(); return { title: data.meta.title, datetime: JSON.parse(data.filters.card[0]).datetime }; })); })()`;

describe("search in a real browser, under a path prefix", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let build: FixtureBuild;

  beforeAll(async () => {
    build = await buildFixture({ name: "search", files, options: { search: true }, pathPrefix: "/news/" });
    if (build.error) throw build.error;
    expect(build.exists("/pagefind/pagefind.js")).toBe(true);
    ({ server, browser, page, errors } = await browseSite(build.outputDir, PREFIX));
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
  async function apiResults(term: string | null, filters: FilterQuery, sort?: Record<string, "asc" | "desc">): Promise<{ title: string; datetime: string }[]> {
    return page.evaluate(pagefindResults(term, filters, sort));
  }
  /** Opens a filter group, which loads its counts, and waits until its values are listed. */
  async function openGroup(group: string): Promise<void> {
    await page.locator(`.filter-${group} summary`).click();
    await page.waitForFunction((key) => document.querySelectorAll(`.filter-${key} .filter-values label`).length > 0, group);
  }
  /** The label text shown next to each value of a filter group, by value. */
  async function labelTexts(group: string): Promise<Record<string, string>> {
    const entries = await page.locator(`.filter-${group} .filter-values label`).evaluateAll((labels) => labels.map((label) => [label.querySelector("input")?.value ?? "", label.textContent?.trim() ?? ""] as const));
    return Object.fromEntries(entries);
  }
  /** The count shown next to each value of a filter group, by value. */
  async function labelCounts(group: string): Promise<Record<string, number>> {
    const entries = await page.locator(`.filter-${group} .filter-values label`).evaluateAll((labels) =>
      labels.map((label) => {
        const match = /^(.*) \((\d+)\)$/.exec(label.textContent?.trim() ?? "");
        return [label.querySelector("input")?.value ?? "", match ? Number(match[2]) : Number.NaN] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
  const waitForStatus = (text: string) => page.waitForFunction((expected) => document.querySelector(".search-status")?.textContent === expected, text);
  const resultsText = (n: number) => `${n} ${n === 1 ? "result" : "results"}`;

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
    await openGroup("provider");
    expect(await labelTexts("provider")).toEqual({ [HARBOR]: "Harbor Ledger (2)", [KESTREL]: "Kestrel Daily (2)", [NORTHWIND]: "Northwind Wire (1)" });
    await page.locator(`.filter-provider input[value="${HARBOR}"]`).check();
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "2 results");
    expect(await apiCount("turbine", [HARBOR])).toBe(2);
    expect((await titles()).sort()).toEqual(["Turbine maker shares jump", "Wind turbine orders climb"]);
    await page.locator(`.filter-provider input[value="${NORTHWIND}"]`).check();
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "3 results");
    expect(await apiCount("turbine", [HARBOR, NORTHWIND])).toBe(3);
    expect(page.url()).toContain(`provider=${HARBOR}&provider=${NORTHWIND}`);
  });

  it("goes back to the previous state with the Back button", async () => {
    await page.goBack();
    await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "2 results");
    expect(await page.locator(`.filter-provider input[value="${NORTHWIND}"]`).isChecked()).toBe(false);
    expect(await page.locator(`.filter-provider input[value="${HARBOR}"]`).isChecked()).toBe(true);
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

  it("counts another provider by what ticking it adds (OR), not by the already narrowed results", async () => {
    await open(`?q=rates&provider=${KESTREL}`);
    const kestrel = (await apiResults("rates", { provider: { any: [KESTREL] } })).length;
    expect(kestrel).toBeGreaterThan(0);
    expect(await status()).toBe(resultsText(kestrel));
    const counts = await labelCounts("provider");
    expect(Object.keys(counts).sort()).toEqual([HARBOR, KESTREL, NORTHWIND]);
    expect(counts[KESTREL]).toBe(kestrel);
    for (const other of [HARBOR, NORTHWIND]) {
      const either = (await apiResults("rates", { provider: { any: [KESTREL, other] } })).length;
      // Each article has one provider, so the groups are disjoint and the difference is what ticking adds.
      expect(counts[other], other).toBe(either - kestrel);
      expect(counts[other], other).toBeGreaterThan(0);
    }
    await page.locator(`.filter-provider input[value="${HARBOR}"]`).check();
    await waitForStatus(resultsText(kestrel + counts[HARBOR]!));
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&provider=${HARBOR}&provider=${KESTREL}`);
  });

  it("counts each group with the other groups' choices applied, and sorts the narrowed results by newest", async () => {
    const selection: Record<string, string[]> = { provider: [HARBOR], topic: ["Markets"], year: ["2025"] };
    await open(`?q=rates&provider=${HARBOR}&topic=Markets&year=2025&sort=newest`);
    const only = (group?: string, value?: string): FilterQuery =>
      Object.fromEntries(Object.entries(selection).map(([key, values]) => [key, { any: key === group ? [value!] : values }]));
    const shown = await apiResults("rates", only(), { date: "desc" });
    expect(shown.map((r) => r.title)).toEqual(["Mortgage rates ease"]);
    expect(await titles()).toEqual(shown.map((r) => r.title));
    const everyValue: Record<string, string[]> = { provider: [HARBOR, KESTREL, NORTHWIND], topic: ["Energy", "Climate", "Markets"], year: ["2024", "2025", "2026"] };
    for (const group of Object.keys(selection)) {
      const counts = await labelCounts(group);
      expect(Object.keys(counts).length, group).toBeGreaterThan(0);
      for (const value of everyValue[group] ?? []) {
        // What this value alone would give in its group, every other group's choice still applied;
        // a value not listed is one that would give nothing (and is not chosen).
        const expected = (await apiResults("rates", only(group, value))).length;
        if (value in counts) expect(counts[value], `${group}=${value}`).toBe(expected);
        else expect({ value, expected, chosen: selection[group]?.includes(value) }).toEqual({ value, expected: 0, chosen: false });
      }
    }
    // A year with no result among these is not offered (Pagefind counts it 0), unless it is chosen.
    expect((await apiResults("rates", only("year", "2024"))).length).toBe(0);
    expect((await labelCounts("year"))["2024"]).toBeUndefined();
    expect((await page.locator(".filter-year .filter-values label").allTextContents()).map((text) => text.trim())).toEqual(["2026 (1)", "2025 (1)"]);
    await page.locator(`.filter-provider input[value="${NORTHWIND}"]`).check();
    await waitForStatus("2 results");
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&provider=${HARBOR}&provider=${NORTHWIND}&topic=Markets&year=2025&sort=newest`);
    const dates = await page.locator(".search-results time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    expect(dates).toEqual((await apiResults("rates", { ...only(), provider: { any: [HARBOR, NORTHWIND] } }, { date: "desc" })).map((r) => r.datetime));
    expect(dates.length).toBe(2);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("narrows to a year, keeps it in the URL, and restores it after Back and a reload", async () => {
    await open("?q=rates");
    const all = (await apiResults("rates", {})).length;
    expect(await status()).toBe(resultsText(all));
    await openGroup("year");
    await page.locator('.filter-year input[value="2025"]').check();
    const in2025 = await apiResults("rates", { year: { any: ["2025"] } });
    expect(in2025.length).toBeGreaterThan(0);
    expect(in2025.length).toBeLessThan(all);
    await waitForStatus(resultsText(in2025.length));
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&year=2025`);
    const datetimes = () => page.locator(".search-results time").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
    expect((await datetimes()).every((d) => d.startsWith("2025-"))).toBe(true);
    expect((await titles()).sort()).toEqual(in2025.map((r) => r.title).sort());
    expect((await titles()).sort()).toEqual(["Mortgage rates ease", "Rates outlook for savers"]);

    // Two years are either year (OR), and Back returns to one.
    await page.locator('.filter-year input[value="2024"]').check();
    await waitForStatus(resultsText((await apiResults("rates", { year: { any: ["2025", "2024"] } })).length));
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&year=2025&year=2024`);
    await page.goBack();
    await waitForStatus(resultsText(in2025.length));
    expect(await page.locator('.filter-year input[value="2024"]').isChecked()).toBe(false);
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&year=2025`);

    await page.reload();
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector(".search-status")?.textContent ?? ""));
    expect(await status()).toBe(resultsText(in2025.length));
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&year=2025`);
    expect(await page.locator('.filter-year input[value="2025"]').isChecked()).toBe(true);
    expect(await page.locator("#search-query").inputValue()).toBe("rates");
    expect((await titles()).sort()).toEqual(in2025.map((r) => r.title).sort());
    expect((await datetimes()).every((d) => d.startsWith("2025-"))).toBe(true);
  });

  it("reads a link that names an outlet (as links did before domains) as that outlet, and rewrites it to the domain", async () => {
    await open("?q=rates&provider=Kestrel+Daily");
    const kestrel = await apiResults("rates", { provider: { any: [KESTREL] } });
    expect(kestrel.length).toBeGreaterThan(0);
    expect(await status()).toBe(resultsText(kestrel.length));
    expect((await titles()).sort()).toEqual(kestrel.map((r) => r.title).sort());
    expect(await page.locator(`.filter-provider input[value="${KESTREL}"]`).isChecked()).toBe(true);
    expect(page.url()).toBe(`${server.baseUrl}search/?q=rates&provider=${KESTREL}`);
  });

  it("marks the matched words in headlines and excerpts, hostile ones included, as text", async () => {
    await open("?q=turbine");
    const marks = await page.locator(".search-results h2 mark, .search-results .excerpt mark").allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(5);
    expect(new Set(marks.map((mark) => mark.toLowerCase()))).toEqual(new Set(["turbine"]));
    const hostile = page.locator(".search-results li", { hasText: "window.__pwned = 1" });
    expect(await hostile.locator("h2 a").textContent()).toBe(`<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> turbine`);
    expect(await hostile.locator("h2 mark").allTextContents()).toEqual(["turbine"]);
    expect(await page.locator(".search-results script, .search-results img:not(.card-image)").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it("shows Pagefind's marked passage, as text, when only a topic matched", async () => {
    await open("?q=markets");
    const card = page.locator(".search-results li", { hasText: "Offshore turbine auction" });
    expect(await card.locator("h2 mark, .excerpt mark").count()).toBe(0);
    expect(await card.locator(".match-context mark").allTextContents()).toEqual([expect.stringMatching(/^Markets/)]);
    expect(await page.locator(".match-context *:not(mark)").count()).toBe(0);
  });

  it("links each result's outlet to its page on this site, under the prefix", async () => {
    await open("?q=turbine");
    const outlets = await page.locator(".search-results .meta a").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(outlets.length).toBe(5);
    for (const [name, href] of outlets) {
      expect(href, name ?? "").toMatch(/^\/news\/providers\/[^/]+\/$/);
      expect(build.exists(href!.slice(PREFIX.length - 1)), href ?? "").toBe(true);
      expect(build.read(href!.slice(PREFIX.length - 1))).toMatch(new RegExp(`<h1[^>]*>${name}`));
    }
  });

  it("shows active filters as removable chips, a value the index does not know included, and clears them all", async () => {
    await open(`?q=turbine&provider=gone.example.com&provider=${HARBOR}&topic=Energy`);
    const chips = () => page.locator(".search-active .chip").allTextContents();
    expect((await chips()).map((chip) => chip.replace(/\s*×$/, ""))).toEqual(["Outlet: gone.example.com", "Outlet: Harbor Ledger", "Topic: Energy"]);
    // The unknown outlet narrows to nothing, so only Harbor Ledger's Energy stories are shown.
    expect((await titles()).sort()).toEqual(["Wind turbine orders climb"]);
    await page.locator(".search-active .chip", { hasText: "Topic: Energy" }).click();
    await waitForStatus("2 results");
    expect(page.url()).toBe(`${server.baseUrl}search/?q=turbine&provider=gone.example.com&provider=${HARBOR}`);
    // The keyboard stays in the chips after one is removed.
    expect(await page.evaluate(() => document.activeElement?.closest(".search-active") !== null)).toBe(true);
    await page.locator(".search-active .chip", { hasText: "gone.example.com" }).click();
    await waitForStatus("2 results");
    expect(page.url()).toBe(`${server.baseUrl}search/?q=turbine&provider=${HARBOR}`);
    await page.locator(".search-active .chip-clear").click();
    await waitForStatus("5 results");
    expect(page.url()).toBe(`${server.baseUrl}search/?q=turbine`);
    expect(await page.locator(".search-active").isVisible()).toBe(false);
    expect(await page.locator(".filter-provider input:checked").count()).toBe(0);
  });

  it("shows the query from the URL at once, with Loading search…, while Pagefind loads", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/pagefind/pagefind.js", async (route) => {
      await gate;
      await route.continue();
    });
    try {
      await page.goto(`${server.baseUrl}search/?q=turbine&topic=Markets&sort=newest`);
      await page.waitForFunction(() => document.querySelector(".search-status")?.textContent === "Loading search…");
      expect(await page.locator("#search-query").inputValue()).toBe("turbine");
      expect(await page.locator("#search-sort").inputValue()).toBe("newest");
      expect(await page.locator(".search-active .chip").allTextContents()).toEqual([expect.stringMatching(/^Topic: Markets/)]);
      release();
      await waitForStatus("2 results");
    } finally {
      release();
      await page.unroute("**/pagefind/pagefind.js");
    }
  });

  it("hides the form and shows links to browse when JavaScript is off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const quiet = await context.newPage();
    await quiet.goto(`${server.baseUrl}search/?q=turbine`);
    expect(await quiet.locator(".search-form").isVisible()).toBe(false);
    expect(await quiet.locator(".search-noscript").isVisible()).toBe(true);
    expect(await quiet.locator(".search-noscript a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual([`${PREFIX}topics/`, `${PREFIX}providers/`]);
    await context.close();
  });

  it("logs no console errors", () => {
    expect(errors).toEqual([]);
  });
});

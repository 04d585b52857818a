import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { generateCorpus } from "../../bench/generate.js";
import { articleFile } from "../helpers/article-file.js";
import { buildFixture } from "../helpers/build-fixture.js";
import { collectErrors, launchChromium } from "../helpers/browser.js";
import { serveStatic, type ServedResponse, type StaticServer } from "../helpers/static-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

// The issue's budget for a 10,000-article site, in bytes of /pagefind/ files as served (uncompressed).
const BEFORE_FIRST_QUERY = 150_000;
const AFTER_FIRST_QUERY = 250_000;
const PREFIX = "/news/";
const TOTAL = 10_000;

/**
 * The relevance case, added to the generated corpus: a word in the names of three outlets with many
 * articles, and in few headlines or excerpts of other outlets. The generator's outlet names ("The
 * Riverside Courier") are places and mastheads, not a word rare in headlines but common in names. The outlets' articles are the newest, so "Newest first" would list
 * them first if their name matched.
 */
const WORD = "lighthouse";
const NAMED_OUTLETS = ["Lighthouse Gazette", "The Lighthouse Daily", "Northern Lighthouse Wire"].map((name, i) => ({ name, domain: `lighthouse${i}.example.org` }));
const PER_NAMED_OUTLET = 60;
const MENTIONS = 24;
const NEUTRAL = ["Council approves budget", "Rail strike talks resume", "Harbour dredging delayed", "Storm closes schools", "Ferry fares rise", "Museum reopens"];

function relevanceFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  NAMED_OUTLETS.forEach((provider, o) => {
    for (let n = 0; n < PER_NAMED_OUTLET; n++) {
      const title = `${NEUTRAL[n % NEUTRAL.length]} ${o}-${n}`;
      const day = String(1 + (n % 28)).padStart(2, "0");
      files[`named-${o}-${n}.md`] = articleFile({ title, excerpt: `${title}: what the council said, and what happens next.`, provider, topics: ["Local"], publishedDateTime: `2025-0${1 + (n % 9)}-${day}T08:00:00Z`, originalUrl: `https://${provider.domain}/story-${n}`, webUrl: undefined });
    }
  });
  for (let n = 0; n < MENTIONS; n++) {
    const provider = { name: `Coastal Courier ${n % 4}`, domain: `courier${n % 4}.example.net` };
    // Half name the word in the headline, half only in the excerpt.
    const title = n % 2 ? `Old ${WORD} keeper retires ${n}` : `Keeper retires after forty years ${n}`;
    const excerpt = n % 2 ? "A career on the rocks, and a last lamp lit." : `The ${WORD} on the point goes automatic after forty years.`;
    files[`mention-${n}.md`] = articleFile({ title, excerpt, provider, topics: ["Local"], publishedDateTime: `2022-0${1 + (n % 9)}-10T08:00:00Z`, originalUrl: `https://${provider.domain}/keeper-${n}`, webUrl: undefined });
  }
  return files;
}

/** Published articles of a content folder whose headline, excerpt, topics or body name the word (what search should find). */
function articlesNaming(dir: string, word: RegExp): { titleOrExcerpt: number; anywhereIndexed: number } {
  let titleOrExcerpt = 0;
  let anywhereIndexed = 0;
  for (const name of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, name), "utf8");
    if (!word.test(text)) continue;
    const [, front = "", body = ""] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
    const data = yaml.load(front) as { title?: string; excerpt?: string; topics?: string[]; published?: boolean };
    if (data.published === false) continue;
    const inTitle = word.test(`${data.title ?? ""} ${data.excerpt ?? ""}`);
    if (inTitle) titleOrExcerpt++;
    if (inTitle || word.test(`${(data.topics ?? []).join(" ")} ${body}`)) anywhereIndexed++;
  }
  return { titleOrExcerpt, anywhereIndexed };
}

describe("search on a generated 10,000-article site", () => {
  let server: StaticServer;
  let browser: Browser;
  let contentDir: string;
  const served: ServedResponse[] = [];

  beforeAll(async () => {
    contentDir = path.join(makeTempDir("search-scale-corpus"), "content");
    const extra = relevanceFiles();
    generateCorpus({ count: TOTAL - Object.keys(extra).length, dir: contentDir, seed: 42 });
    mkdirSync(contentDir, { recursive: true });
    for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(contentDir, name), text);
    const build = await buildFixture({ name: "search-scale", contentDir, options: { search: true }, pathPrefix: PREFIX });
    if (build.error) throw build.error;
    server = await serveStatic(build.outputDir, PREFIX, { onResponse: (response) => served.push(response) });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const bundleBytes = (from = 0): number => served.slice(from).filter((r) => r.path.startsWith(`${PREFIX}pagefind/`)).reduce((sum, r) => sum + r.bytes, 0);
  const bundleFiles = (from = 0): string[] => served.slice(from).filter((r) => r.path.startsWith(`${PREFIX}pagefind/`)).map((r) => r.path.slice(`${PREFIX}pagefind/`.length));
  const resultsShown = (page: Page) => page.waitForFunction(() => /^\d+ results?$/.test(document.querySelector(".search-status")?.textContent ?? ""));
  const statusText = async (page: Page) => (await page.locator(".search-status").textContent()) ?? "";
  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    return { page, errors: collectErrors(page) };
  }

  it(`downloads at most ${BEFORE_FIRST_QUERY / 1000} kB of Pagefind before the first query and ${AFTER_FIRST_QUERY / 1000} kB after it`, async () => {
    const { page, errors } = await newPage();
    const start = served.length;
    await page.goto(`${server.baseUrl}search/`);
    await page.waitForFunction(() => /Type a word/.test(document.querySelector(".search-status")?.textContent ?? ""));
    // Focus fetches the library; wait until it has arrived, so it is counted here and not later.
    await page.focus("#search-query");
    await expect.poll(() => bundleFiles(start)).toContain("pagefind.js");
    await page.waitForTimeout(300);
    const before = bundleBytes(start);
    const beforeFiles = bundleFiles(start);

    const typed = served.length;
    await page.keyboard.type("market");
    await resultsShown(page);
    await page.waitForTimeout(300);
    const after = bundleBytes(start);
    const firstQuery = bundleFiles(typed);
    console.log(`[search-scale] Pagefind bytes before the first query: ${before} (${beforeFiles.join(", ")}); after it: ${after} (+ ${firstQuery.length} files)`);

    expect(before).toBeLessThanOrEqual(BEFORE_FIRST_QUERY);
    expect(after).toBeLessThanOrEqual(AFTER_FIRST_QUERY);
    // The count covered the index itself: its metadata, the WebAssembly, a word chunk and the cards' fragments.
    for (const kind of [/\.pf_meta$/, /^wasm\./, /^index\//, /^fragment\//]) expect(firstQuery.some((file) => kind.test(file)), String(kind)).toBe(true);
    // No worker script, and no filter counts until a filter group is opened.
    expect([...beforeFiles, ...firstQuery].filter((file) => file.startsWith("filter/") || file.includes("worker"))).toEqual([]);
    expect(await page.locator(".search-results > li").count()).toBe(20);

    const opened = served.length;
    await page.locator(".filter-provider summary").click();
    await page.waitForFunction(() => document.querySelectorAll(".filter-provider .filter-values label").length > 0);
    // Opening the outlet group loads that group's counts, one filter chunk.
    expect(bundleFiles(opened).filter((file) => file.startsWith("filter/"))).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it(`ranks headlines and excerpts naming "${WORD}" above outlets named after it, by relevance and by date`, async () => {
    const { page, errors } = await newPage();
    const word = new RegExp(WORD, "i");
    const expected = articlesNaming(contentDir, word);
    expect(expected.titleOrExcerpt).toBeGreaterThanOrEqual(20);
    // The outlets named after the word have many articles, and the index has them.
    await page.goto(`${server.baseUrl}search/?${NAMED_OUTLETS.map((o) => `provider=${o.domain}`).join("&")}`);
    await resultsShown(page);
    expect(await statusText(page)).toBe(`${NAMED_OUTLETS.length * PER_NAMED_OUTLET} results`);

    for (const sort of ["", "&sort=newest"]) {
      await page.goto(`${server.baseUrl}search/?q=${WORD}${sort}`);
      await resultsShown(page);
      // Only articles that say the word are found: an outlet's name is not searched.
      expect(await statusText(page), sort).toBe(`${expected.anywhereIndexed} results`);
      const cards = await page.locator(".search-results > li").evaluateAll((items) => items.slice(0, 20).map((item) => `${item.querySelector("h2")?.textContent ?? ""} ${item.querySelector(".excerpt")?.textContent ?? ""}`));
      expect(cards).toHaveLength(20);
      expect(cards.filter((card) => word.test(card)).length, `top 20${sort}`).toBeGreaterThanOrEqual(15);
      // ...and the word is marked where it was found.
      expect(await page.locator(".search-results > li:first-child mark").first().textContent(), sort).toMatch(word);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reaches the first result from a ticked outlet in at most 30 Tab presses, with 300 outlets and no scroll box", async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.baseUrl}search/`);
    await page.locator(".filter-provider summary").click();
    await page.waitForFunction(() => document.querySelectorAll(".filter-provider .filter-values label").length > 0);
    const total = Number(/Show all (\d+) outlets/.exec((await page.locator(".filter-provider .filter-all").textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThanOrEqual(300);

    const first = page.locator(".filter-provider .filter-values input").nth(3);
    const domain = await first.getAttribute("value");
    await first.focus();
    await page.keyboard.press("Space");
    await resultsShown(page);
    expect(page.url()).toContain(`provider=${domain}`);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.checked)).toBe(true);
    let presses = 0;
    while (presses < 60) {
      await page.keyboard.press("Tab");
      presses++;
      if (await page.evaluate(() => document.activeElement === document.querySelector(".search-results > li:first-child h2 a"))) break;
    }
    expect(presses).toBeLessThanOrEqual(30);

    // Every outlet can be listed, on the page itself rather than in a box that scrolls.
    await page.locator(".filter-provider .filter-all").click();
    expect(await page.locator(".filter-provider .filter-values label").count()).toBe(total);
    const boxes = await page.locator(".search-filters, .search-filters *").evaluateAll((elements) => elements.filter((e) => ["auto", "scroll"].includes(getComputedStyle(e).overflowY)).length);
    expect(boxes).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("narrows the outlet list as one types, ordered by count and then by name in natural order", async () => {
    const { page, errors } = await newPage();
    await page.goto(`${server.baseUrl}search/`);
    await page.locator(".filter-provider summary").click();
    await page.waitForFunction(() => document.querySelectorAll(".filter-provider .filter-values label").length > 0);
    await page.locator(".filter-provider .filter-narrow input").fill("riverside");
    const shown = await page.locator(".filter-provider .filter-values label").evaluateAll((labels) =>
      labels.map((label) => {
        const match = /^(.*) \((\d+)\)$/.exec(label.textContent?.trim() ?? "");
        return { name: match?.[1] ?? "", count: Number(match?.[2]) };
      }),
    );
    // The generator names 15 outlets "The Riverside <masthead>" (one per masthead).
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.every((value) => /^The Riverside /.test(value.name))).toBe(true);
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1]!, shown[i]!];
      expect(a.count > b.count || (a.count === b.count && a.name.localeCompare(b.name, "en", { numeric: true }) < 0), `${a.name} before ${b.name}`).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [what, pattern] of [
    ["a result's fragment", "**/pagefind/fragment/**"],
    ["an index chunk", "**/pagefind/index/**"],
  ] as const) {
    it(`says plainly that search failed, with links to browse, when ${what} cannot be fetched; Try again recovers`, async () => {
      const page = await browser.newPage();
      await page.route(pattern, (route) => route.abort());
      await page.goto(`${server.baseUrl}search/?q=market`);
      await page.waitForFunction(() => /not working/.test(document.querySelector(".search-status")?.textContent ?? ""), undefined, { timeout: 15_000 });
      const shown = await statusText(page);
      expect(shown).not.toMatch(/Searching|Loading|\d+ results?/);
      expect(await page.locator(".search-results > li").count()).toBe(0);
      expect(await page.locator(".search-error").isVisible()).toBe(true);
      const links = await page.locator(".search-error a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
      expect(links).toEqual([`${PREFIX}topics/`, `${PREFIX}providers/`]);

      await page.unroute(pattern);
      await page.locator(".search-retry").click();
      await resultsShown(page);
      expect(await page.locator(".search-error").isVisible()).toBe(false);
      expect(await page.locator(".search-results > li").count()).toBe(20);
      await page.close();
    });
  }
});

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { serveStatic, type StaticServer } from "../helpers/static-server.js";
import { launchChromium } from "../helpers/browser.js";
import { newsroom } from "../helpers/newsroom.js";

const PREFIX = "/news/";
// Set to a folder to get full-page screenshots of the pages below (light and dark, 1280 and 390 px).
const SCREENSHOTS = process.env.NEWS_DIGEST_SCREENSHOTS;

/** A small picture for every image host that answers; `broken` hosts and file names fail, as dead links do. */
const picture = (url: string): string =>
  /logos\./.test(url)
    ? `<svg xmlns="http://www.w3.org/2000/svg" width="50" height="50"><rect width="50" height="50" fill="#357"/><circle cx="25" cy="25" r="14" fill="#fff"/></svg>`
    : `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="#6a8caf"/><circle cx="900" cy="200" r="120" fill="#f2e3b0"/></svg>`;

async function openPage(browser: Browser, width: number, colorScheme: "light" | "dark" = "light"): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme });
  const errors: string[] = [];
  // Failed images are part of the test; anything else the console reports is not.
  page.on("console", (message) => {
    if (message.type() === "error" && !/example\.net/.test(message.location().url)) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(/^https:\/\/[^/]+\.example\.net\//, (route) => {
    const url = route.request().url();
    return /broken/.test(url) ? route.fulfill({ status: 404, body: "" }) : route.fulfill({ status: 200, contentType: "image/svg+xml", body: picture(url) });
  });
  return { page, errors };
}

describe("the reader's pages in Chromium", () => {
  let build: FixtureBuild;
  let server: StaticServer;
  let browser: Browser;
  let article: string;

  beforeAll(async () => {
    build = await buildFixture({ name: "reader-browser", files: newsroom().files, options: { search: false, siteTitle: "The Morning Digest" }, pathPrefix: PREFIX });
    if (build.error) throw build.error;
    // The story with the most outlets; its second copy (a working image, Northwind's logo) leads it.
    article = build.files().find((f) => /central-bank-holds-rates-signals-patience-analysis-[0-9a-f]{10}\//.test(f))!.slice(1).replace(/index\.html$/, "");
    server = await serveStatic(build.outputDir, PREFIX);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("fits a phone's first screen with several stories, and keeps list cards short", async () => {
    const { page, errors } = await openPage(browser, 390);
    await page.goto(`${server.baseUrl}`);
    const layout = await page.evaluate(() => ({
      onFirstScreen: Array.from(document.querySelectorAll(".card")).filter((card) => card.getBoundingClientRect().top < innerHeight).length,
      latest: Array.from(document.querySelectorAll(".cards .card")).map((card) => card.getBoundingClientRect().height),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(layout.onFirstScreen).toBeGreaterThanOrEqual(3);
    expect(layout.latest.length).toBeGreaterThan(10);
    // Headline beside its thumbnail, then one line each of outlet/time and "+N outlets".
    expect(Math.max(...layout.latest)).toBeLessThan(180);
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps every image box its size with a blank tile when the image fails, and shows no alt text", async () => {
    // The chips story's third copy has a lead image that fails; the home page has some of each.
    const brokenLead = build.files().find((f) => f.includes("chipmakers-race-to-build-factories-closer"))!.slice(1).replace(/index\.html$/, "");
    const seen = { broken: 0, loaded: 0 };
    for (const width of [1280, 390]) for (const sitePath of ["", article, brokenLead]) {
      const { page } = await openPage(browser, width);
      await page.goto(`${server.baseUrl}${sitePath}`, { waitUntil: "networkidle" });
      // Scroll through so lazy images load (or fail) too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
          scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
      await page.waitForLoadState("networkidle");
      const boxes = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>(".media img")).map((img) => {
          const box = (img.parentElement as HTMLElement).getBoundingClientRect();
          return { src: img.src, broken: img.complete && img.naturalWidth === 0, width: box.width, height: box.height, alt: img.alt, tile: getComputedStyle(img, "::before").backgroundColor };
        }),
      );
      expect(boxes.length, `${width} /${sitePath}`).toBeGreaterThan(0);
      for (const box of boxes) {
        seen[box.broken ? "broken" : "loaded"]++;
        expect(box.height, box.src).toBeGreaterThan(box.width / 3);
        expect(box.alt, box.src).toBe("");
        if (box.broken) expect(box.tile, box.src).not.toMatch(/^rgba\(0, 0, 0, 0\)$/);
      }
      await page.close();
    }
    expect(seen.broken).toBeGreaterThan(2);
    expect(seen.loaded).toBeGreaterThan(2);
  });

  it("shows the outlet's initials where its logo is missing or broken, and its logo where it loads", async () => {
    const { page } = await openPage(browser, 1280);
    // A story's copies share a headline (and so the readable part of their addresses): pick the outlet's.
    const badge = async (titlePart: string, outlet: string) => {
      await page.goto(`${server.baseUrl}${build.files().find((f) => f.startsWith("/articles/") && f.includes(titlePart) && build.read(f).includes(`class="provider-name" dir="auto">${outlet}<`))!.slice(1).replace(/index\.html$/, "")}`, { waitUntil: "networkidle" });
      return page.evaluate(() => {
        const element = document.querySelector(".byline .badge") as HTMLElement;
        const img = element.querySelector("img");
        return { text: element.textContent, size: [element.offsetWidth, element.offsetHeight], logo: img ? (img.naturalWidth > 0 ? "loaded" : "broken") : "none", cover: img ? getComputedStyle(img, "::before").content : "" };
      });
    };
    // Quayside Business has no logo; Cobalt Tech Review's fails; Prairie Herald's loads.
    expect(await badge("shipping-rates-jump-after-canal-restrictions-", "Quayside Business")).toMatchObject({ text: "QB", logo: "none", size: [40, 40] });
    const broken = await badge("chipmakers-race-to-build-factories-closer-to-customers-", "Cobalt Tech Review");
    expect(broken).toMatchObject({ text: "CT", logo: "broken", size: [40, 40] });
    expect(broken.cover).toMatch(/CT|attr\(data-initials\)/);
    expect(await badge("privacy-watchdog-fines-app-maker-over-location-data-", "Prairie Herald")).toMatchObject({ text: "PH", logo: "loaded", size: [40, 40] });
    await page.close();
  });

  it("gives every link outside running text a target at least 24 px tall, at 1280 and 390 px", async () => {
    for (const width of [1280, 390]) {
      const { page } = await openPage(browser, width);
      for (const sitePath of ["", article, "topics/markets/", "topics/", "feeds/"]) {
        await page.goto(`${server.baseUrl}${sitePath}`);
        const small = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLAnchorElement>("header a, main a"))
            // Links inside a sentence are exempt (WCAG 2.5.8 "inline"); the skip link is off-screen until focused.
            .filter((a) => !a.closest(".summary, .note, .skip-link") && a.getClientRects().length > 0)
            .map((a) => ({ text: a.textContent?.trim().slice(0, 40), height: a.getBoundingClientRect().height }))
            .filter((a) => a.height < 24),
        );
        expect(small, `${width} /${sitePath}`).toEqual([]);
      }
      await page.close();
    }
  });

  // Registered only on request, so a normal run has no skipped test.
  if (SCREENSHOTS) it("takes screenshots for a person to look at", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1280, 390]) {
        const { page } = await openPage(browser, width, colorScheme);
        for (const [name, sitePath] of [["home", ""], ["article", article], ["topic", "topics/markets/"], ["feeds", "feeds/"]] as const) {
          await page.goto(`${server.baseUrl}${sitePath}`, { waitUntil: "networkidle" });
          await page.screenshot({ path: path.join(SCREENSHOTS as string, `${name}-${width}-${colorScheme}.png`), fullPage: true });
        }
        await page.close();
      }
    }
  });
});

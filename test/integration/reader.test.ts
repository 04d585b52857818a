import { selectOne } from "css-select";
import type { Element } from "domhandler";
import { beforeAll, describe, expect, it } from "vitest";
import { ALSO_COVERED_OUTLETS } from "../../src/index.js";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { parseHtml, textContent, type Html } from "../helpers/html.js";
import { brokenInternalLinks } from "../helpers/links.js";
import { articleFile } from "../helpers/article-file.js";
import { newsroom } from "../helpers/newsroom.js";

const room = newsroom();
const PAGE_SIZE = 4;

/** Every list page (home, provider and topic, all their pages), by site path. */
const listPages = (build: FixtureBuild): string[] =>
  build
    .files()
    .filter((f) => /^\/(page\/\d+\/|providers\/[^/]+\/(page\/\d+\/)?|topics\/[^/]+\/(page\/\d+\/)?)?index\.html$/.test(f))
    .map((f) => f.replace(/index\.html$/, ""));

const cardTitles = (page: Html, scope: string): string[] => page.all(`${scope} .card .card-title a`).map((a) => textContent(a));

/** The cards of a list page as a reader sees them: headline and link, and the "+N outlets" line. */
function cardsOf(page: Html): { title: string; href: string; also?: string; alsoHref?: string }[] {
  return page.all("main .card").map((card) => {
    const title = selectOne(".card-title a", card) as Element;
    const also = selectOne(".also a", card) as Element | null;
    return { title: textContent(title), href: title.attribs.href ?? "", ...(also ? { also: textContent(also), alsoHref: also.attribs.href ?? "" } : {}) };
  });
}

describe("a starter-like site read as a reader would", () => {
  let build: FixtureBuild;
  beforeAll(async () => {
    build = await buildFixture({ name: "reader", files: room.files, options: { search: false, pageSize: PAGE_SIZE, topStories: 3 } });
    if (build.error) throw build.error;
  });

  it("has list pages with several outlets' copies of one story to fold", () => {
    // Guards the fixture: without shared stories on lists, the tests below would prove nothing.
    const home = parseHtml(build.read("/"));
    expect(cardTitles(home, ".top-stories")).toHaveLength(3);
    expect(listPages(build).length).toBeGreaterThan(20);
    expect([...room.stories.values()].every((titles) => titles.length >= 2)).toBe(true);
  });

  it("never shows two cards of one story on a list page", () => {
    for (const sitePath of listPages(build)) {
      const stories = cardTitles(parseHtml(build.read(sitePath)), "main").map((title) => room.storyOf.get(title));
      expect(stories.every((story) => story !== undefined), sitePath).toBe(true);
      expect(new Set(stories).size, sitePath).toBe(stories.length);
    }
  });

  it("never repeats a top story under Latest, on the first home page or any later one", () => {
    const top = cardTitles(parseHtml(build.read("/")), ".top-stories").map((title) => room.storyOf.get(title));
    const latest = listPages(build)
      .filter((p) => p === "/" || p.startsWith("/page/"))
      .flatMap((p) => cardTitles(parseHtml(build.read(p)), ".cards"))
      .map((title) => room.storyOf.get(title));
    expect(latest.filter((story) => top.includes(story))).toEqual([]);
    // Every story is on the home pages once: in Top stories or under Latest.
    expect([...top, ...latest].sort()).toEqual([...new Set(room.storyOf.values())].sort());
  });

  it("picks a story's best-scoring copy for its card, and names the other outlets, linking to the article's coverage list", () => {
    // "rates": five outlets and a wire service; the second copy has the highest quality.
    const rates = room.stories.get("rates")!;
    const shownOn = (pages: string[]) => pages.flatMap((p) => cardsOf(parseHtml(build.read(p)))).filter((c) => rates.includes(c.title));
    const shown = shownOn(listPages(build).filter((p) => !p.startsWith("/providers/")));
    expect(shown.length).toBeGreaterThan(1);
    expect(new Set(shown.map((c) => c.title))).toEqual(new Set([rates[1]]));
    // An outlet's own page holds only its own copy, so that is the one it shows.
    expect(shownOn(listPages(build).filter((p) => p.startsWith("/providers/harbor-ledger.example.com/"))).map((c) => c.title)).toEqual([rates[0]]);
    const card = shown[0]!;
    expect(card.also).toBe("+5 outlets: Harbor Ledger, The Lantern Post, Quayside Business and 2 more");
    expect(card.alsoHref).toBe(`${card.href}#coverage`);
    const article = parseHtml(build.read(card.href));
    expect(article.one("#coverage")).not.toBeNull();
    expect(article.text("#coverage h2")).toBe("Also covered by 5 outlets");
    expect(article.all("#coverage li .outlet").map((o) => textContent(o))).toEqual(["Harbor Ledger", "The Lantern Post", "Quayside Business", "Example Wire Service", "Prairie Herald"]);
    // Newest first, each with its time, labelled with the zone; the wire's two copies are one entry.
    expect(article.text("#coverage li .meta")).toContain("Example Wire Service (2 versions)");
    expect(article.all("#coverage li time").every((t) => textContent(t).endsWith(" UTC"))).toBe(true);
  });

  it("counts a term's stories, not its articles, and pages through them", () => {
    const first = parseHtml(build.read("/topics/markets/"));
    const pages = listPages(build).filter((p) => p.startsWith("/topics/markets/"));
    const cards = pages.flatMap((p) => cardsOf(parseHtml(build.read(p))));
    // Markets: "rates" (5 files) and "port" (2 files), and two single-outlet stories.
    expect(cards).toHaveLength(4);
    expect(first.text(".page-header .summary")).toBe("4 stories.");
    expect(pages).toHaveLength(1);
    const index = parseHtml(build.read("/topics/"));
    const markets = index.all(".term-list li").find((li) => textContent(li).startsWith("Markets"));
    expect(textContent(markets!).replace(/\s+/g, " ").trim()).toBe("Markets 4");
  });

  it("gives an article page the outlet's badge, the headline, the time with its zone and an eager lead image", () => {
    const file = build.files().find((f) => /privacy-watchdog-fines-app-maker-over-location-data-[0-9a-f]{10}\//.test(f) && build.read(f).includes('class="provider-name" dir="auto">Prairie Herald<'))!;
    const page = parseHtml(build.read(file));
    expect(page.attr(page.one("h1"), "dir")).toBe("auto");
    const badge = page.one(".byline .provider .badge");
    expect(page.attr(badge, "aria-hidden")).toBe("true");
    // Prairie Herald: initials behind its logo, and on the logo for when it fails to load.
    expect(textContent(badge!)).toBe("PH");
    expect(page.attr(page.one(".badge img"), "data-initials")).toBe("PH");
    expect(page.attr(page.one(".badge img"), "alt")).toBe("");
    expect(page.text(".byline time")).toMatch(/^Mar 17, 2026, \d+:15\s(AM|PM) UTC$/);
    const lead = page.one(".lead-image img");
    expect([page.attr(lead, "fetchpriority"), page.attr(lead, "loading"), page.attr(lead, "alt")]).toEqual(["high", undefined, ""]);
    expect([page.attr(lead, "width"), page.attr(lead, "height")]).toEqual(["1200", "675"]);
  });

  it("gives an outlet without a logo its initials alone", () => {
    const file = build.files().find((f) => /shipping-rates-jump-after-canal-restrictions-[0-9a-f]{10}\//.test(f))!;
    const page = parseHtml(build.read(file));
    expect(page.text(".byline .provider-name")).toBe("Quayside Business");
    expect(textContent(page.one(".badge")!)).toBe("QB");
    expect(page.all(".badge img")).toHaveLength(0);
  });

  it("lays out text from article files in its own direction (dir=auto), a right-to-left outlet and headline included", () => {
    const home = parseHtml(build.read("/"));
    expect(home.all(".card-title a").every((a) => a.attribs.dir === "auto")).toBe(true);
    expect(home.all(".card .outlet").every((a) => a.attribs.dir === "auto")).toBe(true);
    expect(home.all(".card .excerpt").every((p) => p.attribs.dir === "auto")).toBe(true);
    const title = "قرار الفائدة يترقبه المستثمرون في الخليج";
    const rtl = build.files().filter((f) => f.startsWith("/articles/")).find((f) => parseHtml(build.read(f)).text("h1") === title);
    const page = parseHtml(build.read(rtl!));
    expect(page.attr(page.one("h1"), "dir")).toBe("auto");
    expect([page.text(".provider-name"), page.attr(page.one(".provider-name"), "dir")]).toEqual(["الصحيفة اليومية", "auto"]);
  });

  it("lazy-loads card images but never a page's lead, and sizes every image box", () => {
    const home = parseHtml(build.read("/"));
    expect(home.attrs(".cards .card img", "loading").every((l) => l === "lazy")).toBe(true);
    const lead = home.one(".top-stories .card-lead img");
    expect([home.attr(lead, "loading"), home.attr(lead, "fetchpriority")]).toEqual([undefined, "high"]);
    for (const img of home.all(".card img")) expect(img.attribs.alt, img.attribs.src).toBe("");
    expect(home.all(".card .media img").length).toBeGreaterThan(5);
  });

  it("marks the current section in the nav", () => {
    const current = (sitePath: string) => {
      const page = parseHtml(build.read(sitePath));
      return page.all('nav[aria-label="Site"] a[aria-current]').map((a) => [textContent(a), a.attribs["aria-current"]]);
    };
    expect(current("/")).toEqual([["Latest", "page"]]);
    expect(current("/page/2/")).toEqual([["Latest", "true"]]);
    expect(current("/topics/")).toEqual([["Topics", "page"]]);
    expect(current("/topics/markets/")).toEqual([["Topics", "true"]]);
    expect(current("/providers/prairie.example.com/")).toEqual([["Outlets", "true"]]);
    expect(current("/feeds/")).toEqual([["Feeds", "page"]]);
    expect(current(build.files().find((f) => f.startsWith("/articles/"))!)).toEqual([]);
  });

  it("resolves every internal link, the cards' #coverage links included", () => {
    expect(brokenInternalLinks(build)).toEqual([]);
  });
});

describe("an article page of a story covered by many outlets", () => {
  it(`lists the first ${ALSO_COVERED_OUTLETS} other outlets with times, then "+N more"`, async () => {
    const files: Record<string, string> = {};
    const related = Array.from({ length: 23 }, (_, i) => ({ title: `Take ${i}`, publishedDateTime: `2026-03-01T${String(i).padStart(2, "0")}:30:00Z`, webUrl: `https://o${i}.example.com/take`, provider: { name: `Outlet ${i}`, domain: `o${i}.example.com` } }));
    files["big.md"] = articleFile({ title: "Big story", related });
    const build = await buildFixture({ name: "reader-many", files, options: { search: false } });
    if (build.error) throw build.error;
    const page = parseHtml(build.read(build.articleUrl("/articles/2026-03-01-big-story/")));
    expect(page.text("#coverage h2")).toBe("Also covered by 23 outlets");
    expect(page.all("#coverage li")).toHaveLength(ALSO_COVERED_OUTLETS);
    expect(page.all("#coverage li time")).toHaveLength(ALSO_COVERED_OUTLETS);
    expect(page.text("#coverage .more")).toBe("+3 more outlets");
    const home = parseHtml(build.read("/"));
    expect(home.text(".also a")).toBe("+23 outlets: Outlet 22, Outlet 21, Outlet 20 and 20 more");
  });
});

describe("the /feeds/ page at 300 outlets", () => {
  it("groups feeds by kind under headings, folds the long groups, and stays small", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) {
      files[`a${i}.md`] = articleFile({
        title: `Story ${i}`,
        originalUrl: `https://outlet${i}.example.com/story`,
        webUrl: undefined,
        provider: { name: `Outlet ${i} News`, domain: `outlet${i}.example.com` },
        topics: [`Topic ${i % 40}`],
      });
    }
    const build = await buildFixture({ name: "feeds-300", files, options: { search: false } });
    if (build.error) throw build.error;
    const source = build.read("/feeds/");
    const page = parseHtml(source);
    expect(page.all(".feed-group h2").map((h) => textContent(h).replace(/\s+/g, " ").trim())).toEqual(["The whole site 2", "Outlets 300", "Topics 40"]);
    expect(page.all(".feed-group details .feed-list li")).toHaveLength(340);
    expect(page.all(".feed-group details summary").map((s) => textContent(s))).toEqual(["Show all 300 outlet feeds", "Show all 40 topic feeds"]);
    expect(page.attrs(".feed-list a", "href")).toHaveLength(3 * 342);
    const labels = page.all(".feed-list li > span");
    expect(labels).toHaveLength(342);
    expect(labels.every((t) => t.attribs.dir === "auto")).toBe(true);
    // One short line per feed (80 KB here): the groups fold what a reader sees, not what is sent, so the markup per feed is what keeps it small.
    expect(Buffer.byteLength(source)).toBeLessThan(100_000);
    expect(brokenInternalLinks(build).filter((l) => l.startsWith("/feeds/"))).toEqual([]);
  });
});

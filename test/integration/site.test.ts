import { existsSync } from "node:fs";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it, beforeAll } from "vitest";
import { buildFixture, makeFixtureFolders, type FixtureBuild } from "../helpers/build-fixture.js";
import { articleFile } from "../helpers/article-file.js";
import { parseHtml, textContent } from "../helpers/html.js";
import { brokenInternalLinks } from "../helpers/links.js";
import { buildSite, errorMessages, type RawOptions } from "../helpers/build-site.js";
import newsDigest from "../../plugin/index.js";
import type { EleventyConfig } from "../../plugin/eleventy-types.js";

const outletA = { name: "Harbor Ledger", domain: "harbor-ledger.example.com", images: [{ url: "https://images.example.net/harbor.png", width: 50, height: 50 }] };
const outletB = { name: "Northwind Wire", domain: "northwind.example.org", images: [] };

const minimalFiles = {
  "one.md": articleFile({ title: "Rates hold steady", provider: outletA, topics: ["Markets", "Central Banks"], publishedDateTime: "2026-03-03T08:00:00Z", originalUrl: "https://harbor-ledger.example.com/rates" }, "Our note on the decision.\n\nA second paragraph."),
  "two.md": articleFile({
    title: "Central bank keeps rates",
    provider: outletB,
    topics: ["central banks"],
    publishedDateTime: "2026-03-03T09:30:00+02:00",
    originalUrl: "https://northwind.example.org/rates-story",
    related: [{ title: "Rates hold steady", publishedDateTime: "2026-03-03T08:00:00Z", webUrl: "https://harbor-ledger.example.com/rates?utm_source=x", provider: outletA }],
  }),
  "three.md": articleFile({ title: "Secret draft", provider: outletB, topics: ["Drafts"], published: false, originalUrl: "https://northwind.example.org/draft" }),
};

describe("a minimal site", () => {
  let build: FixtureBuild;
  beforeAll(async () => {
    build = await buildFixture({ name: "minimal", files: minimalFiles, options: { search: false, siteTitle: "Test Digest" } });
    if (build.error) throw build.error;
  });

  it("writes the home, article, term index and term pages, and no page for the unpublished article", () => {
    for (const page of ["/", build.articleUrl("/articles/2026-03-03-rates-hold-steady/"), build.articleUrl("/articles/2026-03-03-central-bank-keeps-rates/"), "/providers/", "/topics/", "/providers/harbor-ledger.example.com/", "/providers/northwind.example.org/", "/topics/markets/", "/topics/central-banks/", "/search/", "/feeds/", "/404.html", "/sitemap.xml"]) {
      expect(build.exists(page), page).toBe(true);
    }
    expect(build.files().some((f) => f.includes("secret-draft"))).toBe(false);
    expect(build.exists("/topics/drafts/")).toBe(false);
    expect(build.files().join("\n")).not.toMatch(/one\.md|two\.md|three\.md/);
  });

  it("prints one summary line with the counts", () => {
    const summary = build.logs.find((line) => line.includes("articles:"));
    expect(summary?.replace(/\d+ ms/, "N ms")).toBe("[news-digest] articles: 3 read, 2 published, 1 unpublished, 0 invalid, 0 duplicates, 2 providers, 2 topics, 1 story clusters in N ms");
  });

  it("prints one line saying what the digest wrote, counted from the files on disk", () => {
    const wrote = build.logs.filter((line) => line.startsWith("[news-digest] wrote "));
    expect(wrote).toHaveLength(1);
    const files = build.files();
    const archives = files.filter((f) => /\/archive\/\d+\//.test(f)).length;
    const sitemaps = files.filter((f) => /^\/(sitemap(-\d+)?\.xml|robots\.txt)$/.test(f)).length;
    const feeds = files.filter((f) => /\.(xml|json|atom|opml)$/.test(f) && !/\/archive\//.test(f) && !/^\/sitemap/.test(f) && !f.startsWith("/.")).length;
    // The core writes article, list and term pages; Eleventy writes the single pages and assets.
    const pages = files.filter((f) => f.endsWith("/index.html") && !["/feeds/index.html", "/search/index.html"].includes(f)).length;
    expect(wrote[0]?.replace(/[\d.]+ (KiB|MiB)/, "N KiB").replace(/\d+ ms/, "N ms")).toBe(`[news-digest] wrote ${pages} pages, ${feeds} feeds, ${archives} feed archives, ${sitemaps} sitemap files, N KiB, in N ms`);
  });

  it("renders an article page with metadata, outlet link, topics, coverage and JSON-LD", () => {
    const page = parseHtml(build.read(build.articleUrl("/articles/2026-03-03-central-bank-keeps-rates/")));
    expect(page.attr(page.one("html"), "lang")).toBe("en");
    expect(page.one("meta[charset=utf-8]")).not.toBeNull();
    expect(page.one('meta[name="viewport"]')).not.toBeNull();
    expect(page.text("title")).toBe("Central bank keeps rates | Test Digest");
    expect(page.text("h1")).toBe("Central bank keeps rates");
    const time = page.one("article header time");
    expect(page.attr(time, "datetime")).toBe("2026-03-03T07:30:00.000Z");
    const original = page.one("a.read-original");
    expect(page.attr(original, "href")).toBe("https://northwind.example.org/rates-story");
    expect(page.attr(original, "rel")).toContain("noopener");
    expect(textContent(original!)).toBe("Read at Northwind Wire");
    expect(page.attrs(".topics a", "href")).toEqual(["/topics/central-banks/"]);
    // The lead image is the page's largest paint: fetched first, never lazily. The headline sits beside it, so alt="".
    const lead = page.one(".lead-image img");
    expect([page.attr(lead, "width"), page.attr(lead, "height"), page.attr(lead, "loading"), page.attr(lead, "fetchpriority")]).toEqual(["1200", "675", undefined, "high"]);
    expect(page.attr(lead, "alt")).toBe("");
    // The related item is a published article of this site: the coverage list links to its local page.
    expect(page.text(".coverage h2")).toBe("Also covered by 1 outlet");
    expect(page.attrs(".coverage a", "href")).toEqual([build.articleUrl("/articles/2026-03-03-rates-hold-steady/")]);
    const ld = JSON.parse(page.text('script[type="application/ld+json"]')) as Record<string, unknown>;
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.headline).toBe("Central bank keeps rates");
    expect(ld.datePublished).toBe("2026-03-03T07:30:00.000Z");
    expect(ld.isBasedOn).toBe("https://northwind.example.org/rates-story");
    expect((ld.publisher as { name: string }).name).toBe("Northwind Wire");
    expect(page.attr(page.one('link[rel="canonical"]'), "href")).toBe(`https://digest.example.org${build.articleUrl("/articles/2026-03-03-central-bank-keeps-rates/")}`);
    expect(page.attr(page.one('meta[property="og:image:width"]'), "content")).toBe("1200");
  });

  it("renders the body text of a file as the article's note", () => {
    const page = parseHtml(build.read(build.articleUrl("/articles/2026-03-03-rates-hold-steady/")));
    expect(page.all(".note p").map((p) => textContent(p))).toEqual(["Our note on the decision.", "A second paragraph."]);
  });

  it("lists every term with its count and links each to its page", () => {
    const topics = parseHtml(build.read("/topics/"));
    const items = topics.all(".term-list li").map((li) => textContent(li).trim().replace(/\s+/g, " "));
    // Counted in stories, as the term pages list them: the two Central Banks articles are one story.
    expect(items).toEqual(["Central Banks 1", "Markets 1"]);
    const provider = parseHtml(build.read("/providers/northwind.example.org/"));
    expect(provider.text("h1")).toBe("Northwind Wire");
    expect(provider.all(".card h2 a").map((a) => textContent(a))).toEqual(["Central bank keeps rates"]);
    const ld = JSON.parse(provider.text('script[type="application/ld+json"]')) as { "@type": string; itemListElement: { url: string }[] };
    expect(ld["@type"]).toBe("ItemList");
    expect(ld.itemListElement[0]?.url).toBe(`https://digest.example.org${build.articleUrl("/articles/2026-03-03-central-bank-keeps-rates/")}`);
  });

  it("puts no JavaScript on article, home and term pages", () => {
    for (const page of ["/", build.articleUrl("/articles/2026-03-03-rates-hold-steady/"), "/topics/markets/", "/providers/"]) {
      const scripts = parseHtml(build.read(page)).all("script").filter((s) => s.attribs.type !== "application/ld+json");
      expect(scripts, page).toHaveLength(0);
    }
  });

  it("with search off, links no page to the search page, writes no index, and resolves every internal link", () => {
    for (const page of ["/", build.articleUrl("/articles/2026-03-03-rates-hold-steady/"), "/topics/", "/404.html"]) {
      expect(parseHtml(build.read(page)).attrs("a", "href")).not.toContain("/search/");
    }
    expect(build.files().some((file) => file.startsWith("/pagefind/"))).toBe(false);
    expect(brokenInternalLinks(build)).toEqual([]);
  });

  it("writes a sitemap of every page with absolute URLs", () => {
    const sitemap = build.read("/sitemap.xml");
    expect(sitemap).toContain(`<loc>https://digest.example.org${build.articleUrl("/articles/2026-03-03-rates-hold-steady/")}</loc>`);
    expect(sitemap).toContain("<loc>https://digest.example.org/topics/central-banks/</loc>");
    expect(sitemap).not.toContain("secret-draft");
  });
});

describe("pagination", () => {
  it("puts page 1 at the root and later pages under page/N/ with rel prev/next and 'page N of M'", async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 5; i++) {
      files[`a${i}.md`] = articleFile({ title: `Story ${i}`, publishedDateTime: `2026-03-0${i}T10:00:00Z`, topics: ["Markets"] });
    }
    const build = await buildFixture({ name: "paginate", files, options: { search: false, pageSize: 2, topStories: 1 } });
    if (build.error) throw build.error;
    expect(["/topics/markets/", "/topics/markets/page/2/", "/topics/markets/page/3/", "/page/2/"].every((p) => build.exists(p))).toBe(true);
    expect(build.exists("/topics/markets/page/4/")).toBe(false);
    // The home page's top story is left out of Latest: four stories there, two pages.
    expect(build.exists("/page/3/")).toBe(false);
    const second = parseHtml(build.read("/topics/markets/page/2/"));
    expect(second.text("title")).toContain("page 2 of 3");
    expect(second.attr(second.one('nav[aria-label] a[rel="prev"]'), "href")).toBe("/topics/markets/");
    expect(second.attr(second.one('nav[aria-label] a[rel="next"]'), "href")).toBe("/topics/markets/page/3/");
    expect(second.all(".card h2 a").map((a) => textContent(a))).toEqual(["Story 3", "Story 2"]);
    expect(brokenInternalLinks(build)).toEqual([]);
  });
});

describe("invalid articles", () => {
  const files = {
    "good.md": articleFile({ title: "Good story" }),
    "bad-published.md": articleFile({ title: "Bad flag", published: "false", originalUrl: "https://outlet.example.com/bad-flag" }),
    "bad-url.md": articleFile({ title: "Bad link", originalUrl: "javascript:alert(1)", webUrl: undefined }),
  };

  it("fails a strict build with a report naming every bad file and field", async () => {
    const build = await buildFixture({ name: "strict", files, options: { search: false } });
    expect(build.error?.message).toContain("2 invalid article files (strict mode), listed above");
    const logs = build.logs.join("\n");
    expect(logs).toContain("content/bad-published.md");
    expect(logs).toContain('published: expected true or false (a boolean), received the string "false"');
    expect(logs).toContain("content/bad-url.md");
    expect(logs).toContain("originalUrl: expected an absolute http(s) URL");
    expect(build.hasArticle("/articles/2026-03-01-good-story/")).toBe(false);
  });

  it("builds the rest in lenient mode, listing and counting what it skipped", async () => {
    const build = await buildFixture({ name: "lenient", files, options: { search: false, mode: "lenient" } });
    if (build.error) throw build.error;
    expect(build.hasArticle("/articles/2026-03-01-good-story/")).toBe(true);
    expect(build.files().some((f) => f.includes("bad-flag") || f.includes("bad-link"))).toBe(false);
    const logs = build.logs.join("\n");
    expect(logs).toContain("2 of 3 article files are invalid");
    expect(logs).toContain("content/bad-url.md");
    expect(logs).toMatch(/1 published, 0 unpublished, 2 invalid/);
  });
});

describe("slug collisions and non-Latin names", () => {
  it("gives colliding and non-Latin terms distinct, safe pages", async () => {
    const build = await buildFixture({
      name: "collisions",
      files: {
        "a.md": articleFile({ title: "One", topics: ["Foo Bar", "人工智能"], originalUrl: "https://outlet.example.com/1" }),
        "b.md": articleFile({ title: "Two", topics: ["Foo.Bar", "🚀"], originalUrl: "https://outlet.example.com/2" }),
        "c.md": articleFile({ title: "Three", topics: ["../../etc/passwd", ".hidden"], originalUrl: "https://outlet.example.com/3" }),
      },
      options: { search: false },
    });
    if (build.error) throw build.error;
    const topicPages = build.files().filter((f) => /^\/topics\/[^/]+\/index\.html$/.test(f));
    expect(topicPages).toHaveLength(6);
    expect(new Set(topicPages).size).toBe(6);
    for (const page of topicPages) expect(page).toMatch(/^\/topics\/[a-z0-9][a-z0-9-]*\/index\.html$/);
    expect(build.files().every((f) => !f.includes(".."))).toBe(true);
    expect(build.logs.join("\n")).toMatch(/"Foo Bar" \(\S*content\/a\.md\) and "Foo\.Bar" \(\S*content\/b\.md\) both slug as "foo-bar"/);
    const labels = parseHtml(build.read("/topics/")).all(".term-list a").map((a) => textContent(a));
    expect(labels.sort()).toEqual(["../../etc/passwd", ".hidden", "Foo Bar", "Foo.Bar", "人工智能", "🚀"].sort());
    expect(brokenInternalLinks(build)).toEqual([]);
  });
});

describe("hostile strings", () => {
  const hostileTitle = `<script>alert("t")</script> & "quotes" 'single' ]]> </title>`;
  const hostileExcerpt = `<img src=x onerror="alert(1)"> line1\nline2 \u0001\u0008 end`;
  it("shows hostile titles, excerpts and names as text, never as markup", async () => {
    const build = await buildFixture({
      name: "hostile",
      files: {
        "evil.md": articleFile({
          title: hostileTitle,
          excerpt: hostileExcerpt,
          topics: ['<b onmouseover="x">bold</b>'],
          provider: { name: `<svg onload=alert(1)> Outlet`, domain: "evil.example.com" },
          originalUrl: "https://evil.example.com/story?a=1&b=<2>",
          images: [{ url: "javascript:alert(1)", width: 10, height: 10 }],
        }),
      },
      options: { search: false },
    });
    if (build.error) throw build.error;
    const file = build.files().find((f) => f.startsWith("/articles/"))!;
    const html = build.read(file);
    const page = parseHtml(html);
    expect(page.text("h1")).toBe(hostileTitle);
    expect(page.text(".excerpt")).toBe("<img src=x onerror=\"alert(1)\"> line1\nline2  end");
    expect(page.all("script").filter((s) => s.attribs.type !== "application/ld+json")).toHaveLength(0);
    expect(page.all("img[onerror], svg, b[onmouseover]")).toHaveLength(0);
    expect(page.all(".lead-image img")).toHaveLength(0);
    expect(html).not.toContain("javascript:");
    expect(html).not.toMatch(/[\u0001\u0008]/);
    const ld = page.text('script[type="application/ld+json"]');
    expect(ld).not.toContain("</script");
    expect((JSON.parse(ld) as { headline: string }).headline).toBe(hostileTitle);
    expect(page.attr(page.one("a.read-original"), "href")).toBe("https://evil.example.com/story?a=1&b=%3C2%3E");
    const home = parseHtml(build.read("/"));
    // The only story is the home page's top story.
    expect(home.all("main .card h3 a").map((a) => textContent(a))).toEqual([hostileTitle]);
    expect(home.text("main .card .topics a")).toBe('<b onmouseover="x">bold</b>');
  });
});

describe("under a path prefix", () => {
  it("prefixes every link, asset and feed link", async () => {
    const build = await buildFixture({ name: "prefix", files: minimalFiles, options: { search: false }, pathPrefix: "/news/" });
    if (build.error) throw build.error;
    const home = parseHtml(build.read("/"));
    expect(home.attr(home.one('link[rel="stylesheet"]'), "href")).toBe("/news/assets/news-digest.css");
    expect(home.attrs('link[rel="alternate"]', "href").every((href) => href.startsWith("/news/"))).toBe(true);
    expect(home.attr(home.one('link[rel="canonical"]'), "href")).toBe("https://digest.example.org/news/");
    expect(brokenInternalLinks(build, "/news/")).toEqual([]);
    expect(build.read("/sitemap.xml")).toContain("<loc>https://digest.example.org/news/topics/markets/</loc>");
  });
});

describe("layout overrides", () => {
  it("uses a site's own layout file of the same name, and the bundled ones for the rest", async () => {
    const build = await buildFixture({
      name: "override",
      files: { "one.md": articleFile({ title: "Only story" }) },
      options: { search: false },
      layouts: {
        "not-found.js": `export default function notFound(data, kit) {\n  return kit.layouts.base({ title: "Lost", pageUrl: data.pageUrl, body: kit.html\`<h1>Custom 404 \${"<ok>"}</h1>\` }, kit);\n}\n`,
      },
    });
    if (build.error) throw build.error;
    const page = parseHtml(build.read("/404.html"));
    expect(page.text("h1")).toBe("Custom 404 <ok>");
    expect(page.one(".site-header")).not.toBeNull();
  });
});

describe("collections in a site's own templates", () => {
  // A page of the site itself (not the plugin's), as a site owner would write it in Nunjucks.
  const page = `---
permalink: /everything/
---
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Everything</title></head><body>
<ol class="articles">{% for a in collections.articles %}<li><a href="{{ a.url | url }}">{{ a.title }}</a> <a class="source" href="{{ a.sourceUrl }}">at the outlet</a> <time>{{ a.publishedDateTime | newsDigestDate }}</time></li>{% endfor %}</ol>
{% for kind in ["providers", "topics"] %}<ul class="{{ kind }}">{% for t in collections[kind] %}<li data-kind="{{ t.kind }}" data-slug="{{ t.slug }}" data-count="{{ t.count }}"><a href="{{ t.url | url }}">{{ t.label }}</a></li>{% endfor %}</ul>{% endfor %}
</body></html>
`;
  let build: FixtureBuild;
  beforeAll(async () => {
    build = await buildSite({ name: "collections", files: minimalFiles, siteFiles: { "everything.njk": page }, pathPrefix: "/news/" });
    if (build.error) throw build.error;
  });

  it("lists published articles, newest first, each with its page url", () => {
    const html = parseHtml(build.read("/everything/"));
    expect(html.all(".articles a:not(.source)").map((a) => [textContent(a), html.attr(a, "href")])).toEqual([
      ["Rates hold steady", `/news${build.articleUrl("/articles/2026-03-03-rates-hold-steady/")}`],
      ["Central bank keeps rates", `/news${build.articleUrl("/articles/2026-03-03-central-bank-keeps-rates/")}`],
    ]);
  });

  it("gives each entry its outlet link and its date under the source name, which newsDigestDate formats", () => {
    const html = parseHtml(build.read("/everything/"));
    expect(html.attrs(".articles a.source", "href").every((href) => /^https:\/\//.test(href))).toBe(true);
    const times = html.all(".articles time").map((t) => textContent(t));
    expect(times).toHaveLength(2);
    for (const time of times) expect(time).toMatch(/^Mar 3, 2026/);
    expect(html.text(".articles")).not.toContain("Invalid DateTime");
  });

  it("lists providers and topics as terms with kind, slug, label, count and url", () => {
    const html = parseHtml(build.read("/everything/"));
    const terms = (kind: string) =>
      html.all(`.${kind} li`).map((li) => {
        const a = li.children.find((c) => "name" in c && c.name === "a") as Parameters<typeof textContent>[0];
        return { kind: li.attribs["data-kind"], slug: li.attribs["data-slug"], count: li.attribs["data-count"], label: textContent(a), href: html.attr(a as never, "href") };
      });
    expect(terms("providers")).toEqual([
      { kind: "provider", slug: "harbor-ledger.example.com", count: "1", label: "Harbor Ledger", href: "/news/providers/harbor-ledger.example.com/" },
      { kind: "provider", slug: "northwind.example.org", count: "1", label: "Northwind Wire", href: "/news/providers/northwind.example.org/" },
    ]);
    expect(terms("topics")).toEqual([
      { kind: "topic", slug: "central-banks", count: "2", label: "Central Banks", href: "/news/topics/central-banks/" },
      { kind: "topic", slug: "markets", count: "1", label: "Markets", href: "/news/topics/markets/" },
    ]);
  });

  it("gives urls that resolve to written pages under the path prefix", () => {
    expect(brokenInternalLinks(build, "/news/")).toEqual([]);
  });
});

describe("a site page at one of the digest's addresses", () => {
  it("fails the build naming the template, instead of silently replacing the digest's page", async () => {
    const page = "---\npermalink: /topics/markets/\n---\n<p>My own markets page</p>\n";
    const build = await buildSite({ name: "conflict", files: minimalFiles, siteFiles: { "markets.njk": page, "about.njk": "---\npermalink: /about/\n---\n<p>About</p>\n" } });
    expect(errorMessages(build.error)).toContain("markets.njk writes /topics/markets/, which is a file of the news digest: give it another permalink.");
    expect(errorMessages(build.error)).not.toContain("about.njk");
    // Eleventy is stopped before it renders anything: the digest's page is the one on disk.
    expect(build.read("/topics/markets/")).not.toContain("My own markets page");
  });
});

describe("Eleventy's --to=json", () => {
  it("writes no file: the digest's pages, feeds and search are left out like Eleventy's own", async () => {
    const site = makeFixtureFolders("json", { content: minimalFiles });
    const elev = new Eleventy(site.inputDir, site.outputDir, {
      quietMode: true,
      configPath: false,
      config: (eleventyConfig: EleventyConfig) => eleventyConfig.addPlugin(newsDigest, { siteUrl: "https://digest.example.org", contentDir: site.contentDir, layoutsDir: site.layoutsDir }),
    });
    const pages = (await elev.toJSON()) as { url: string }[];
    expect(pages.map((page) => page.url)).toContain("/search/");
    expect(existsSync(site.outputDir)).toBe(false);
  });
});

describe("adding the plugin", () => {
  it("twice builds once, with the first call's options", async () => {
    const build = await buildSite({
      name: "twice",
      files: minimalFiles,
      configure: (_config, addPlugin) => {
        addPlugin({ siteTitle: "First" });
        addPlugin({ siteTitle: "Second" });
      },
    });
    if (build.error) throw build.error;
    // One digest load, one summary line, one set of feeds.
    expect(build.logs.filter((line) => line.includes("articles:"))).toHaveLength(1);
    expect(build.logs.filter((line) => line.startsWith("[news-digest] wrote "))).toHaveLength(1);
    expect(parseHtml(build.read("/")).text("title")).toContain("First");
  });

  it("twice on one config (a call path that bypasses Eleventy's unique-plugin check) builds once and logs the notice", async () => {
    const build = await buildSite({
      name: "twice-direct",
      files: minimalFiles,
      configure: (eleventyConfig, _addPlugin, withFixture) => {
        const plugin = newsDigest as (config: EleventyConfig, options: RawOptions) => void;
        plugin(eleventyConfig, withFixture({ siteTitle: "First" }));
        plugin(eleventyConfig, withFixture({ siteTitle: "Second" }));
      },
    });
    if (build.error) throw build.error;
    expect(build.logs).toContain("[news-digest] the plugin was added twice; the second addPlugin call is ignored.");
    expect(build.logs.filter((line) => line.includes("articles:"))).toHaveLength(1);
    expect(parseHtml(build.read("/")).text("title")).toContain("First");
  });

  it("with a bad option fails the Eleventy build with a message naming the option", async () => {
    const build = await buildSite({ name: "bad-option", files: minimalFiles, configure: (_config, addPlugin) => addPlugin({ pageSize: "ten", sitUrl: "https://x.example" }) });
    const message = errorMessages(build.error);
    expect(message).toContain("[news-digest] invalid plugin options");
    expect(message).toContain('pageSize: expected a whole number from 1 to 100000, received the string "ten"');
    expect(message).toContain("sitUrl: expected a known option");
    expect(build.exists("/")).toBe(false);
  });

  it("with a site URL that has a path builds when the path is Eleventy's path prefix", async () => {
    const build = await buildSite({ name: "url-path", files: minimalFiles, pathPrefix: "/news/", configure: (_config, addPlugin) => addPlugin({ siteUrl: "https://you.github.io/news/" }) });
    expect(build.error).toBeUndefined();
    const home = parseHtml(build.read("/index.html"));
    expect(home.attr(home.one('link[rel="canonical"]'), "href")).toBe("https://you.github.io/news/");
    expect(build.read("/feed.xml")).toContain("<link>https://you.github.io/news/</link>");
  });

  it("with a site URL whose path is not the path prefix fails before writing, saying both fixes", async () => {
    const build = await buildSite({ name: "url-path-mismatch", files: minimalFiles, configure: (_config, addPlugin) => addPlugin({ siteUrl: "https://you.github.io/news" }) });
    expect(errorMessages(build.error)).toContain('[news-digest] siteUrl "https://you.github.io/news/" has the path /news/, but Eleventy\'s path prefix is "/". Build with --pathprefix=/news/ (or pathPrefix: "/news/" in your Eleventy config), or set siteUrl to the origin https://you.github.io.');
    expect(build.files()).toEqual([]);
  });

  it("without a site URL fails the build, naming the option and the starter's variable", async () => {
    const build = await buildSite({ name: "no-url", files: minimalFiles, configure: (_config, addPlugin) => addPlugin({ siteUrl: "" }) });
    const message = errorMessages(build.error);
    expect(message).toContain("siteUrl");
    expect(message).toContain("NEWS_DIGEST_URL");
    // No feed or sitemap with relative or localhost addresses.
    expect(build.files().filter((f) => /\.(xml|json)$/.test(f))).toEqual([]);
  });
});

describe("the 404 page", () => {
  it("is noindex and names no canonical address or og:url", async () => {
    const build = await buildSite({ name: "not-found", files: minimalFiles });
    if (build.error) throw build.error;
    const page = parseHtml(build.read("/404.html"));
    expect(page.attr(page.one('meta[name="robots"]'), "content")).toBe("noindex");
    expect(page.all('link[rel="canonical"], meta[property="og:url"]')).toHaveLength(0);
    const home = parseHtml(build.read("/"));
    expect(home.all('link[rel="canonical"], meta[property="og:url"]')).toHaveLength(2);
  });
});

describe("provider logos", () => {
  it("carry the file's width and height, and none when the file gives none", async () => {
    const sized = { name: "Sized", domain: "sized.example.com", images: [{ url: "https://images.example.net/sized.png", width: 40, height: 20 }] };
    const unsized = { name: "Unsized", domain: "unsized.example.com", images: [{ url: "https://images.example.net/unsized.png" }] };
    const build = await buildSite({
      name: "logos",
      files: {
        "a.md": articleFile({ title: "Sized logo", provider: sized, originalUrl: "https://sized.example.com/a" }),
        "b.md": articleFile({ title: "Unsized logo", provider: unsized, originalUrl: "https://unsized.example.com/b" }),
      },
    });
    if (build.error) throw build.error;
    const logo = (file: string) => {
      const page = parseHtml(build.read(file));
      const img = page.one(".provider img");
      return [page.attr(img, "src"), page.attr(img, "width"), page.attr(img, "height")];
    };
    expect(logo(build.articleUrl("/articles/2026-03-01-sized-logo/"))).toEqual(["https://images.example.net/sized.png", "40", "20"]);
    expect(logo(build.articleUrl("/articles/2026-03-01-unsized-logo/"))).toEqual(["https://images.example.net/unsized.png", undefined, undefined]);
  });
});

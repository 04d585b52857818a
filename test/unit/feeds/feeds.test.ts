import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseFeed } from "@rowanmanning/feed-parser";
import { renderAllFeeds, feedFilePaths, feedLinks, planFeedPages, type FeedFile, type FeedSite } from "../../../src/feeds/index.js";
import { articleFile, articlePageUrl } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";
import { NS, childElement, childElements, descendants, parseHtmlLayer, parseStrictXml, xmlText, type XmlNode } from "../../helpers/strict-xml.js";

const site: FeedSite = { siteUrl: "https://digest.example.org", pathPrefix: "/news/", title: "Test Digest", description: "Tests & more", language: "en", feedSize: 3, websubHub: "" };
const outlet = { name: "Harbor Ledger", domain: "harbor-ledger.example.com" };

function sampleFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    files[`a${i}.md`] = articleFile({
      title: `Story ${i}`,
      publishedDateTime: `2026-03-${String(i).padStart(2, "0")}T10:00:00+02:00`,
      originalUrl: `https://harbor-ledger.example.com/story-${i}`,
      provider: outlet,
      topics: i % 2 ? ["Markets", "AI"] : ["Markets"],
    });
  }
  files["hidden.md"] = articleFile({ title: "Unpublished story", published: false, originalUrl: "https://harbor-ledger.example.com/hidden", provider: outlet, topics: ["Markets"] });
  return files;
}

const story7Page = `https://digest.example.org/news${articlePageUrl({ title: "Story 7", publishedDateTime: "2026-03-07T10:00:00+02:00", originalUrl: "https://harbor-ledger.example.com/story-7" })}`;
const story7Id = "tag:digest.example.org,2026:harbor-ledger.example.com/story-7";

const byPath = (files: FeedFile[]): Map<string, string> => new Map(files.map((f) => [f.path, f.contents]));
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["item", "entry", "category", "link", "atom:link", "outline"].includes(name) });
type Node = Record<string, unknown>;

describe("feeds for a digest", () => {
  const digest = digestFromFiles(sampleFiles(7));
  const files = [...renderAllFeeds(digest, site)];
  const feeds = byPath(files);

  it("writes head feeds in three formats for the site and every term, archives and the OPML file", () => {
    for (const scope of [{ kind: "site" as const }, { kind: "stories" as const }, ...digest.providers.map((term) => ({ kind: "provider" as const, term })), ...digest.topics.map((term) => ({ kind: "topic" as const, term }))]) {
      const links = feedLinks(scope);
      for (const path of [links.rss, links.atom, links.json]) expect(feeds.has(path), path).toBe(true);
    }
    expect([...feeds.keys()].filter((p) => p.startsWith("/archive/")).sort()).toEqual(["/archive/1/atom.xml", "/archive/1/feed.json", "/archive/1/feed.xml"]);
    expect(feeds.has("/feeds.opml")).toBe(true);
  });

  it("writes namespace-well-formed XML 1.0 for every RSS, Atom and OPML file", () => {
    for (const file of files.filter((f) => !f.path.endsWith(".json"))) {
      expect(() => parseStrictXml(file.contents, file.path), file.path).not.toThrow();
    }
  });

  it("RSS: required channel elements, declared namespaces, self link, RFC 822 dates, categories with topic URLs, media", () => {
    const text = feeds.get("/feed.xml")!;
    const rss = (xml.parse(text) as { rss: Node }).rss;
    expect(rss["@version"]).toBe("2.0");
    for (const ns of ["xmlns:atom", "xmlns:content", "xmlns:dc", "xmlns:media"]) expect(rss[`@${ns}`], ns).toMatch(/^http/);
    const channel = rss.channel as Node;
    expect(channel.title).toBe("Test Digest");
    expect(channel.link).toEqual(["https://digest.example.org/news/"]);
    // Plain text as hexadecimal references (RSS Best Practices), which fast-xml-parser leaves as written.
    expect(text).toContain("<description>Tests &#x26; more</description>");
    expect(xmlText(childElement(childElement(parseStrictXml(text), "", "channel")!, "", "description"))).toBe("Tests & more");
    expect((channel["atom:link"] as Node[]).find((l) => l["@rel"] === "self")?.["@href"]).toBe("https://digest.example.org/news/feed.xml");
    expect((channel["atom:link"] as Node[]).find((l) => l["@rel"] === "prev-archive")?.["@href"]).toBe("https://digest.example.org/news/archive/1/feed.xml");
    const items = channel.item as Node[];
    // 7 items, 3 a document: one complete archive of the oldest 3, and the head keeps the other 4.
    expect(items.map((i) => i.title)).toEqual(["Story 7", "Story 6", "Story 5", "Story 4"]);
    expect(channel.lastBuildDate).toBe("Sat, 07 Mar 2026 08:00:00 GMT");
    expect(items[0]?.pubDate).toBe("Sat, 07 Mar 2026 08:00:00 GMT");
    expect(items[0]?.guid).toEqual({ "#text": story7Id, "@isPermaLink": "false" });
    expect(items[0]?.link).toEqual([story7Page]);
    expect(items[0]?.["dc:creator"]).toBe("Harbor Ledger");
    const categories = items[0]?.category as Node[];
    expect(categories.map((c) => [c["#text"], c["@domain"]])).toEqual([
      ["Markets", "https://digest.example.org/news/topics/markets/"],
      ["AI", "https://digest.example.org/news/topics/ai/"],
    ]);
    expect((items[0]?.["media:content"] as Node)["@width"]).toBe("1200");
    expect(String(items[0]?.["content:encoded"])).toContain('href="https://harbor-ledger.example.com/story-7"');
  });

  it("Atom: id, updated, self link, author, entries with RFC 3339 dates and related links", () => {
    const feed = (xml.parse(feeds.get("/atom.xml")!) as { feed: Node }).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://digest.example.org/news/atom.xml");
    expect(feed.updated).toBe("2026-03-07T08:00:00.000Z");
    expect((feed.link as Node[]).find((l) => l["@rel"] === "self")?.["@href"]).toBe("https://digest.example.org/news/atom.xml");
    const entries = feed.entry as Node[];
    expect(entries.map((e) => (e.title as Node)["#text"])).toEqual(["Story 7", "Story 6", "Story 5", "Story 4"]);
    expect(entries[0]?.id).toBe(story7Id);
    expect((entries[0]?.link as Node[]).find((l) => l["@rel"] === "alternate")?.["@href"]).toBe(story7Page);
    expect(entries[0]?.published).toBe("2026-03-07T08:00:00.000Z");
    expect(((entries[0]?.author as Node).name)).toBe("Harbor Ledger");
    expect((entries[0]?.link as Node[]).find((l) => l["@rel"] === "related")?.["@href"]).toBe("https://harbor-ledger.example.com/story-7");
  });

  it("Atom: the lead image is Media RSS with its size under a declared namespace, never an enclosure with a guessed type", () => {
    const feed = parseStrictXml(feeds.get("/atom.xml")!);
    expect(feed.declares.media).toBe(NS.media);
    const entry = childElements(feed, NS.atom, "entry")[0]!;
    expect(childElement(entry, NS.media, "content")?.attributes).toEqual({ url: "https://images.example.net/lead.jpg", medium: "image", width: "1200", height: "675" });
    expect(childElements(entry, NS.atom, "link").map((l) => l.attributes.rel)).toEqual(["alternate", "related"]);
  });

  it("JSON Feed 1.1: version, feed_url, next_url, items with content_html, external_url, authors and tags", () => {
    const feed = JSON.parse(feeds.get("/feed.json")!) as { version: string; feed_url: string; home_page_url: string; next_url: string; items: Record<string, unknown>[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe("https://digest.example.org/news/feed.json");
    expect(feed.home_page_url).toBe("https://digest.example.org/news/");
    expect(feed.next_url).toBe("https://digest.example.org/news/archive/1/feed.json");
    for (const item of feed.items) expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
    expect(feed.items[0]).toMatchObject({
      id: story7Id,
      url: story7Page,
      external_url: "https://harbor-ledger.example.com/story-7",
      date_published: "2026-03-07T08:00:00.000Z",
      authors: [{ name: "Harbor Ledger", url: "https://harbor-ledger.example.com/" }],
      tags: ["Markets", "AI"],
      image: "https://images.example.net/lead.jpg",
    });
  });

  it("the same items in the same order with the same ids in all three formats", () => {
    const rssIds = ((xml.parse(feeds.get("/topics/markets/feed.xml")!) as { rss: { channel: { item: Node[] } } }).rss.channel.item).map((i) => (i.guid as Node)["#text"]);
    const atomIds = ((xml.parse(feeds.get("/topics/markets/atom.xml")!) as { feed: { entry: Node[] } }).feed.entry).map((e) => e.id);
    const jsonIds = (JSON.parse(feeds.get("/topics/markets/feed.json")!) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(rssIds).toEqual(atomIds);
    expect(jsonIds).toEqual(atomIds);
    expect(new Set(atomIds).size).toBe(atomIds.length);
  });

  it("lets a subscriber backfill every item through the archive chain, in every format", () => {
    const all = digest.articles.map((a) => `https://digest.example.org/news${a.pageUrl}`).sort();
    // RSS: follow prev-archive from the head.
    const seen = new Set<string>();
    let url: string | undefined = "https://digest.example.org/news/feed.xml";
    while (url) {
      const channel: Node = (xml.parse(feeds.get(url.replace("https://digest.example.org/news", ""))!) as { rss: { channel: Node } }).rss.channel;
      for (const item of (channel.item as Node[]) ?? []) seen.add(String((item.link as string[])[0]));
      url = ((channel["atom:link"] as Node[]).find((l) => l["@rel"] === "prev-archive")?.["@href"] as string | undefined) ?? undefined;
    }
    expect([...seen].sort()).toEqual(all);
    // JSON Feed: follow next_url.
    const jsonSeen = new Set<string>();
    let next: string | undefined = "/feed.json";
    while (next) {
      const page = JSON.parse(feeds.get(next)!) as { items: { url: string }[]; next_url?: string };
      for (const item of page.items) jsonSeen.add(item.url);
      next = page.next_url?.replace("https://digest.example.org/news", "");
    }
    expect([...jsonSeen].sort()).toEqual(all);
    // Archives are marked and point back to the head.
    const archive = (xml.parse(feeds.get("/archive/1/atom.xml")!) as { feed: Node }).feed;
    expect(archive["fh:archive"]).toBe("");
    expect((archive.link as Node[]).find((l) => l["@rel"] === "current")?.["@href"]).toBe("https://digest.example.org/news/atom.xml");
  });

  it("never lists an unpublished article", () => {
    for (const file of files) expect(file.contents, file.path).not.toContain("Unpublished story");
  });

  it("is byte-identical across renders of the same input (dates from articles, not the build)", () => {
    const again = [...renderAllFeeds(digestFromFiles(sampleFiles(7)), site)];
    expect(again.map((f) => f.contents)).toEqual(files.map((f) => f.contents));
  });

  it("parses with an independent feed parser, with dates equal to the articles' instants", () => {
    expect(parseFeed(feeds.get("/atom.xml")!).description).toBe("Tests & more");
    expect(parseFeed(feeds.get("/feed.xml")!).description).toBe("Tests & more");
    for (const path of ["/feed.xml", "/atom.xml", "/providers/harbor-ledger.example.com/feed.xml", "/archive/1/atom.xml"]) {
      const feed = parseFeed(feeds.get(path)!);
      expect(feed.items.length, path).toBeGreaterThan(0);
      for (const item of feed.items) {
        const article = digest.articles.find((a) => `https://digest.example.org/news${a.pageUrl}` === item.url);
        expect(article, item.url ?? "").toBeDefined();
        expect(item.published?.toISOString()).toBe(article?.publishedAt);
        expect(item.title).toBe(article?.title);
      }
    }
  });

  it("lists every feed in the OPML file with absolute URLs, in folders for the site, outlets and topics", () => {
    const opml = (xml.parse(feeds.get("/feeds.opml")!) as { opml: { body: { outline: Node[] } } }).opml;
    const folders = opml.body.outline;
    expect(folders.map((f) => f["@text"])).toEqual(["Test Digest", "Outlets", "Topics"]);
    const [siteFolder, outlets, topics] = folders.map((f) => f.outline as Node[]);
    expect(siteFolder?.map((o) => o["@xmlUrl"])).toEqual(["https://digest.example.org/news/feed.xml", "https://digest.example.org/news/stories.xml"]);
    expect(outlets).toHaveLength(digest.providers.length);
    expect(topics).toHaveLength(digest.topics.length);
    const all = [...siteFolder!, ...outlets!, ...topics!];
    expect(all.every((o) => o["@type"] === "rss" && String(o["@xmlUrl"]).startsWith("https://digest.example.org/news/"))).toBe(true);
  });

  it("fails with a message naming the option and environment variable when there is no site URL", () => {
    expect(() => [...renderAllFeeds(digest, { ...site, siteUrl: "" })]).toThrowErrorMatchingInlineSnapshot(
      `[NewsDigestError: [news-digest] feeds need the site's public address: set the siteUrl option (e.g. siteUrl: "https://news.example.org") or, in the starter site, the NEWS_DIGEST_URL environment variable.]`,
    );
  });
});

describe("the strict XML parser the feed tests rely on", () => {
  // fast-xml-parser's validator accepts all three; a feed that relied on that would break real readers.
  it.each([
    ["an undeclared prefix", '<rss><atom:link href="x"/></rss>'],
    ["an undefined entity", "<rss>&nbsp;</rss>"],
    ["a control character", "<rss>\u0001</rss>"],
  ])("rejects %s", (_, source) => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(() => parseStrictXml(source)).toThrow();
  });
});

describe("hostile titles and excerpts", () => {
  const title = `]]> </title> <script>alert(1)</script> <img src=x onerror=alert(1)> & "q" 'a' \u0001\uFFFE\nend`;
  const excerpt = `line one\nline two <img src=x onerror=alert(1)> <b>bold</b> ]]> </description> & &amp; &lt;b&gt; "q" 'a' \u0001 <script>alert(2)</script> end`;
  // A literal entity in a title: text in every format, so it must reach readers as those characters.
  const entityTitle = "Fish &amp; chips &lt;3";
  const digest = digestFromFiles({
    "evil.md": articleFile({ title, excerpt, publishedDateTime: "2026-03-02T10:00:00Z", topics: ["C++", "C", "C#", "Foo Bar", "foo-bar", "人工智能", "🚀"] }),
    "entity.md": articleFile({ title: entityTitle, excerpt: "Plain.", publishedDateTime: "2026-03-01T10:00:00Z" }),
  });
  const feeds = byPath([...renderAllFeeds(digest, site)]);
  // What the core keeps: characters XML forbids removed, title whitespace folded to single spaces.
  const cleanTitle = title.replace(/[\u0001\uFFFE]/g, "").replace(/\s+/g, " ");
  const cleanExcerpt = excerpt.replace(/\u0001/g, "");
  const firstItem = (root: XmlNode, container: string[], name: string): XmlNode => {
    let node: XmlNode | undefined = root;
    for (const step of container) node = node && childElement(node, "", step);
    const item = node && childElements(node, "", name)[0];
    if (!item) throw new Error(`no ${name}`);
    return item;
  };
  /** `content:encoded`, Atom `content` and `content_html` hold the lead image, the excerpt in a paragraph and a link to the original, nothing else. */
  const expectContentHtml = (markup: string): void => {
    const layer = parseHtmlLayer(markup);
    expect(layer.elements).toEqual(["p", "img", "p", "p", "a"]);
    const excerptStart = markup.indexOf("</p>") + 4;
    expect(parseHtmlLayer(markup.slice(excerptStart, markup.indexOf("</p>", excerptStart) + 4)).text).toBe(cleanExcerpt);
  };

  it("RSS: title is text, description and content:encoded are HTML whose text is the excerpt verbatim; no element injected", () => {
    const rss = feeds.get("/feed.xml")!;
    const item = firstItem(parseStrictXml(rss), ["channel"], "item");
    expect(xmlText(childElement(item, "", "title"))).toBe(cleanTitle);
    const description = parseHtmlLayer(xmlText(childElement(item, "", "description")));
    expect(description).toEqual({ text: cleanExcerpt, elements: [] });
    expectContentHtml(xmlText(childElement(item, NS.content, "encoded")));
    expect(descendants(item).map((n) => n.name).sort()).toEqual(["category", "category", "category", "category", "category", "category", "content:encoded", "dc:creator", "description", "guid", "item", "link", "media:content", "media:thumbnail", "pubDate", "title"]);
    const parsed = parseFeed(rss).items[0];
    expect(parsed?.title).toBe(cleanTitle);
    expect(parsed?.description).toBe(cleanExcerpt);
  });

  it("Atom: title and summary are text, content is HTML whose text is the excerpt verbatim; no element injected", () => {
    const atom = feeds.get("/atom.xml")!;
    const entry = childElements(parseStrictXml(atom), NS.atom, "entry")[0]!;
    const title = childElement(entry, NS.atom, "title")!;
    expect([title.attributes.type, xmlText(title)]).toEqual(["text", cleanTitle]);
    const summary = childElement(entry, NS.atom, "summary")!;
    expect([summary.attributes.type, xmlText(summary)]).toEqual(["text", cleanExcerpt]);
    const content = childElement(entry, NS.atom, "content")!;
    expect(content.attributes.type).toBe("html");
    expectContentHtml(xmlText(content));
    expect(descendants(entry).map((n) => n.name).sort()).toEqual(["author", "category", "category", "category", "category", "category", "category", "content", "entry", "id", "link", "link", "media:content", "media:thumbnail", "name", "published", "summary", "title", "updated", "uri"]);
    expect(parseFeed(atom).items[0]?.title).toBe(cleanTitle);
    // Not the excerpt: @rowanmanning/feed-parser decodes a text construct's entities once more, so
    // its literal "&amp;" comes out as "&". type="text" is still right: it is what RFC 4287 readers
    // (feedparser, rss-parser) need to show an ordinary "&" without a stray "&amp;".
  });

  it("JSON Feed: title and summary are plain strings, content_html is built by the core's escaper", () => {
    const json = JSON.parse(feeds.get("/feed.json")!) as { items: { title: string; summary: string; content_html: string }[] };
    expect(json.items[0]?.title).toBe(cleanTitle);
    expect(json.items[0]?.summary).toBe(cleanExcerpt);
    expectContentHtml(json.items[0]!.content_html);
  });

  it("keeps a literal entity in a title as those characters, not as the character it names", () => {
    // An RSS title is plain text, encoded once: encoding it twice would show "&amp;" in readers
    // that follow the spec and draw the W3C validator's "contains HTML" warning.
    const rssItem = childElements(childElement(parseStrictXml(feeds.get("/feed.xml")!), "", "channel")!, "", "item")[1]!;
    expect(xmlText(childElement(rssItem, "", "title"))).toBe(entityTitle);
    // Atom says which it is: type="text", so the title is the text itself.
    const atom = feeds.get("/atom.xml")!;
    const entry = childElements(parseStrictXml(atom), NS.atom, "entry")[1]!;
    expect(xmlText(childElement(entry, NS.atom, "title"))).toBe(entityTitle);
    expect(atom).toContain('<title type="text">Fish &amp;amp; chips &amp;lt;3</title>');
    expect((JSON.parse(feeds.get("/feed.json")!) as { items: { title: string }[] }).items[1]?.title).toBe(entityTitle);
  });

  it("gives colliding, spaced, hyphenated, CJK and emoji topics their own feeds", () => {
    const topicFeeds = digest.topics.map((t) => feedLinks({ kind: "topic", term: t }).rss);
    expect(new Set(topicFeeds).size).toBe(digest.topics.length);
    // "Foo Bar" and "foo-bar" are one topic: hyphens count as spaces in a topic's identity.
    expect(digest.topics.map((t) => t.label).sort()).toEqual(["C", "C#", "C++", "Foo Bar", "Markets", "人工智能", "🚀"].sort());
    for (const path of topicFeeds) {
      expect(feeds.has(path), path).toBe(true);
      expect(path).toMatch(/^\/topics\/[a-z0-9-]+\/feed\.xml$/);
    }
  });
});

describe("planFeedPages", () => {
  const items = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i); // newest first

  it("puts every item in exactly one document: complete oldest-first archives, and the rest in the head", () => {
    expect(planFeedPages(items(2), 3)).toEqual([{ archive: 0, items: [2, 1] }]);
    expect(planFeedPages(items(5), 3)).toEqual([{ archive: 0, items: [5, 4, 3, 2, 1] }]);
    expect(planFeedPages(items(6), 3).map((p) => p.items)).toEqual([[6, 5, 4], [3, 2, 1]]);
    const eleven = planFeedPages(items(11), 3);
    // Links lead only to older documents, so an archive never changes when a newer one is cut.
    expect(eleven.map((p) => [p.archive, p.items, p.older])).toEqual([
      [0, [11, 10, 9, 8, 7], 2],
      [1, [3, 2, 1], undefined],
      [2, [6, 5, 4], 1],
    ]);
    for (let n = 0; n <= 40; n++) {
      const pages = planFeedPages(items(n), 3);
      const all = pages.flatMap((p) => p.items);
      expect(all.sort((a, b) => a - b), String(n)).toEqual(items(n).reverse());
      for (const page of pages.slice(1)) expect(page.items, `${n}: archive ${page.archive}`).toHaveLength(3);
      const head = pages[0]!.items.length;
      if (n >= 3) expect(head >= 3 && head <= 5, `${n}: head of ${head}`).toBe(true);
    }
  });

  it("never changes an archive once written as newer items are added", () => {
    const archivesOf = (n: number): Map<number, number[]> => new Map(planFeedPages(items(n), 3).filter((p) => p.archive > 0).map((p) => [p.archive, p.items]));
    for (let n = 0; n < 40; n++) {
      const after = archivesOf(n + 1);
      for (const [archive, pageItems] of archivesOf(n)) expect(after.get(archive), `${n}: archive ${archive}`).toEqual(pageItems);
    }
  });
});

describe("the stories feeds", () => {
  it("carry each story once, ordered by its first publication, dated by its latest change", () => {
    const digest = digestFromFiles({
      "a.md": articleFile({ title: "Story A", publishedDateTime: "2026-03-01T10:00:00Z", originalUrl: "https://harbor-ledger.example.com/a", provider: outlet }),
      "b.md": articleFile({ title: "Story B", publishedDateTime: "2026-03-05T10:00:00Z", originalUrl: "https://harbor-ledger.example.com/b", provider: outlet }),
      "c.md": articleFile({
        title: "Story A, later",
        publishedDateTime: "2026-03-06T10:00:00Z",
        originalUrl: "https://northwind.example.org/a",
        provider: { name: "Northwind", domain: "northwind.example.org" },
        related: [{ title: "Story A", publishedDateTime: "2026-03-01T10:00:00Z", webUrl: "https://harbor-ledger.example.com/a", provider: outlet }],
      }),
    });
    const feeds = byPath([...renderAllFeeds(digest, { ...site, feedSize: 10 })]);
    const atom = parseStrictXml(feeds.get("/stories.atom")!);
    const entries = childElements(atom, NS.atom, "entry");
    expect(entries.map((e) => xmlText(childElement(e, NS.atom, "published")))).toEqual(["2026-03-05T10:00:00.000Z", "2026-03-01T10:00:00.000Z"]);
    expect(xmlText(childElement(entries[1]!, NS.atom, "updated"))).toBe("2026-03-06T10:00:00.000Z");
    expect(xmlText(childElement(atom, NS.atom, "updated"))).toBe("2026-03-06T10:00:00.000Z");
    expect(entries.every((e) => xmlText(childElement(e, NS.atom, "id")).startsWith("tag:digest.example.org,2026:story:s"))).toBe(true);
  });
});

describe("archives and story coverage", () => {
  it("leave an archive unchanged when a new article joins a story it holds", () => {
    const files = sampleFiles(7);
    const before = byPath([...renderAllFeeds(digestFromFiles(files), site)]);
    const joined = byPath([
      ...renderAllFeeds(
        digestFromFiles({
          ...files,
          "late.md": articleFile({
            title: "Story 1, followed up",
            publishedDateTime: "2026-03-20T10:00:00Z",
            originalUrl: "https://northwind.example.org/follow-up",
            provider: { name: "Northwind", domain: "northwind.example.org" },
            related: [{ title: "Story 1", publishedDateTime: "2026-03-01T10:00:00+02:00", webUrl: "https://harbor-ledger.example.com/story-1", provider: outlet }],
          }),
        }),
        site,
      ),
    ]);
    // Story 1 is in the site's first archive; the head feed shows the new article covering it.
    expect(before.get("/archive/1/feed.xml")).toContain("Story 1<");
    for (const [path, contents] of before) if (path.includes("/archive/")) expect(joined.get(path), path).toBe(contents);
    expect(joined.get("/feed.xml")).toContain("Also covered by");
  });
});

describe("feedFilePaths", () => {
  it("lists exactly the files renderAllFeeds writes, archives and stories feeds included, without rendering them", () => {
    // Seven articles of one outlet, and then five more, three of them covering earlier stories: fewer stories than articles.
    const files = sampleFiles(7);
    for (let i = 1; i <= 5; i++) {
      files[`n${i}.md`] = articleFile({
        title: `Northwind ${i}`,
        publishedDateTime: `2026-03-${String(10 + i).padStart(2, "0")}T10:00:00Z`,
        originalUrl: `https://northwind.example.org/${i}`,
        provider: { name: "Northwind", domain: "northwind.example.org" },
        topics: ["Energy"],
        related: i <= 3 ? [{ title: `Story ${i}`, publishedDateTime: `2026-03-0${i}T10:00:00+02:00`, webUrl: `https://harbor-ledger.example.com/story-${i}`, provider: outlet }] : [],
      });
    }
    const digest = digestFromFiles(files);
    for (const feedSize of [1, 2, 3, 5, 50]) {
      const rendered = [...renderAllFeeds(digest, { ...site, feedSize })].map((file) => file.path).sort();
      expect([...feedFilePaths(digest, feedSize)].sort(), `feedSize ${feedSize}`).toEqual(rendered);
    }
    expect([...renderAllFeeds(digest, { ...site, feedSize: 2 })].some((file) => file.path === "/stories/archive/1/feed.xml")).toBe(true);
  });
});

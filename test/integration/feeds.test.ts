import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { articleFile } from "../helpers/article-file.js";
import { parseHtml } from "../helpers/html.js";
import { NS, childElement, childElements, descendants, parseHtmlLayer, parseStrictXml, xmlText, type XmlNode } from "../helpers/strict-xml.js";

const SITE_TITLE = "Feed Fixture";
const BASE = "https://digest.example.org/news/";
const FEED_SIZE = 3;
const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

const outlets = {
  harbor: { name: "Harbor Ledger", domain: "harbor-ledger.example.com", images: [] },
  northwind: { name: "Northwind Wire", domain: "northwind.example.org", images: [] },
  cafe: { name: "Café Press", domain: "cafe-press.example.net", images: [] },
} as const;

interface FixtureArticle {
  title: string;
  excerpt?: string;
  publishedDateTime: string;
  outlet: keyof typeof outlets;
  topics: string[];
  published?: boolean;
}

const hostileTitle = `]]> </title> <script>alert(1)</script> <img src=x onerror=alert(1)> & "quoted" 'single' \u0001\u0008 end`;
const hostileExcerpt = `line one\nline two <img src=x onerror=alert(1)> <b>bold</b> ]]> </description> & &amp; "q" 'a' \u0001 <script>alert(2)</script> end`;

// Offsets on purpose: every feed date must be the article's instant, whatever zone it was written in.
const fixture: FixtureArticle[] = [
  { title: "Rates hold steady", publishedDateTime: "2026-03-01T08:00:00Z", outlet: "harbor", topics: ["Markets", "C++"] },
  { title: "Compiler release lands", publishedDateTime: "2026-03-01T12:30:00+02:00", outlet: "northwind", topics: ["C++", "C"] },
  { title: "Kernel patches merged", publishedDateTime: "2026-03-02T09:15:00-05:00", outlet: "cafe", topics: ["C", "C#"] },
  { title: hostileTitle, excerpt: hostileExcerpt, publishedDateTime: "2026-03-02T23:59:59Z", outlet: "harbor", topics: ["C#", "Machine Learning"] },
  { title: "Model weights published", publishedDateTime: "2026-03-03T00:00:00+09:00", outlet: "northwind", topics: ["Machine Learning", "Real-Time"] },
  { title: "Streaming stack rewritten", publishedDateTime: "2026-03-03T10:00:00Z", outlet: "cafe", topics: ["Real-Time", "人工智能"] },
  { title: "Chip exports tighten", publishedDateTime: "2026-03-04T10:00:00Z", outlet: "harbor", topics: ["人工智能", "🚀"] },
  { title: "Launch window opens", publishedDateTime: "2026-03-05T10:00:00Z", outlet: "northwind", topics: ["🚀", "Markets"] },
  { title: "Language survey results", publishedDateTime: "2026-03-06T10:00:00Z", outlet: "cafe", topics: ["C++", "C", "C#"] },
  { title: "Quarterly results beat", publishedDateTime: "2026-03-07T10:00:00Z", outlet: "harbor", topics: ["Markets"] },
  { title: "Trading halt lifted", publishedDateTime: "2026-03-08T10:00:00Z", outlet: "northwind", topics: ["Markets", "Machine Learning"] },
  { title: "Satellite data released", publishedDateTime: "2026-03-09T10:00:00+01:00", outlet: "cafe", topics: ["🚀", "Real-Time"] },
  { title: "Embargoed draft story", publishedDateTime: "2026-03-10T10:00:00Z", outlet: "harbor", topics: ["Markets", "Embargo"], published: false },
];

/** The title as the core keeps it: characters XML forbids removed, whitespace folded. */
const cleanTitle = (title: string): string => title.replace(/[\u0001\u0008]/g, "").replace(/\s+/g, " ").trim();
const cleanExcerpt = hostileExcerpt.replace(/\u0001/g, "");
const published = fixture.filter((a) => a.published !== false);
const byTitle = new Map(published.map((a) => [cleanTitle(a.title), a]));
const instant = (a: FixtureArticle): string => new Date(a.publishedDateTime).toISOString();

const files = Object.fromEntries(
  fixture.map((a, i) => [
    `a${String(i).padStart(2, "0")}.md`,
    articleFile({
      title: a.title,
      publishedDateTime: a.publishedDateTime,
      originalUrl: `https://${outlets[a.outlet].domain}/story/${i}`,
      webUrl: undefined,
      provider: outlets[a.outlet],
      topics: a.topics,
      published: a.published ?? true,
      ...(a.excerpt ? { excerpt: a.excerpt } : {}),
    }),
  ]),
);

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EMPTY_FEED_DATE = "1970-01-01T00:00:00.000Z";

type Format = "rss" | "atom" | "json";
const FORMAT_FILES: Record<Format, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };

interface ParsedItem {
  id: string;
  title: string;
  published: string;
}

/** One feed file reduced to what the cross-format checks compare. */
interface ParsedFeed {
  path: string;
  format: Format;
  title: string;
  self: string;
  home: string;
  updated: string;
  items: ParsedItem[];
  /** Every URL on this site the file points to: items, categories, archives, self, home. */
  siteLinks: string[];
  older?: string;
  isArchive: boolean;
}

const servedAt = (sitePath: string): string => `${BASE}${sitePath.replace(/^\//, "")}`;

function attr(node: XmlNode | undefined, name: string): string {
  return node?.attributes[name] ?? "";
}

function linkByRel(links: XmlNode[], rel: string): string | undefined {
  const found = links.filter((l) => attr(l, "rel") === rel);
  expect(found.length, `rel=${rel}`).toBeLessThanOrEqual(1);
  return found[0]?.attributes.href;
}

/** Asserts every namespaced element and attribute uses one of the namespaces the format declares, and returns the declarations. */
function expectDeclaredNamespaces(root: XmlNode, allowed: string[]): void {
  for (const node of descendants(root)) {
    if (node.uri) expect(allowed, `${node.name} in ${node.uri}`).toContain(node.uri);
    for (const name of Object.keys(node.attributes)) {
      const prefix = name.includes(":") ? name.split(":")[0] : undefined;
      if (prefix && prefix !== "xmlns" && prefix !== "xml") expect(Object.keys(root.declares), name).toContain(prefix);
    }
    if (node !== root) expect(node.declares, `${node.name} redeclares namespaces`).toEqual({});
  }
}

function parseRss(path: string, text: string): ParsedFeed {
  const root = parseStrictXml(text, path);
  expect([root.name, attr(root, "version")]).toEqual(["rss", "2.0"]);
  expect(root.declares).toMatchObject({ atom: NS.atom, content: NS.content, dc: NS.dc, media: NS.media, fh: NS.fh });
  expectDeclaredNamespaces(root, Object.values(NS));
  const channels = childElements(root, "", "channel");
  expect(channels).toHaveLength(1);
  const channel = channels[0]!;
  for (const required of ["title", "link", "description"]) expect(xmlText(childElement(channel, "", required)).trim(), `${path} channel ${required}`).not.toBe("");
  expect(xmlText(childElement(channel, "", "language"))).toBe("en");
  const atomLinks = childElements(channel, NS.atom, "link");
  const items = childElements(channel, "", "item").map((item): ParsedItem & { links: string[] } => {
    const link = xmlText(childElement(item, "", "link"));
    const guid = childElement(item, "", "guid");
    expect([attr(guid, "isPermaLink"), xmlText(guid)]).toEqual(["true", link]);
    const pubDate = xmlText(childElement(item, "", "pubDate"));
    expect(pubDate, path).toMatch(RFC822);
    expect(xmlText(childElement(item, "", "description")).trim()).not.toBe("");
    expect(xmlText(childElement(item, NS.dc, "creator")).trim()).not.toBe("");
    expect(xmlText(childElement(item, NS.content, "encoded"))).toContain("Read at ");
    const categories = childElements(item, "", "category");
    for (const category of categories) expect(xmlText(category).trim()).not.toBe("");
    const media = childElement(item, NS.media, "content");
    if (media) expect([attr(media, "medium"), attr(media, "width"), attr(media, "height")]).toEqual(["image", "1200", "675"]);
    return { id: guid ? xmlText(guid) : "", title: xmlText(childElement(item, "", "title")), published: new Date(pubDate).toISOString(), links: [link, ...categories.map((c) => attr(c, "domain"))] };
  });
  const lastBuildDate = xmlText(childElement(channel, "", "lastBuildDate"));
  expect(lastBuildDate).toMatch(RFC822);
  const isArchive = childElement(channel, NS.fh, "archive") !== undefined;
  const archiveLinks = ["current", "prev-archive", "next-archive"].flatMap((rel) => linkByRel(atomLinks, rel) ?? []);
  const self = linkByRel(atomLinks, "self") ?? "";
  const home = xmlText(childElement(channel, "", "link"));
  return {
    path,
    format: "rss",
    title: xmlText(childElement(channel, "", "title")),
    self,
    home,
    updated: new Date(lastBuildDate).toISOString(),
    items: items.map(({ id, title, published }) => ({ id, title, published })),
    siteLinks: [self, home, ...archiveLinks, ...items.flatMap((i) => i.links)],
    ...(linkByRel(atomLinks, "prev-archive") ? { older: linkByRel(atomLinks, "prev-archive") } : {}),
    isArchive,
  };
}

/** An Atom text construct's text, read as its `type` says (RFC 4287 §3.1); HTML must carry no markup. */
function atomText(node: XmlNode | undefined): string {
  const type = node?.attributes.type ?? "text";
  expect(["text", "html"], node?.name).toContain(type);
  if (type === "text") return xmlText(node);
  const layer = parseHtmlLayer(xmlText(node));
  expect(layer.elements, node?.name).toEqual([]);
  return layer.text;
}

function parseAtom(path: string, text: string): ParsedFeed {
  const root = parseStrictXml(text, path);
  expect([root.local, root.uri]).toEqual(["feed", NS.atom]);
  expect(root.declares).toMatchObject({ "": NS.atom, media: NS.media, fh: NS.fh });
  expectDeclaredNamespaces(root, [NS.atom, NS.media, NS.fh]);
  const id = xmlText(childElement(root, NS.atom, "id"));
  const updated = xmlText(childElement(root, NS.atom, "updated"));
  expect(updated).toMatch(RFC3339);
  expect(atomText(childElement(root, NS.atom, "title")).trim()).not.toBe("");
  expect(xmlText(childElement(childElement(root, NS.atom, "author")!, NS.atom, "name")).trim()).not.toBe("");
  const links = childElements(root, NS.atom, "link");
  const self = linkByRel(links, "self") ?? "";
  // RFC 4287 §4.2.6: the feed's id is a permanent IRI; ours is where the file is served.
  expect(id).toBe(self);
  const entries = childElements(root, NS.atom, "entry").map((entry): ParsedItem & { links: string[] } => {
    const entryId = xmlText(childElement(entry, NS.atom, "id"));
    const entryLinks = childElements(entry, NS.atom, "link");
    expect(linkByRel(entryLinks, "alternate")).toBe(entryId);
    expect(linkByRel(entryLinks, "enclosure")).toBeUndefined();
    const entryPublished = xmlText(childElement(entry, NS.atom, "published"));
    expect(entryPublished).toMatch(RFC3339);
    expect(xmlText(childElement(entry, NS.atom, "updated"))).toMatch(RFC3339);
    expect(xmlText(childElement(childElement(entry, NS.atom, "author")!, NS.atom, "name")).trim()).not.toBe("");
    expect(attr(childElement(entry, NS.atom, "content"), "type")).toBe("html");
    const categories = childElements(entry, NS.atom, "category");
    return { id: entryId, title: atomText(childElement(entry, NS.atom, "title")), published: new Date(entryPublished).toISOString(), links: [entryId, ...categories.map((c) => attr(c, "scheme"))] };
  });
  const archiveLinks = ["current", "prev-archive", "next-archive"].flatMap((rel) => linkByRel(links, rel) ?? []);
  const home = linkByRel(links, "alternate") ?? "";
  const older = linkByRel(links, "prev-archive");
  return {
    path,
    format: "atom",
    title: atomText(childElement(root, NS.atom, "title")),
    self,
    home,
    updated: new Date(updated).toISOString(),
    items: entries.map(({ id: itemId, title, published }) => ({ id: itemId, title, published })),
    siteLinks: [self, home, ...archiveLinks, ...entries.flatMap((e) => e.links)],
    ...(older ? { older } : {}),
    isArchive: childElement(root, NS.fh, "archive") !== undefined,
  };
}

interface JsonFeedShape {
  version: unknown;
  title: unknown;
  home_page_url: unknown;
  feed_url: unknown;
  next_url?: unknown;
  items: Record<string, unknown>[];
}

function parseJsonFeed(path: string, text: string): ParsedFeed {
  const feed = JSON.parse(text) as JsonFeedShape;
  expect(feed.version, path).toBe(JSON_FEED_VERSION);
  expect(typeof feed.title === "string" && feed.title !== "").toBe(true);
  expect(Array.isArray(feed.items)).toBe(true);
  const items = feed.items.map((item): ParsedItem => {
    expect(typeof item.id).toBe("string");
    expect(item.url).toBe(item.id);
    expect(typeof item.content_html === "string" || typeof item.content_text === "string", `${path} ${String(item.id)} content`).toBe(true);
    expect(String(item.date_published)).toMatch(RFC3339);
    expect(Array.isArray(item.authors) && item.authors.length > 0).toBe(true);
    return { id: String(item.id), title: String(item.title), published: new Date(String(item.date_published)).toISOString() };
  });
  const older = typeof feed.next_url === "string" ? feed.next_url : undefined;
  return {
    path,
    format: "json",
    title: String(feed.title),
    self: String(feed.feed_url),
    home: String(feed.home_page_url),
    updated: items[0]?.published ?? EMPTY_FEED_DATE,
    items,
    siteLinks: [String(feed.feed_url), String(feed.home_page_url), ...(older ? [older] : []), ...items.map((i) => i.id)],
    ...(older ? { older } : {}),
    isArchive: /\/archive\/\d+\//.test(path),
  };
}

describe("every feed of a fixture site, served under a path prefix", () => {
  let build: FixtureBuild;
  let written: Set<string>;
  let feedPaths: string[];
  const parsed = new Map<string, ParsedFeed>();
  /** Head feed folder ("/", "/topics/c/") → the scope's label ("" for the site). */
  const scopes = new Map<string, { kind: "site" | "provider" | "topic"; label: string }>();

  const sitePathOf = (url: string): string | undefined => {
    if (!url.startsWith(BASE)) return undefined;
    const path = `/${decodeURI(url.slice(BASE.length).split(/[?#]/)[0] ?? "")}`;
    return path.endsWith("/") ? `${path}index.html` : path;
  };
  const expectedTitles = (folder: string): string[] => {
    const scope = scopes.get(folder)!;
    const members = published.filter((a) =>
      scope.kind === "site" ? true : scope.kind === "provider" ? outlets[a.outlet].name === scope.label : a.topics.some((t) => t.toLowerCase() === scope.label.toLowerCase()),
    );
    return members.map((a) => cleanTitle(a.title)).sort();
  };

  beforeAll(async () => {
    build = await buildFixture({ name: "feeds", files, options: { search: false, siteTitle: SITE_TITLE, feedSize: FEED_SIZE }, pathPrefix: "/news/" });
    if (build.error) throw build.error;
    written = new Set(build.files());
    feedPaths = build.files().filter((f) => /\/(feed\.xml|atom\.xml|feed\.json)$/.test(f)).sort();
    for (const path of feedPaths) {
      const text = build.read(path);
      const feed = path.endsWith("feed.xml") ? parseRss(path, text) : path.endsWith("atom.xml") ? parseAtom(path, text) : parseJsonFeed(path, text);
      parsed.set(path, feed);
    }
    for (const path of feedPaths.filter((p) => p.endsWith("/feed.xml") && !p.includes("/archive/"))) {
      const folder = path.slice(0, -"feed.xml".length);
      const title = parsed.get(path)!.title;
      const kind = folder === "/" ? "site" : folder.startsWith("/providers/") ? "provider" : "topic";
      scopes.set(folder, { kind, label: kind === "site" ? "" : title.slice(0, title.lastIndexOf(` — ${SITE_TITLE}`)) });
    }
  });

  it("writes head feeds in three formats for the site, every provider and every topic, with RFC 5005 archive pages", () => {
    const topics = new Set(published.flatMap((a) => a.topics));
    expect(scopes.size).toBe(1 + Object.keys(outlets).length + topics.size);
    expect([...scopes.values()].filter((s) => s.kind === "topic").map((s) => s.label).sort()).toEqual([...topics].sort());
    for (const folder of scopes.keys()) {
      for (const name of Object.values(FORMAT_FILES)) expect(written.has(`${folder}${name}`), `${folder}${name}`).toBe(true);
    }
    // 12 published articles in chunks of 3: the head plus three archives.
    expect(feedPaths.filter((p) => /^\/archive\/\d+\/feed\.xml$/.test(p))).toEqual(["/archive/1/feed.xml", "/archive/2/feed.xml", "/archive/3/feed.xml"]);
    expect(feedPaths.length).toBe(parsed.size);
  });

  it("parses RSS and Atom with an independent feed parser, agreeing on titles, links and dates equal to the articles' instants", () => {
    for (const path of feedPaths.filter((p) => p.endsWith(".xml"))) {
      const ours = parsed.get(path)!;
      const theirs = parseFeed(build.read(path));
      expect(theirs.title, path).toBe(ours.title);
      expect(theirs.items.map((i) => i.url), path).toEqual(ours.items.map((i) => i.id));
      expect(theirs.items.map((i) => i.published?.toISOString()), path).toEqual(ours.items.map((i) => i.published));
      expect(theirs.items.map((i) => i.title), path).toEqual(ours.items.map((i) => i.title));
    }
  });

  it("gives every item its article's title and instant, and the feed the newest item's date", () => {
    for (const feed of parsed.values()) {
      for (const item of feed.items) {
        const article = byTitle.get(item.title);
        expect(article, `${feed.path}: ${item.title}`).toBeDefined();
        expect(item.published, `${feed.path}: ${item.title}`).toBe(instant(article!));
      }
      expect(feed.updated, feed.path).toBe(feed.items[0]?.published ?? EMPTY_FEED_DATE);
      expect([...feed.items].sort((a, b) => b.published.localeCompare(a.published)), `${feed.path} newest first`).toEqual(feed.items);
    }
  });

  it("puts the self link (Atom id, JSON feed_url) where the file is served and the home link on the scope's page", () => {
    for (const feed of parsed.values()) {
      expect(feed.self, feed.path).toBe(servedAt(feed.path));
      const folder = feed.path.replace(/(archive\/\d+\/)?[^/]+$/, "");
      expect(feed.home, feed.path).toBe(servedAt(folder));
      expect(feed.isArchive, feed.path).toBe(feed.path.includes("/archive/"));
    }
  });

  it("makes every item, category, archive, self and home link absolute under the site URL and prefix, opening a built file", () => {
    for (const feed of parsed.values()) {
      for (const url of feed.siteLinks) {
        expect(url.startsWith(BASE), `${feed.path}: ${url}`).toBe(true);
        expect(written.has(sitePathOf(url) ?? ""), `${feed.path}: ${url}`).toBe(true);
      }
    }
  });

  it("gives unique ids within each feed and the same ids in the same order in RSS, Atom and JSON Feed", () => {
    const documents = new Set(feedPaths.map((p) => p.replace(/[^/]+$/, "")));
    for (const folder of documents) {
      const [rss, atom, json] = (["rss", "atom", "json"] as const).map((format) => parsed.get(`${folder}${FORMAT_FILES[format]}`)!.items.map((i) => i.id));
      expect(new Set(rss).size, folder).toBe(rss!.length);
      expect(atom, folder).toEqual(rss);
      expect(json, folder).toEqual(rss);
    }
  });

  it("reaches every published item of each scope exactly once by following prev-archive (RSS, Atom) and next_url (JSON Feed) from the head", () => {
    for (const folder of scopes.keys()) {
      for (const format of ["rss", "atom", "json"] as const) {
        const ids: string[] = [];
        const titles: string[] = [];
        const visited = new Set<string>();
        let url: string | undefined = servedAt(`${folder}${FORMAT_FILES[format]}`);
        while (url) {
          const path = sitePathOf(url)!;
          expect(visited.has(path), `${format} chain loops at ${path}`).toBe(false);
          visited.add(path);
          const feed = parsed.get(path);
          expect(feed, path).toBeDefined();
          expect(feed!.format).toBe(format);
          ids.push(...feed!.items.map((i) => i.id));
          titles.push(...feed!.items.map((i) => i.title));
          url = feed!.older;
        }
        expect(new Set(ids).size, `${folder} ${format}`).toBe(ids.length);
        expect(titles.sort(), `${folder} ${format}`).toEqual(expectedTitles(folder));
        // The chain visits every document of the scope: no archive page is orphaned.
        expect([...visited].sort(), `${folder} ${format}`).toEqual(feedPaths.filter((p) => p.endsWith(FORMAT_FILES[format]) && p.replace(/(archive\/\d+\/)?[^/]+$/, "") === folder).sort());
      }
    }
  });

  it("never puts an unpublished article, or a topic only it has, in any feed or the OPML list", () => {
    for (const path of [...feedPaths, "/feeds.opml"]) {
      const text = build.read(path);
      expect(text, path).not.toContain("Embargoed draft story");
      expect(text, path).not.toContain("harbor-ledger.example.com/story/12");
      expect(text, path).not.toContain("Embargo");
    }
    expect(build.exists("/topics/embargo/feed.xml")).toBe(false);
  });

  it("lists every head feed in a strict OPML 2.0 file with absolute URLs that open built files", () => {
    const opml = parseStrictXml(build.read("/feeds.opml"), "/feeds.opml");
    expect([opml.name, attr(opml, "version")]).toEqual(["opml", "2.0"]);
    expectDeclaredNamespaces(opml, []);
    const head = childElement(opml, "", "head")!;
    expect(xmlText(childElement(head, "", "title"))).toBe(SITE_TITLE);
    expect(xmlText(childElement(head, "", "dateCreated"))).toMatch(RFC822);
    const outlines = childElements(childElement(opml, "", "body")!, "", "outline");
    expect(outlines.map((o) => attr(o, "xmlUrl")).sort()).toEqual([...scopes.keys()].map((folder) => servedAt(`${folder}feed.xml`)).sort());
    for (const outline of outlines) {
      expect(attr(outline, "type")).toBe("rss");
      expect(attr(outline, "text").trim()).not.toBe("");
      for (const url of [attr(outline, "xmlUrl"), attr(outline, "htmlUrl")]) {
        expect(url.startsWith(BASE), url).toBe(true);
        expect(written.has(sitePathOf(url) ?? ""), url).toBe(true);
      }
    }
  });

  it("gives topics that collide in slug or hold spaces, hyphens, CJK or emoji their own feeds, linked from their term pages", () => {
    const special = ["C++", "C", "C#", "Machine Learning", "Real-Time", "人工智能", "🚀"];
    const folders = special.map((label) => [...scopes].find(([, scope]) => scope.kind === "topic" && scope.label === label)?.[0]);
    expect(folders.every((f) => f !== undefined), folders.join(", ")).toBe(true);
    expect(new Set(folders).size).toBe(special.length);
    for (const [i, folder] of folders.entries()) {
      expect(folder, special[i]).toMatch(/^\/topics\/[a-z0-9-]+\/$/);
      const page = parseHtml(build.read(folder!));
      const alternates = page.all('link[rel="alternate"]').map((l) => [page.attr(l, "type"), new URL(page.attr(l, "href") ?? "", BASE).href]);
      expect(alternates, special[i]).toEqual([
        ["application/rss+xml", servedAt(`${folder}feed.xml`)],
        ["application/atom+xml", servedAt(`${folder}atom.xml`)],
        ["application/feed+json", servedAt(`${folder}feed.json`)],
      ]);
      expect(parsed.get(`${folder}feed.xml`)!.items.length, special[i]).toBeGreaterThan(0);
    }
    const home = parseHtml(build.read("/"));
    expect(home.all('link[rel="alternate"]').map((l) => new URL(home.attr(l, "href") ?? "", BASE).href)).toEqual(["feed.xml", "atom.xml", "feed.json"].map((name) => servedAt(`/${name}`)));
  });

  it("round-trips hostile titles and excerpts verbatim through each format's parser, with no element injected", () => {
    const expectedTitle = cleanTitle(hostileTitle);
    const hostileId = [...parsed.values()].flatMap((feed) => feed.items).find((i) => i.title === expectedTitle)?.id;
    expect(hostileId).toBeDefined();
    const containing = feedPaths.filter((p) => parsed.get(p)!.items.some((i) => i.id === hostileId));
    // Site, provider and both topics, in three formats, head or archive.
    expect(containing.length).toBe(4 * 3);
    for (const path of containing) {
      const text = build.read(path);
      if (path.endsWith("feed.json")) {
        const item = (JSON.parse(text) as { items: Record<string, string>[] }).items.find((i) => i.id === hostileId)!;
        expect([item.title, item.summary]).toEqual([expectedTitle, cleanExcerpt]);
        expectContentHtml(item.content_html ?? "", path);
        continue;
      }
      const root = parseStrictXml(text, path);
      if (path.endsWith("feed.xml")) {
        const item = childElements(childElement(root, "", "channel")!, "", "item").find((i) => xmlText(childElement(i, "", "guid")) === hostileId)!;
        expect(xmlText(childElement(item, "", "title")), path).toBe(expectedTitle);
        // RSS description is entity-encoded HTML: decoded, it is the excerpt as text and no markup.
        expect(parseHtmlLayer(xmlText(childElement(item, "", "description"))), path).toEqual({ text: cleanExcerpt, elements: [] });
        expectContentHtml(xmlText(childElement(item, NS.content, "encoded")), path);
        expect(new Set(descendants(item).map((n) => n.name)), path).toEqual(new Set(["item", "title", "link", "guid", "pubDate", "description", "content:encoded", "dc:creator", "category", "media:content"]));
      } else {
        const entry = childElements(root, NS.atom, "entry").find((e) => xmlText(childElement(e, NS.atom, "id")) === hostileId)!;
        expect(attr(childElement(entry, NS.atom, "title"), "type")).toBe("html");
        expect(parseHtmlLayer(xmlText(childElement(entry, NS.atom, "title"))), path).toEqual({ text: expectedTitle, elements: [] });
        expect(attr(childElement(entry, NS.atom, "summary"), "type")).toBe("html");
        expect(parseHtmlLayer(xmlText(childElement(entry, NS.atom, "summary"))), path).toEqual({ text: cleanExcerpt, elements: [] });
        expectContentHtml(xmlText(childElement(entry, NS.atom, "content")), path);
        expect(new Set(descendants(entry).map((n) => n.name)), path).toEqual(new Set(["entry", "id", "title", "link", "published", "updated", "author", "name", "uri", "category", "summary", "content", "media:content"]));
      }
      const theirs = parseFeed(text).items.find((i) => i.url === hostileId);
      expect(theirs?.title, path).toBe(expectedTitle);
      expect(theirs?.description, path).toBe(cleanExcerpt);
    }
  });
});

/** `content:encoded`, Atom `content` and `content_html`: the excerpt as text in a paragraph, then a link to the original; nothing else. */
function expectContentHtml(markup: string, where: string): void {
  expect(parseHtmlLayer(markup).elements, where).toEqual(["p", "p", "a"]);
  expect(parseHtmlLayer(markup.slice(0, markup.indexOf("</p>") + "</p>".length)).text, where).toBe(cleanExcerpt);
}

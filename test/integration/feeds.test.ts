import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parseAtomFeed, parseJsonFeed as feedsmithJsonFeed, parseOpml, parseRssFeed } from "feedsmith";
import { parseDocument } from "htmlparser2";
import { isTag, type ChildNode } from "domhandler";
import { textContent } from "domutils";
import { buildFixture, type FixtureBuild } from "../helpers/build-fixture.js";
import { articleFile, articlePageUrl } from "../helpers/article-file.js";
import { parseHtml } from "../helpers/html.js";
import { canonicalUrlKey } from "../../src/article/canonical-url.js";
import { NS, childElement, childElements, descendants, parseHtmlLayer, parseStrictXml, xmlText, type XmlNode } from "../helpers/strict-xml.js";

const SITE_TITLE = "Feed Fixture";
const BASE = "https://digest.example.org/news/";
/** RFC 4151 prefix every item id is minted under: the site's host and a fixed date. */
const TAG = "tag:digest.example.org,2026:";
const FEED_SIZE = 3;
const HUB = "https://hub.example.org/";
const SITE_ICON = `${BASE}assets/news-digest-icon.svg`;
const HARBOR_LOGO = "https://images.example.net/harbor-ledger-logo.png";
const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface Outlet {
  name: string;
  domain: string;
  images: { url: string; width: number; height: number }[];
}

// Harbor Ledger has a logo, which its feeds must use; the others fall back to the site icon.
// Northwind's name carries `<`, `>` and `&`, which RSS plain-text fields must write as hexadecimal references.
const outlets = {
  harbor: { name: "Harbor Ledger", domain: "harbor-ledger.example.com", images: [{ url: HARBOR_LOGO, width: 120, height: 120 }] },
  northwind: { name: "Northwind <Wire> & Co", domain: "northwind.example.org", images: [] },
  cafe: { name: "Café Press", domain: "cafe-press.example.net", images: [] },
} satisfies Record<string, Outlet>;

interface FixtureArticle {
  title: string;
  excerpt?: string;
  publishedDateTime: string;
  outlet: keyof typeof outlets;
  topics: string[];
  published?: boolean;
  /** The source URL the file gives, when not https://<domain>/story/<index>. */
  originalUrl?: string;
  /** Index of another fixture article this one lists in `related`: the two are then one story. */
  relatedTo?: number;
}

const hostileTitle = `]]> </title> <script>alert(1)</script> <img src=x onerror=alert(1)> & "quoted" 'single' \u0001\u0008 end`;
const hostileExcerpt = `line one\nline two <img src=x onerror=alert(1)> <b>bold</b> ]]> </description> & &amp; "q" 'a' \u0001 <script>alert(2)</script> end`;

// Offsets on purpose: every feed date must be the article's instant, whatever zone it was written in.
const fixture: FixtureArticle[] = [
  { title: "Rates hold steady", publishedDateTime: "2026-03-01T08:00:00Z", outlet: "harbor", topics: ["Markets", "C++"] },
  { title: "Compiler release lands", publishedDateTime: "2026-03-01T12:30:00+02:00", outlet: "northwind", topics: ["C++", "C", "R&D"] },
  { title: "Kernel patches merged", publishedDateTime: "2026-03-02T09:15:00-05:00", outlet: "cafe", topics: ["C", "C#"] },
  { title: hostileTitle, excerpt: hostileExcerpt, publishedDateTime: "2026-03-02T23:59:59Z", outlet: "harbor", topics: ["C#", "Machine Learning"] },
  { title: "Model weights published", publishedDateTime: "2026-03-03T00:00:00+09:00", outlet: "northwind", topics: ["Machine Learning", "Real-Time"] },
  // The id comes from the canonical URL: no `www.`, no tracking parameters, no trailing slash.
  { title: "Streaming stack rewritten", publishedDateTime: "2026-03-03T10:00:00Z", outlet: "cafe", topics: ["Real-Time", "人工智能"], originalUrl: "https://www.cafe-press.example.net/story/5/?utm_source=feed&ref=home" },
  { title: "Chip exports tighten", publishedDateTime: "2026-03-04T10:00:00Z", outlet: "harbor", topics: ["人工智能", "🚀"] },
  { title: "Launch window opens", publishedDateTime: "2026-03-05T10:00:00Z", outlet: "northwind", topics: ["🚀", "Markets"] },
  // Four topics: its page announces the feeds of the first three only.
  { title: "Language survey results", publishedDateTime: "2026-03-06T10:00:00Z", outlet: "cafe", topics: ["C++", "C", "C#", "R&D"] },
  { title: "Quarterly results beat", publishedDateTime: "2026-03-07T10:00:00Z", outlet: "harbor", topics: ["Markets"] },
  // Lists "Quarterly results beat" as related coverage: one story of two outlets, so the stories feeds hold 11 items.
  { title: "Trading halt lifted", publishedDateTime: "2026-03-08T10:00:00Z", outlet: "northwind", topics: ["Markets", "Machine Learning"], relatedTo: 9 },
  { title: "Satellite data released", publishedDateTime: "2026-03-09T10:00:00+01:00", outlet: "cafe", topics: ["🚀", "Real-Time"] },
  { title: "Embargoed draft story", publishedDateTime: "2026-03-10T10:00:00Z", outlet: "harbor", topics: ["Markets", "Embargo"], published: false },
];

const hex = (value: string, length: number): string => createHash("sha1").update(value).digest("hex").slice(0, length);

/**
 * Each topic's folder, spelt out from the rule: a case-folded key of ASCII letters and digits
 * separated by single spaces (a hyphen counts as a space) keeps its plain slug; any other key gets
 * 6 hex digits of itself; a name with no Latin letter is `x-` and 8 hex digits.
 */
const TOPIC_FOLDERS: Record<string, string> = {
  Markets: "/topics/markets/",
  C: "/topics/c/",
  "Machine Learning": "/topics/machine-learning/",
  "Real-Time": "/topics/real-time/",
  "C++": `/topics/c-plus-plus-${hex("c++", 6)}/`,
  "C#": `/topics/c-sharp-${hex("c#", 6)}/`,
  "R&D": `/topics/r-and-d-${hex("r&d", 6)}/`,
  "人工智能": `/topics/x-${hex("人工智能", 8)}/`,
  "🚀": `/topics/x-${hex("🚀", 8)}/`,
};

/** The title as the core keeps it: characters XML forbids removed, whitespace folded. */
const cleanTitle = (title: string): string => title.replace(/[\u0001\u0008]/g, "").replace(/\s+/g, " ").trim();
const cleanExcerpt = hostileExcerpt.replace(/\u0001/g, "");
const instantOf = (a: FixtureArticle): string => new Date(a.publishedDateTime).toISOString();
const sourceUrlOf = (a: FixtureArticle, index: number): string => a.originalUrl ?? `https://${outlets[a.outlet].domain}/story/${index}`;
const imageOf = (index: number): { url: string; width: number; height: number } => ({ url: `https://images.example.net/lead-${index}.jpg`, width: 1200, height: 600 + index });
const excerptOf = (a: FixtureArticle, index: number): string => a.excerpt ?? `What happened in story ${index}, in two sentences.`;

const files = Object.fromEntries(
  fixture.map((a, i) => {
    const related = a.relatedTo === undefined ? undefined : fixture[a.relatedTo]!;
    return [
      `a${String(i).padStart(2, "0")}.md`,
      articleFile({
        title: a.title,
        excerpt: excerptOf(a, i),
        publishedDateTime: a.publishedDateTime,
        originalUrl: sourceUrlOf(a, i),
        webUrl: undefined,
        provider: outlets[a.outlet],
        topics: a.topics,
        images: [{ ...imageOf(i), isCached: true }],
        published: a.published ?? true,
        related: related ? [{ title: related.title, publishedDateTime: related.publishedDateTime, originalUrl: sourceUrlOf(related, a.relatedTo!), provider: outlets[related.outlet] }] : [],
      }),
    ];
  }),
);

// ---------------------------------------------------------------------------------------------
// What the feeds must say, computed from the fixture alone.

interface CoverageLink {
  outlet: string;
  href: string;
}

/** One item as every format must carry it: an article, or (in the stories feeds) a story told by its lead article. */
interface ExpectedEntry {
  id: string;
  /** Absolute URL of the item's page on the site. */
  link: string;
  title: string;
  excerpt: string;
  published: string;
  updated: string;
  outlet: Outlet;
  original: string;
  /** Topic labels, in the article's order. */
  topics: string[];
  image: { url: string; width: number; height: number };
  coverage: CoverageLink[];
  storyId: string;
  outletCount: number;
}

interface ExpectedArticle extends ExpectedEntry {
  index: number;
  /** Site path of the article's page. */
  page: string;
  /** Canonical source URL key. */
  key: string;
}

const publishedIndices = fixture.flatMap((a, i) => (a.published === false ? [] : [i]));

/** Story groups: fixture indices joined by `relatedTo`. */
const groupOf = new Map<number, number[]>(publishedIndices.map((i) => [i, [i]]));
for (const i of publishedIndices) {
  const other = fixture[i]!.relatedTo;
  if (other === undefined) continue;
  const merged = [...new Set([...groupOf.get(i)!, ...groupOf.get(other)!])];
  for (const member of merged) groupOf.set(member, merged);
}
const newestFirst = <T extends { published: string }>(entries: T[]): T[] => [...entries].sort((a, b) => b.published.localeCompare(a.published));

const articles: ExpectedArticle[] = publishedIndices.map((index) => {
  const a = fixture[index]!;
  const original = sourceUrlOf(a, index);
  const key = canonicalUrlKey(original);
  const page = articlePageUrl({ title: cleanTitle(a.title), originalUrl: original, publishedDateTime: a.publishedDateTime });
  const group = groupOf.get(index)!;
  const earliest = [...group].sort((x, y) => instantOf(fixture[x]!).localeCompare(instantOf(fixture[y]!)))[0]!;
  return {
    index,
    page,
    key,
    id: `${TAG}${key.replace(/^https:\/\//, "")}`,
    link: `${BASE}${page.slice(1)}`,
    title: cleanTitle(a.title),
    excerpt: a.excerpt ? cleanExcerpt : excerptOf(a, index),
    published: instantOf(a),
    updated: instantOf(a),
    outlet: outlets[a.outlet],
    original,
    topics: a.topics,
    image: imageOf(index),
    coverage: [],
    storyId: `s${hex(canonicalUrlKey(sourceUrlOf(fixture[earliest]!, earliest)), 12)}`,
    outletCount: new Set(group.map((i) => fixture[i]!.outlet)).size,
  };
});
const articleByIndex = new Map(articles.map((a) => [a.index, a]));
for (const article of articles) {
  // The story's other outlets, newest first, each linking to its article on this site.
  article.coverage = newestFirst(groupOf.get(article.index)!.map((i) => articleByIndex.get(i)!))
    .filter((other) => other.outlet !== article.outlet)
    .map((other) => ({ outlet: other.outlet.name, href: other.link }));
}

/** Every story once: its lead is the earliest member (all fixture articles score alike, and ties keep the first), its date the first member's, updated the newest's. */
const stories: ExpectedEntry[] = [...new Set(groupOf.values())].map((group) => {
  const members = newestFirst(group.map((i) => articleByIndex.get(i)!));
  const lead = members[members.length - 1]!;
  return {
    ...lead,
    id: `${TAG}story:${lead.storyId}`,
    published: members[members.length - 1]!.published,
    updated: members[0]!.published,
  };
});
const entryById = new Map<string, ExpectedEntry>([...articles, ...stories].map((e) => [e.id, e]));

type Format = "rss" | "atom" | "json";
const FORMATS = ["rss", "atom", "json"] as const;
const FORMAT_FILES: Record<Format, string> = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" };
const MEDIA_TYPES: Record<Format, string> = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" };

interface Scope {
  kind: "site" | "stories" | "provider" | "topic";
  label: string;
  title: string;
  /** Site path of the page the feeds mirror. */
  home: string;
  /** Site paths of the three head feeds. */
  heads: Record<Format, string>;
  /** Folder the archives live under (`<archiveBase>archive/N/feed.xml`). */
  archiveBase: string;
  /** Newest first. */
  members: ExpectedEntry[];
  logo: string;
}

const headsIn = (folder: string): Record<Format, string> => ({ rss: `${folder}${FORMAT_FILES.rss}`, atom: `${folder}${FORMAT_FILES.atom}`, json: `${folder}${FORMAT_FILES.json}` });
const publishedTopics = [...new Set(articles.flatMap((a) => a.topics))];

const scopes: Scope[] = [
  { kind: "site", label: "", title: SITE_TITLE, home: "/", heads: headsIn("/"), archiveBase: "/", members: newestFirst(articles), logo: SITE_ICON },
  { kind: "stories", label: "", title: `Stories — ${SITE_TITLE}`, home: "/", heads: { rss: "/stories.xml", atom: "/stories.atom", json: "/stories.json" }, archiveBase: "/stories/", members: newestFirst(stories), logo: SITE_ICON },
  ...Object.values(outlets).map((outlet): Scope => {
    const folder = `/providers/${outlet.domain}/`;
    return { kind: "provider", label: outlet.name, title: `${outlet.name} — ${SITE_TITLE}`, home: folder, heads: headsIn(folder), archiveBase: folder, members: newestFirst(articles.filter((a) => a.outlet === outlet)), logo: outlet.images[0]?.url ?? SITE_ICON };
  }),
  ...publishedTopics.map((topic): Scope => {
    const folder = TOPIC_FOLDERS[topic]!;
    return { kind: "topic", label: topic, title: `${topic} — ${SITE_TITLE}`, home: folder, heads: headsIn(folder), archiveBase: folder, members: newestFirst(articles.filter((a) => a.topics.includes(topic))), logo: SITE_ICON };
  }),
];

const archivePath = (scope: Scope, format: Format, n: number): string => `${scope.archiveBase}archive/${n}/${FORMAT_FILES[format]}`;
/** A feed file's scope and document number (0 = head), from its path. */
function locate(path: string): { scope: Scope; archive: number; format: Format } | undefined {
  for (const scope of scopes) {
    for (const format of FORMATS) {
      if (path === scope.heads[format]) return { scope, archive: 0, format };
      const match = path.startsWith(`${scope.archiveBase}archive/`) ? /^archive\/(\d+)\/(feed\.xml|atom\.xml|feed\.json)$/.exec(path.slice(scope.archiveBase.length)) : null;
      if (match && match[2] === FORMAT_FILES[format]) return { scope, archive: Number(match[1]), format };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Each format read into one shape, with the format's own rules asserted on the way.

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EMPTY_FEED_DATE = "1970-01-01T00:00:00.000Z";
const FEED_FILE = /(^|\/)(feed\.xml|atom\.xml|feed\.json)$|^\/stories\.(xml|atom|json)$/;

interface ParsedItem {
  id: string;
  /** The item's page on the site (RSS link, Atom rel=alternate, JSON url). */
  link: string;
  title: string;
  /** The excerpt, as text. */
  summary: string;
  contentHtml: string;
  published: string;
  /** Atom updated, JSON date_modified (else date_published); RSS has no such field. */
  updated?: string;
  outlet: string;
  /** Atom author uri, JSON authors[0].url. */
  outletUrl?: string;
  /** Atom rel=related, JSON external_url. */
  original?: string;
  categories: string[];
  /** RSS category domain, Atom category scheme. */
  categoryUrls?: string[];
  image?: { url: string; width: string; height: string };
  /** JSON Feed `_news_digest`. */
  extension?: Record<string, unknown>;
}

/** One feed file reduced to what the cross-format checks compare. */
interface ParsedFeed {
  path: string;
  format: Format;
  title: string;
  description: string;
  self: string;
  home: string;
  /** RSS lastBuildDate, Atom updated; JSON Feed has no feed date. */
  updated?: string;
  items: ParsedItem[];
  /** Every URL on this site the file points to: items, categories, archives, self, home, icons, coverage links. */
  siteLinks: string[];
  older?: string;
  newer?: string;
  current?: string;
  /** fh:archive (RSS, Atom); JSON Feed has no marker. */
  isArchive?: boolean;
  icon: string;
  logo: string;
  hub?: string;
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

/** Asserts every namespaced element and attribute uses one of the namespaces the format declares. */
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

/** Asserts a node's children are of the named kinds, each at most once unless listed as repeatable. */
function expectChildren(node: XmlNode, allowed: string[], repeatable: string[], where: string): void {
  const names = node.children.flatMap((c) => (typeof c === "string" ? [] : [c.name]));
  for (const name of names) expect(allowed, `${where}: <${name}>`).toContain(name);
  for (const name of new Set(names)) if (!repeatable.includes(name)) expect(names.filter((n) => n === name).length, `${where}: <${name}> repeated`).toBe(1);
}

/** Links on this site inside item content (the coverage list), which must open built files too. */
function contentSiteLinks(markup: string): string[] {
  const urls: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      for (const name of ["href", "src"]) {
        const value = node.attribs[name];
        if (value?.startsWith(BASE)) urls.push(value);
      }
      walk(node.children);
    }
  };
  walk(parseDocument(markup).children);
  return urls;
}

/** Media RSS: the full image and a thumbnail of it, both sized. */
function mediaOf(parent: XmlNode, where: string): ParsedItem["image"] {
  const content = childElements(parent, NS.media, "content");
  const thumbnail = childElements(parent, NS.media, "thumbnail");
  expect([content.length, thumbnail.length], `${where} media`).toEqual([1, 1]);
  expect(attr(content[0], "medium"), where).toBe("image");
  const image = { url: attr(content[0], "url"), width: attr(content[0], "width"), height: attr(content[0], "height") };
  expect({ url: attr(thumbnail[0], "url"), width: attr(thumbnail[0], "width"), height: attr(thumbnail[0], "height") }, `${where} thumbnail`).toEqual(image);
  return image;
}

function parseRss(path: string, text: string): ParsedFeed {
  const root = parseStrictXml(text, path);
  expect([root.name, attr(root, "version")]).toEqual(["rss", "2.0"]);
  expect(root.declares).toMatchObject({ atom: NS.atom, content: NS.content, dc: NS.dc, media: NS.media, fh: NS.fh });
  expectDeclaredNamespaces(root, Object.values(NS));
  const channels = childElements(root, "", "channel");
  expect(channels).toHaveLength(1);
  const channel = channels[0]!;
  expectChildren(channel, ["title", "link", "description", "language", "lastBuildDate", "generator", "image", "atom:link", "fh:archive", "item"], ["atom:link", "item"], `${path} channel`);
  for (const required of ["title", "link", "description"]) expect(xmlText(childElement(channel, "", required)).trim(), `${path} channel ${required}`).not.toBe("");
  expect(xmlText(childElement(channel, "", "language"))).toBe("en");
  const title = xmlText(childElement(channel, "", "title"));
  const home = xmlText(childElement(channel, "", "link"));
  // RSS 2.0: the image's title and link should be the channel's, so readers can show it as the channel.
  const image = childElement(channel, "", "image");
  expect(image, `${path} image`).toBeDefined();
  expectChildren(image!, ["url", "title", "link"], [], `${path} image`);
  expect([xmlText(childElement(image!, "", "title")), xmlText(childElement(image!, "", "link"))], `${path} image`).toEqual([title, home]);
  const logo = xmlText(childElement(image!, "", "url"));
  const atomLinks = childElements(channel, NS.atom, "link");
  for (const link of atomLinks) if (attr(link, "rel") !== "hub") expect(attr(link, "type"), `${path} atom:link ${attr(link, "rel")}`).toBe(MEDIA_TYPES.rss);
  const items = childElements(channel, "", "item").map((item): ParsedItem => {
    const where = `${path} item ${xmlText(childElement(item, "", "guid"))}`;
    expectChildren(item, ["title", "link", "guid", "pubDate", "description", "content:encoded", "dc:creator", "category", "media:content", "media:thumbnail"], ["category"], where);
    const guid = childElement(item, "", "guid");
    // The id is not a URL to open: isPermaLink must say so.
    expect(attr(guid, "isPermaLink"), where).toBe("false");
    const pubDate = xmlText(childElement(item, "", "pubDate"));
    expect(pubDate, where).toMatch(RFC822);
    // RSS description is entity-encoded HTML: decoded, it is the excerpt as text and no markup.
    const description = parseHtmlLayer(xmlText(childElement(item, "", "description")));
    expect(description.elements, where).toEqual([]);
    const categories = childElements(item, "", "category");
    return {
      id: xmlText(guid),
      link: xmlText(childElement(item, "", "link")),
      title: xmlText(childElement(item, "", "title")),
      summary: description.text,
      contentHtml: xmlText(childElement(item, NS.content, "encoded")),
      published: new Date(pubDate).toISOString(),
      outlet: xmlText(childElement(item, NS.dc, "creator")),
      categories: categories.map((c) => xmlText(c)),
      categoryUrls: categories.map((c) => attr(c, "domain")),
      image: mediaOf(item, where),
    };
  });
  const lastBuildDate = xmlText(childElement(channel, "", "lastBuildDate"));
  expect(lastBuildDate).toMatch(RFC822);
  const self = linkByRel(atomLinks, "self") ?? "";
  const older = linkByRel(atomLinks, "prev-archive");
  const newer = linkByRel(atomLinks, "next-archive");
  const current = linkByRel(atomLinks, "current");
  const hub = linkByRel(atomLinks, "hub");
  return {
    path,
    format: "rss",
    title,
    description: xmlText(childElement(channel, "", "description")),
    self,
    home,
    updated: new Date(lastBuildDate).toISOString(),
    items,
    // The logo is not listed: an outlet's is on its own site (the site icon's is checked where logos are).
    siteLinks: [self, home, ...[older, newer, current].flatMap((u) => u ?? []), ...items.flatMap((i) => [i.link, ...(i.categoryUrls ?? []), ...contentSiteLinks(i.contentHtml)])],
    ...(older ? { older } : {}),
    ...(newer ? { newer } : {}),
    ...(current ? { current } : {}),
    ...(hub ? { hub } : {}),
    isArchive: childElement(channel, NS.fh, "archive") !== undefined,
    // RSS has one picture only.
    icon: logo,
    logo,
  };
}

/** An Atom text construct: titles, subtitles and summaries are plain text now (RFC 4287 §3.1.1.1). */
function atomText(node: XmlNode | undefined, where: string): string {
  expect(node, where).toBeDefined();
  expect(attr(node, "type"), `${where} type`).toBe("text");
  expect(node!.children.every((c) => typeof c === "string"), `${where} holds elements`).toBe(true);
  return xmlText(node);
}

function parseAtom(path: string, text: string): ParsedFeed {
  const root = parseStrictXml(text, path);
  expect([root.local, root.uri]).toEqual(["feed", NS.atom]);
  expect(root.declares).toMatchObject({ "": NS.atom, media: NS.media, fh: NS.fh });
  expectDeclaredNamespaces(root, [NS.atom, NS.media, NS.fh]);
  expectChildren(root, ["id", "title", "subtitle", "updated", "author", "generator", "icon", "logo", "link", "fh:archive", "entry"], ["link", "entry"], `${path} feed`);
  const id = xmlText(childElement(root, NS.atom, "id"));
  const updated = xmlText(childElement(root, NS.atom, "updated"));
  expect(updated).toMatch(RFC3339);
  const title = atomText(childElement(root, NS.atom, "title"), `${path} title`);
  expect(title.trim()).not.toBe("");
  const subtitle = childElement(root, NS.atom, "subtitle");
  const description = subtitle ? atomText(subtitle, `${path} subtitle`) : "";
  expect(xmlText(childElement(childElement(root, NS.atom, "author")!, NS.atom, "name")).trim()).not.toBe("");
  const links = childElements(root, NS.atom, "link");
  for (const link of links) if (!["hub", "alternate"].includes(attr(link, "rel"))) expect(attr(link, "type"), `${path} link ${attr(link, "rel")}`).toBe(MEDIA_TYPES.atom);
  const self = linkByRel(links, "self") ?? "";
  // RFC 4287 §4.2.6: the feed's id is a permanent IRI; ours is where the file is served.
  expect(id).toBe(self);
  const entries = childElements(root, NS.atom, "entry").map((entry): ParsedItem => {
    const entryId = xmlText(childElement(entry, NS.atom, "id"));
    const where = `${path} entry ${entryId}`;
    expectChildren(entry, ["id", "title", "link", "published", "updated", "author", "category", "summary", "content", "media:content", "media:thumbnail"], ["link", "category"], where);
    const entryLinks = childElements(entry, NS.atom, "link");
    expect(entryLinks.map((l) => [attr(l, "rel"), attr(l, "type")]), where).toEqual([
      ["alternate", "text/html"],
      ["related", "text/html"],
    ]);
    const entryPublished = xmlText(childElement(entry, NS.atom, "published"));
    expect(entryPublished, where).toMatch(RFC3339);
    const entryUpdated = xmlText(childElement(entry, NS.atom, "updated"));
    expect(entryUpdated, where).toMatch(RFC3339);
    const author = childElement(entry, NS.atom, "author")!;
    const content = childElement(entry, NS.atom, "content");
    expect(attr(content, "type"), where).toBe("html");
    const categories = childElements(entry, NS.atom, "category");
    for (const category of categories) expect(attr(category, "label"), where).toBe(attr(category, "term"));
    return {
      id: entryId,
      link: linkByRel(entryLinks, "alternate") ?? "",
      title: atomText(childElement(entry, NS.atom, "title"), `${where} title`),
      summary: atomText(childElement(entry, NS.atom, "summary"), `${where} summary`),
      contentHtml: xmlText(content),
      published: new Date(entryPublished).toISOString(),
      updated: new Date(entryUpdated).toISOString(),
      outlet: xmlText(childElement(author, NS.atom, "name")),
      outletUrl: xmlText(childElement(author, NS.atom, "uri")),
      original: linkByRel(entryLinks, "related") ?? "",
      categories: categories.map((c) => attr(c, "term")),
      categoryUrls: categories.map((c) => attr(c, "scheme")),
      image: mediaOf(entry, where),
    };
  });
  const home = linkByRel(links, "alternate") ?? "";
  const older = linkByRel(links, "prev-archive");
  const newer = linkByRel(links, "next-archive");
  const current = linkByRel(links, "current");
  const hub = linkByRel(links, "hub");
  const icon = xmlText(childElement(root, NS.atom, "icon"));
  const logo = xmlText(childElement(root, NS.atom, "logo"));
  return {
    path,
    format: "atom",
    title,
    description,
    self,
    home,
    updated: new Date(updated).toISOString(),
    items: entries,
    siteLinks: [self, home, icon, ...[older, newer, current].flatMap((u) => u ?? []), ...entries.flatMap((e) => [e.link, ...(e.categoryUrls ?? []), ...contentSiteLinks(e.contentHtml)])],
    ...(older ? { older } : {}),
    ...(newer ? { newer } : {}),
    ...(current ? { current } : {}),
    ...(hub ? { hub } : {}),
    isArchive: childElement(root, NS.fh, "archive") !== undefined,
    icon,
    logo,
  };
}

// JSON Feed 1.1 (jsonfeed.org/version/1.1): the keys it defines; any other key must start with `_`.
const JSON_FEED_KEYS = ["version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "author", "language", "expired", "hubs", "items"];
const JSON_ITEM_KEYS = ["id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "author", "tags", "language", "attachments"];
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const isAbsoluteUrl = (value: unknown): boolean => typeof value === "string" && URL.canParse(value) && /^https?:\/\//.test(value);

function expectJsonKeys(object: Json, known: string[], where: string): void {
  for (const [key, value] of Object.entries(object)) {
    if (known.includes(key)) continue;
    expect(key.startsWith("_"), `${where}: "${key}" is neither a JSON Feed 1.1 key nor an extension (_key)`).toBe(true);
    expect(isObject(value), `${where}: extension ${key} is an object`).toBe(true);
  }
}

function expectJsonAuthors(authors: unknown, where: string): void {
  expect(Array.isArray(authors) && authors.length > 0, `${where} authors`).toBe(true);
  for (const author of authors as unknown[]) {
    expect(isObject(author), `${where} author`).toBe(true);
    const fields = ["name", "url", "avatar"].filter((k) => (author as Json)[k] !== undefined);
    expect(fields.length, `${where}: an author has a name, url or avatar`).toBeGreaterThan(0);
    for (const k of fields) expect(typeof (author as Json)[k], `${where} author ${k}`).toBe("string");
    if ((author as Json).url !== undefined) expect(isAbsoluteUrl((author as Json).url), `${where} author url`).toBe(true);
  }
}

/** The JSON Feed 1.1 rules: required and typed fields of the feed and of every item. */
function expectJsonFeed11(feed: unknown, path: string): asserts feed is Json & { items: Json[] } {
  expect(isObject(feed), path).toBe(true);
  const f = feed as Json;
  expectJsonKeys(f, JSON_FEED_KEYS, path);
  expect(f.version, path).toBe(JSON_FEED_VERSION);
  expect(typeof f.title === "string" && f.title !== "", `${path} title`).toBe(true);
  for (const key of ["home_page_url", "feed_url", "next_url", "icon", "favicon"]) if (f[key] !== undefined) expect(isAbsoluteUrl(f[key]), `${path} ${key}`).toBe(true);
  for (const key of ["description", "user_comment", "language"]) if (f[key] !== undefined) expect(typeof f[key], `${path} ${key}`).toBe("string");
  if (f.expired !== undefined) expect(typeof f.expired, `${path} expired`).toBe("boolean");
  // `author` is 1.0's; a 1.1 feed uses `authors`.
  expect(f.author, `${path} author`).toBeUndefined();
  if (f.authors !== undefined) expectJsonAuthors(f.authors, path);
  if (f.hubs !== undefined) {
    expect(Array.isArray(f.hubs) && f.hubs.length > 0, `${path} hubs`).toBe(true);
    for (const hub of f.hubs as unknown[]) {
      expect(isObject(hub) && typeof hub.type === "string" && hub.type !== "" && isAbsoluteUrl(hub.url), `${path} hub ${JSON.stringify(hub)}`).toBe(true);
    }
  }
  if (f.next_url !== undefined) expect(f.next_url, `${path}: next_url must not be the feed itself`).not.toBe(f.feed_url);
  expect(Array.isArray(f.items), `${path} items`).toBe(true);
  for (const item of f.items as unknown[]) {
    expect(isObject(item), `${path} item`).toBe(true);
    const i = item as Json;
    const where = `${path} item ${String(i.id)}`;
    expectJsonKeys(i, JSON_ITEM_KEYS, where);
    expect(typeof i.id === "string" && i.id !== "", `${where} id`).toBe(true);
    expect(typeof i.content_html === "string" || typeof i.content_text === "string", `${where} content_html or content_text`).toBe(true);
    for (const key of ["content_html", "content_text", "title", "summary", "language"]) if (i[key] !== undefined) expect(typeof i[key], `${where} ${key}`).toBe("string");
    for (const key of ["url", "external_url", "image", "banner_image"]) if (i[key] !== undefined) expect(isAbsoluteUrl(i[key]), `${where} ${key}`).toBe(true);
    for (const key of ["date_published", "date_modified"]) if (i[key] !== undefined) expect(String(i[key]), `${where} ${key}`).toMatch(RFC3339);
    expect(i.author, `${where} author`).toBeUndefined();
    if (i.authors !== undefined) expectJsonAuthors(i.authors, where);
    if (i.tags !== undefined) expect(Array.isArray(i.tags) && (i.tags as unknown[]).every((t) => typeof t === "string"), `${where} tags`).toBe(true);
    if (i.attachments !== undefined) {
      for (const a of i.attachments as unknown[]) expect(isObject(a) && isAbsoluteUrl(a.url) && typeof a.mime_type === "string", `${where} attachment`).toBe(true);
    }
  }
}

function parseJsonFeed(path: string, text: string): ParsedFeed {
  const feed: unknown = JSON.parse(text);
  expectJsonFeed11(feed, path);
  // What this site promises beyond the rules: every item has its page, source, title, date, outlet and content.
  const items = feed.items.map((item): ParsedItem => {
    const where = `${path} item ${String(item.id)}`;
    for (const key of ["url", "external_url", "title", "summary", "content_html", "date_published", "image"]) expect(item[key], `${where} ${key}`).toBeDefined();
    const authors = item.authors as { name: string; url: string }[];
    expect(authors, where).toHaveLength(1);
    return {
      id: String(item.id),
      link: String(item.url),
      title: String(item.title),
      summary: String(item.summary),
      contentHtml: String(item.content_html),
      published: new Date(String(item.date_published)).toISOString(),
      updated: new Date(String(item.date_modified ?? item.date_published)).toISOString(),
      outlet: authors[0]!.name,
      outletUrl: authors[0]!.url,
      original: String(item.external_url),
      categories: (item.tags as string[] | undefined) ?? [],
      image: { url: String(item.image), width: "", height: "" },
      extension: item._news_digest as Record<string, unknown>,
    };
  });
  for (const key of ["home_page_url", "feed_url", "icon", "favicon", "description"]) expect(feed[key], `${path} ${key}`).toBeDefined();
  const older = typeof feed.next_url === "string" ? feed.next_url : undefined;
  const hubs = feed.hubs as { type: string; url: string }[] | undefined;
  if (hubs) expect(hubs.map((h) => h.type), path).toEqual(["WebSub"]);
  return {
    path,
    format: "json",
    title: String(feed.title),
    description: String(feed.description),
    self: String(feed.feed_url),
    home: String(feed.home_page_url),
    items,
    siteLinks: [String(feed.feed_url), String(feed.home_page_url), String(feed.favicon), ...(older ? [older] : []), ...items.flatMap((i) => [i.link, ...contentSiteLinks(i.contentHtml)])],
    ...(older ? { older } : {}),
    ...(hubs ? { hub: hubs[0]!.url } : {}),
    icon: String(feed.favicon),
    logo: String(feed.icon),
  };
}

const parseAny = (path: string, text: string, format: Format): ParsedFeed => (format === "rss" ? parseRss(path, text) : format === "atom" ? parseAtom(path, text) : parseJsonFeed(path, text));

/**
 * `content:encoded`, Atom `content` and `content_html`: the lead image, the excerpt, a link to the
 * original and, when other outlets covered the story, a list of them; no other element, and no
 * text outside those blocks.
 */
function expectContentHtml(markup: string, entry: ExpectedEntry, where: string): void {
  // Archived items leave the coverage out: it changes as outlets join, and archives never change.
  const coverage = /\/archive\/\d+\//.test(where) ? [] : entry.coverage;
  const layer = parseHtmlLayer(markup);
  expect(layer.elements, where).toEqual(["p", "img", "p", "p", "a", ...(coverage.length ? ["p", ...coverage.map(() => "a")] : [])]);
  const document = parseDocument(markup);
  const strayText = document.children.filter((n) => !isTag(n) && textContent(n).trim() !== "");
  expect(strayText, `${where} text outside blocks`).toEqual([]);
  const blocks = document.children.filter(isTag);
  const [imageBlock, excerptBlock, readBlock, coverageBlock] = blocks;
  const img = imageBlock!.children.find(isTag)!;
  expect(img.attribs, `${where} img`).toEqual({ src: entry.image.url, width: String(entry.image.width), height: String(entry.image.height), alt: "" });
  expect(textContent(imageBlock!), where).toBe("");
  expect(textContent(excerptBlock!), `${where} excerpt`).toBe(entry.excerpt);
  const read = readBlock!.children.find(isTag)!;
  expect([read.attribs, textContent(readBlock!)], `${where} read at`).toEqual([{ href: entry.original }, `Read at ${entry.outlet.name}`]);
  if (coverage.length === 0) {
    expect(blocks, where).toHaveLength(3);
    return;
  }
  expect(blocks, where).toHaveLength(4);
  // "Also covered by A, B." with each outlet's name linking to its article on this site.
  expect(textContent(coverageBlock!), `${where} coverage`).toBe(`Also covered by ${coverage.map((c) => c.outlet).join(", ")}.`);
  const links = coverageBlock!.children.filter(isTag).map((a) => ({ outlet: textContent(a), href: a.attribs.href }));
  expect(links, `${where} coverage links`).toEqual(coverage);
}

/** The raw text of an RSS element (no markup inside). */
const RAW_PLAIN_FIELD = /<(title|description|dc:creator)>([^<]*)<\/\1>|<category\b[^>]*>([^<]*)<\/category>/g;

// ---------------------------------------------------------------------------------------------

describe("every feed of a fixture site, stories feeds included, served under a path prefix", () => {
  let build: FixtureBuild;
  let written: Set<string>;
  let feedPaths: string[];
  const parsed = new Map<string, ParsedFeed>();

  const sitePathOf = (url: string): string | undefined => {
    if (!url.startsWith(BASE)) return undefined;
    const path = `/${decodeURI(url.slice(BASE.length).split(/[?#]/)[0] ?? "")}`;
    return path.endsWith("/") ? `${path}index.html` : path;
  };
  /** Each scope's documents: head first, then archives 1… (each in three formats). */
  const documentsOf = (scope: Scope): { archive: number; paths: Record<Format, string> }[] => {
    const numbers = new Set<number>();
    for (const path of feedPaths) {
      const at = locate(path);
      if (at?.scope === scope) numbers.add(at.archive);
    }
    return [...numbers].sort((a, b) => a - b).map((archive) => ({ archive, paths: Object.fromEntries(FORMATS.map((f) => [f, archive === 0 ? scope.heads[f] : archivePath(scope, f, archive)])) as Record<Format, string> }));
  };
  const feedsOf = (format: Format): ParsedFeed[] => [...parsed.values()].filter((f) => f.format === format);

  beforeAll(async () => {
    build = await buildFixture({ name: "feeds", files, options: { search: false, siteTitle: SITE_TITLE, feedSize: FEED_SIZE, websubHub: HUB }, pathPrefix: "/news/" });
    if (build.error) throw build.error;
    written = new Set(build.files());
    feedPaths = build.files().filter((f) => FEED_FILE.test(f)).sort();
    for (const path of feedPaths) {
      const at = locate(path);
      if (at) parsed.set(path, parseAny(path, build.read(path), at.format));
    }
  });

  it("knows the fixture: 12 published articles in 11 stories, one of them of two outlets", () => {
    expect(articles).toHaveLength(12);
    expect(stories).toHaveLength(11);
    expect(stories.filter((s) => s.outletCount === 2).map((s) => s.title)).toEqual(["Quarterly results beat"]);
    expect(articles.find((a) => a.index === 5)!.id).toBe("tag:digest.example.org,2026:cafe-press.example.net/story/5");
  });

  it("writes head feeds in three formats for the site, the stories, every outlet and every topic, and nothing else", () => {
    // Every feed file belongs to a scope the fixture has (no stray file, no unpublished topic).
    expect(feedPaths.filter((p) => !locate(p)), "feed files of no scope").toEqual([]);
    expect(scopes).toHaveLength(2 + Object.keys(outlets).length + 9);
    for (const scope of scopes) {
      for (const format of FORMATS) expect(written.has(scope.heads[format]), scope.heads[format]).toBe(true);
      expect(parsed.get(scope.heads.rss)!.title, scope.heads.rss).toBe(scope.title);
    }
    expect(["/stories.xml", "/stories.atom", "/stories.json"].every((p) => written.has(p))).toBe(true);
    expect(feedPaths.length).toBe(parsed.size);
  });

  it("keeps fixed-size RFC 5005 archives counted from the oldest: each complete, the head between feedSize and 2 × feedSize − 1 items", () => {
    for (const scope of scopes) {
      const documents = documentsOf(scope);
      const archives = documents.filter((d) => d.archive > 0);
      expect(documents[0]?.archive, `${scope.heads.rss} has a head`).toBe(0);
      // Archives are numbered 1… without gaps, and each exists in all three formats.
      expect(archives.map((d) => d.archive), scope.heads.rss).toEqual(archives.map((_, i) => i + 1));
      for (const document of documents) for (const format of FORMATS) expect(parsed.has(document.paths[format]), document.paths[format]).toBe(true);
      const oldestFirst = [...scope.members].reverse();
      for (const format of FORMATS) {
        const head = parsed.get(scope.heads[format])!;
        const total = scope.members.length;
        if (total >= FEED_SIZE) {
          expect(head.items.length, `${head.path} head size`).toBeGreaterThanOrEqual(FEED_SIZE);
          expect(head.items.length, `${head.path} head size`).toBeLessThanOrEqual(2 * FEED_SIZE - 1);
        } else {
          expect(head.items.length, head.path).toBe(total);
        }
        expect(head.items.length + archives.length * FEED_SIZE, head.path).toBe(total);
        if (format !== "json") expect(head.isArchive, head.path).toBe(false);
        for (const { archive, paths } of archives) {
          const feed = parsed.get(paths[format])!;
          if (format !== "json") expect(feed.isArchive, `${feed.path} fh:archive`).toBe(true);
          // Archive N holds the N-th oldest chunk of FEED_SIZE items, newest first like every document.
          expect(feed.items.map((i) => i.id), feed.path).toEqual(oldestFirst.slice((archive - 1) * FEED_SIZE, archive * FEED_SIZE).reverse().map((e) => e.id));
        }
        expect(head.items.map((i) => i.id), head.path).toEqual(scope.members.slice(0, head.items.length).map((e) => e.id));
      }
    }
    // 12 articles: three archives of three and a head of three; 11 stories: two archives and a head of five.
    expect(feedPaths.filter((p) => /^\/archive\/\d+\/feed\.xml$/.test(p))).toEqual(["/archive/1/feed.xml", "/archive/2/feed.xml", "/archive/3/feed.xml"]);
    expect(parsed.get("/feed.xml")!.items).toHaveLength(3);
    expect(feedPaths.filter((p) => p.startsWith("/stories/"))).toEqual(["/stories/archive/1/atom.xml", "/stories/archive/1/feed.json", "/stories/archive/1/feed.xml", "/stories/archive/2/atom.xml", "/stories/archive/2/feed.json", "/stories/archive/2/feed.xml"]);
    expect(parsed.get("/stories.xml")!.items).toHaveLength(5);
  });

  it("gives items tag: ids from the article's canonical source URL (stories: from the story id), never the page URL, and links to the built page", () => {
    const articleIds = new Set<string>();
    const storyIds = new Set<string>();
    for (const feed of parsed.values()) {
      const isStories = locate(feed.path)!.scope.kind === "stories";
      for (const item of feed.items) {
        const where = `${feed.path}: ${item.title}`;
        expect(item.id.startsWith(TAG), where).toBe(true);
        expect(item.id, where).not.toBe(item.link);
        if (isStories) {
          expect(item.id, where).toMatch(/^tag:digest\.example\.org,2026:story:s[0-9a-f]{12}$/);
          storyIds.add(item.id);
        } else {
          expect(item.id, where).not.toContain(":story:");
          articleIds.add(item.id);
        }
        const expected = entryById.get(item.id);
        expect(expected, `${where}: id ${item.id} is no fixture article's or story's`).toBeDefined();
        expect(item.link, where).toBe(expected!.link);
        // The page address: the article's UTC day, its headline and 10 hex digits of its canonical URL.
        const path = item.link.slice(BASE.length - 1);
        const article = articles.find((a) => a.link === item.link)!;
        expect(path, where).toMatch(new RegExp(`^/articles/${article.published.slice(0, 10)}-[a-z0-9-]+-${hex(article.key, 10)}/$`));
        expect(written.has(`${path}index.html`), `${where}: ${path}`).toBe(true);
      }
    }
    expect([...articleIds].sort()).toEqual(articles.map((a) => a.id).sort());
    expect([...storyIds].sort()).toEqual(stories.map((s) => s.id).sort());
    expect([...storyIds].filter((id) => articleIds.has(id))).toEqual([]);
  });

  it("gives unique ids within each feed, and the same items in the same order in RSS, Atom and JSON Feed", () => {
    for (const scope of scopes) {
      for (const { paths } of documentsOf(scope)) {
        const [rss, atom, json] = FORMATS.map((format) => parsed.get(paths[format])!);
        const where = paths.rss;
        expect(new Set(rss!.items.map((i) => i.id)).size, where).toBe(rss!.items.length);
        const common = (feed: ParsedFeed) => feed.items.map((i) => ({ id: i.id, link: i.link, title: i.title, summary: i.summary, contentHtml: i.contentHtml, published: i.published, outlet: i.outlet, categories: i.categories, image: i.image!.url }));
        expect(common(atom!), where).toEqual(common(rss!));
        expect(common(json!), where).toEqual(common(rss!));
        expect(atom!.items.map((i) => i.categoryUrls), where).toEqual(rss!.items.map((i) => i.categoryUrls));
        expect(atom!.items.map((i) => i.image), where).toEqual(rss!.items.map((i) => i.image));
        expect(json!.items.map((i) => [i.updated, i.outletUrl, i.original]), where).toEqual(atom!.items.map((i) => [i.updated, i.outletUrl, i.original]));
        // The same document: one title, description, home page and pictures in all three.
        for (const feed of [atom!, json!]) expect([feed.title, feed.description, feed.home, feed.logo], feed.path).toEqual([rss!.title, rss!.description, rss!.home, rss!.logo]);
        expect(json!.icon, where).toBe(atom!.icon);
      }
    }
  });

  it("describes every item as its article says, and a story as its lead article with the story's first date", () => {
    for (const feed of parsed.values()) {
      for (const item of feed.items) {
        const expected = entryById.get(item.id)!;
        const where = `${feed.path}: ${item.id}`;
        expect(item.title, where).toBe(expected.title);
        expect(item.published, where).toBe(expected.published);
        // An archived story keeps its first date: its latest changes as outlets join.
        if (item.updated !== undefined) expect(item.updated, where).toBe(/\/archive\/\d+\//.test(feed.path) ? expected.published : expected.updated);
        expect(item.summary, where).toBe(expected.excerpt);
        expect(item.outlet, where).toBe(expected.outlet.name);
        if (item.outletUrl !== undefined) expect(item.outletUrl, where).toBe(`https://${expected.outlet.domain}/`);
        if (item.original !== undefined) expect(item.original, where).toBe(expected.original);
        expect(item.categories, where).toEqual(expected.topics);
        if (item.categoryUrls) expect(item.categoryUrls, where).toEqual(expected.topics.map((t) => servedAt(TOPIC_FOLDERS[t]!)));
        expect(item.image!.url, where).toBe(expected.image.url);
        if (feed.format !== "json") expect([item.image!.width, item.image!.height], where).toEqual([String(expected.image.width), String(expected.image.height)]);
        expectContentHtml(item.contentHtml, expected, where);
      }
      // The feed's date is its newest item's, never the build's.
      if (feed.updated !== undefined) expect(feed.updated, feed.path).toBe(feed.items[0]?.published ?? EMPTY_FEED_DATE);
      expect([...feed.items].sort((a, b) => b.published.localeCompare(a.published)), `${feed.path} newest first`).toEqual(feed.items);
    }
    // The fixture reaches the optional parts: a coverage list, and a story updated after it began.
    const all = [...parsed.values()].flatMap((f) => f.items);
    expect(all.some((i) => entryById.get(i.id)!.coverage.length > 0)).toBe(true);
    expect(all.some((i) => i.updated !== undefined && i.updated !== i.published)).toBe(true);
  });

  it("adds the _news_digest extension to JSON Feed items, and date_modified only when a story changed after it began", () => {
    let modified = 0;
    for (const feed of feedsOf("json")) {
      const raw = (JSON.parse(build.read(feed.path)) as { items: Json[] }).items;
      for (const [n, item] of feed.items.entries()) {
        const expected = entryById.get(item.id)!;
        const where = `${feed.path}: ${item.id}`;
        // Every fixture article has quality 70 and heat 10 (articleFile's defaults).
        const archived = /\/archive\/\d+\//.test(feed.path);
        expect(item.extension, where).toEqual({ story_id: expected.storyId, ...(archived ? {} : { outlets: expected.outletCount }), quality: 70, heat: 10 });
        if (expected.updated === expected.published) expect(raw[n]!.date_modified, where).toBeUndefined();
        else {
          expect(raw[n]!.date_modified, where).toBe(expected.updated);
          modified++;
        }
      }
    }
    // The two-outlet story, in the stories head feed only.
    expect(modified).toBe(1);
    // Read off the files alone: each article's story_id names an item of the stories feeds, and that
    // story's item carries the same story_id.
    const storyItems = new Map(
      feedsOf("json")
        .filter((f) => locate(f.path)!.scope.kind === "stories")
        .flatMap((f) => f.items)
        .map((i) => [i.id, i] as const),
    );
    for (const item of feedsOf("json").filter((f) => locate(f.path)!.scope.kind === "site").flatMap((f) => f.items)) {
      const storyId = String(item.extension!.story_id);
      expect(storyItems.get(`${TAG}story:${storyId}`)?.extension?.story_id, item.id).toBe(storyId);
    }
  });

  it("puts the self link (Atom id, JSON feed_url) where the file is served, the home link on the scope's page, and RFC 5005 current/prev/next links between documents", () => {
    for (const scope of scopes) {
      const documents = documentsOf(scope);
      const newest = documents[documents.length - 1]!.archive;
      for (const { archive, paths } of documents) {
        for (const format of FORMATS) {
          const feed = parsed.get(paths[format])!;
          expect(feed.self, feed.path).toBe(servedAt(feed.path));
          expect(feed.home, feed.path).toBe(servedAt(scope.home));
          expect(feed.title, feed.path).toBe(archive === 0 ? scope.title : `${scope.title} (archive ${archive})`);
          expect(feed.description.trim(), feed.path).not.toBe("");
          const older = archive === 0 ? (newest > 0 ? newest : undefined) : archive > 1 ? archive - 1 : undefined;
          expect(feed.older, `${feed.path} older`).toBe(older === undefined ? undefined : servedAt(archivePath(scope, format, older)));
          if (format === "json") continue;
          expect(feed.current, `${feed.path} current`).toBe(archive === 0 ? undefined : servedAt(scope.heads[format]));
          // No next-archive (RFC 5005 makes it optional): it would rewrite the newest archive the day a
          // newer one is cut, and archives never change once written. rel="current" leads back to the head.
          expect(feed.newer, `${feed.path} next-archive`).toBeUndefined();
        }
      }
    }
  });

  it("makes every item, category, archive, self, home, icon and coverage link absolute under the site URL and prefix, opening a built file", () => {
    for (const feed of parsed.values()) {
      for (const url of feed.siteLinks) {
        expect(url.startsWith(BASE), `${feed.path}: ${url}`).toBe(true);
        expect(written.has(sitePathOf(url) ?? ""), `${feed.path}: ${url}`).toBe(true);
      }
    }
  });

  it("reaches every item of each scope exactly once by following prev-archive (RSS, Atom) and next_url (JSON Feed) from the head", () => {
    for (const scope of scopes) {
      for (const format of FORMATS) {
        const ids: string[] = [];
        const visited = new Set<string>();
        let url: string | undefined = servedAt(scope.heads[format]);
        while (url) {
          const path = sitePathOf(url)!;
          expect(visited.has(path), `${format} chain loops at ${path}`).toBe(false);
          visited.add(path);
          const feed = parsed.get(path);
          expect(feed, path).toBeDefined();
          expect(feed!.format).toBe(format);
          ids.push(...feed!.items.map((i) => i.id));
          url = feed!.older;
        }
        expect(ids, `${scope.heads[format]}`).toEqual(scope.members.map((e) => e.id));
        // The chain visits every document of the scope: no archive page is orphaned.
        expect([...visited].sort(), scope.heads[format]).toEqual(documentsOf(scope).map((d) => d.paths[format]).sort());
      }
    }
  });

  it("lists the stories feeds' stories once each, under ids distinct from the articles'", () => {
    const scope = scopes.find((s) => s.kind === "stories")!;
    for (const format of FORMATS) {
      const ids = documentsOf(scope).flatMap((d) => parsed.get(d.paths[format])!.items.map((i) => i.id));
      expect(ids.length, format).toBe(stories.length);
      expect(new Set(ids).size, format).toBe(stories.length);
      // The two articles of one story appear once, as the older one (equal scores keep the first lead), dated as the older.
      const merged = documentsOf(scope).flatMap((d) => parsed.get(d.paths[format])!.items).find((i) => i.title === "Quarterly results beat");
      expect(merged?.published, format).toBe(instantOf(fixture[9]!));
      expect(documentsOf(scope).flatMap((d) => parsed.get(d.paths[format])!.items).some((i) => i.title === "Trading halt lifted"), format).toBe(false);
    }
  });

  it("uses the site icon, and an outlet's logo in its own feeds (RSS image, Atom logo, JSON icon)", () => {
    expect(written.has("/assets/news-digest-icon.svg")).toBe(true);
    expect(build.read("/assets/news-digest-icon.svg")).toMatch(/<svg[\s>]/);
    for (const feed of parsed.values()) {
      const scope = locate(feed.path)!.scope;
      expect(feed.logo, feed.path).toBe(scope.logo);
      if (feed.format !== "rss") expect(feed.icon, feed.path).toBe(SITE_ICON);
    }
    // Spelt out for the outlet with a logo: RSS <image><url>, Atom <logo> (its <icon> stays the site's), JSON icon.
    const harbor = "/providers/harbor-ledger.example.com/";
    expect(build.read(`${harbor}feed.xml`)).toContain(`<image><url>${HARBOR_LOGO}</url>`);
    expect(build.read(`${harbor}atom.xml`)).toContain(`<icon>${SITE_ICON}</icon><logo>${HARBOR_LOGO}</logo>`);
    expect(JSON.parse(build.read(`${harbor}feed.json`))).toMatchObject({ icon: HARBOR_LOGO, favicon: SITE_ICON });
    const home = parseHtml(build.read("/"));
    expect(new URL(home.attr(home.one('link[rel="icon"]'), "href") ?? "", BASE).href).toBe(SITE_ICON);
  });

  it("announces the WebSub hub in head feeds only (RSS atom:link, Atom link, JSON hubs), never in archives", () => {
    for (const feed of parsed.values()) {
      const { archive } = locate(feed.path)!;
      expect(feed.hub, feed.path).toBe(archive === 0 ? HUB : undefined);
    }
    expect(build.read("/feed.xml")).toContain(`<atom:link href="${HUB}" rel="hub"/>`);
    expect(build.read("/stories.atom")).toContain(`<link rel="hub" href="${HUB}"/>`);
    expect((JSON.parse(build.read("/stories.json")) as Json).hubs).toEqual([{ type: "WebSub", url: HUB }]);
    for (const path of feedPaths.filter((p) => p.includes("/archive/"))) expect(build.read(path), path).not.toMatch(/rel="hub"|"hubs"/);
  });

  it("parses every RSS and Atom file, stories included, with @rowanmanning/feed-parser, agreeing on titles, links, ids, dates, outlets and categories", () => {
    for (const feed of [...feedsOf("rss"), ...feedsOf("atom")]) {
      const theirs = parseFeed(build.read(feed.path));
      const where = feed.path;
      expect([theirs.title, theirs.url, theirs.self, theirs.description], where).toEqual([feed.title, feed.home, feed.self, feed.description]);
      expect(theirs.updated?.toISOString(), where).toBe(feed.updated);
      expect(theirs.image?.url, where).toBe(feed.logo);
      expect(theirs.items.map((i) => i.id), where).toEqual(feed.items.map((i) => i.id));
      expect(theirs.items.map((i) => i.url), where).toEqual(feed.items.map((i) => i.link));
      expect(theirs.items.map((i) => i.title), where).toEqual(feed.items.map((i) => i.title));
      expect(theirs.items.map((i) => i.published?.toISOString()), where).toEqual(feed.items.map((i) => i.published));
      if (feed.format === "atom") expect(theirs.items.map((i) => i.updated?.toISOString()), where).toEqual(feed.items.map((i) => i.updated));
      expect(theirs.items.map((i) => i.authors.map((a) => a.name)), where).toEqual(feed.items.map((i) => [i.outlet]));
      expect(theirs.items.map((i) => i.categories.map((c) => [c.label, c.url])), where).toEqual(feed.items.map((i) => i.categories.map((label, n) => [label, i.categoryUrls![n]])));
      expect(theirs.items.map((i) => i.image?.url), where).toEqual(feed.items.map((i) => i.image!.url));
      // Not `content`: this parser decodes the HTML's own entities too ("&lt;Wire&gt;" comes out "<Wire>");
      // feedsmith, below, checks content verbatim.
      for (const [n, item] of feed.items.entries()) {
        // @rowanmanning/feed-parser decodes entities in an Atom type="text" construct a second time,
        // so a literal "&amp;" in a summary comes out "&": that is the parser's quirk, not the feed's
        // (the strict XML reading and feedsmith both read it verbatim). RSS is read correctly.
        if (feed.format === "atom" && /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(item.summary)) continue;
        expect(theirs.items[n]!.description, `${where}: ${item.id}`).toBe(item.summary);
      }
    }
  });

  it("parses every RSS, Atom and JSON Feed file, stories included, with feedsmith, agreeing on titles, links, ids, dates and text", () => {
    const iso = (value: string | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());
    for (const feed of feedsOf("rss")) {
      const theirs = parseRssFeed(build.read(feed.path));
      const where = feed.path;
      expect([theirs.title, theirs.link, theirs.description, iso(theirs.lastBuildDate), theirs.image?.url], where).toEqual([feed.title, feed.home, feed.description, feed.updated, feed.logo]);
      const items = theirs.items ?? [];
      expect(items.map((i) => [i.guid?.value, i.guid?.isPermaLink]), where).toEqual(feed.items.map((i) => [i.id, false]));
      expect(items.map((i) => [i.link, i.title, iso(i.pubDate)]), where).toEqual(feed.items.map((i) => [i.link, i.title, i.published]));
      // description is HTML: decoded, its text is the excerpt.
      expect(items.map((i) => parseHtmlLayer(i.description ?? "")), where).toEqual(feed.items.map((i) => ({ text: i.summary, elements: [] })));
      expect(items.map((i) => [i.content?.encoded, i.dc?.creators, i.categories?.map((c) => [c.name, c.domain])]), where).toEqual(feed.items.map((i) => [i.contentHtml, [i.outlet], i.categories.map((label, n) => [label, i.categoryUrls![n]])]));
      expect(items.map((i) => [i.media?.contents?.[0]?.url, i.media?.thumbnails?.[0]?.url]), where).toEqual(feed.items.map((i) => [i.image!.url, i.image!.url]));
      expect(theirs.atom?.links?.find((l) => l.rel === "self")?.href, where).toBe(feed.self);
    }
    for (const feed of feedsOf("atom")) {
      const theirs = parseAtomFeed(build.read(feed.path));
      const where = feed.path;
      expect([theirs.id, theirs.title?.value, theirs.subtitle?.value, iso(theirs.updated), theirs.icon, theirs.logo], where).toEqual([feed.self, feed.title, feed.description, feed.updated, feed.icon, feed.logo]);
      const entries = theirs.entries ?? [];
      expect(
        entries.map((e) => [e.id, e.links?.find((l) => l.rel === "alternate")?.href, e.title?.value, e.title?.type, e.summary?.value, e.summary?.type, e.content?.value, e.content?.type, iso(e.published), iso(e.updated)]),
        where,
      ).toEqual(feed.items.map((i) => [i.id, i.link, i.title, "text", i.summary, "text", i.contentHtml, "html", i.published, i.updated]));
      expect(entries.map((e) => [e.authors?.map((a) => a.name), e.categories?.map((c) => [c.term, c.scheme])]), where).toEqual(feed.items.map((i) => [[i.outlet], i.categories.map((label, n) => [label, i.categoryUrls![n]])]));
    }
    for (const feed of feedsOf("json")) {
      const theirs = feedsmithJsonFeed(JSON.parse(build.read(feed.path)));
      const where = feed.path;
      expect([theirs.title, theirs.home_page_url, theirs.feed_url, theirs.next_url, theirs.icon, theirs.favicon], where).toEqual([feed.title, feed.home, feed.self, feed.older, feed.logo, feed.icon]);
      expect(
        (theirs.items ?? []).map((i) => [i.id, i.url, i.title, i.summary, i.content_html, iso(i.date_published), iso(i.date_modified ?? i.date_published), i.tags ?? []]),
        where,
      ).toEqual(feed.items.map((i) => [i.id, i.link, i.title, i.summary, i.contentHtml, i.published, i.updated, i.categories]));
    }
  });

  it("never puts an unpublished article, or a topic only it has, in any feed or the OPML list", () => {
    for (const path of [...feedPaths, "/feeds.opml"]) {
      const text = build.read(path);
      expect(text, path).not.toContain("Embargoed draft story");
      expect(text, path).not.toContain("harbor-ledger.example.com/story/12");
      expect(text, path).not.toContain("Embargo");
    }
    expect(build.files().some((f) => f.startsWith("/topics/embargo"))).toBe(false);
  });

  it("lists every head RSS feed in a strict OPML 2.0 file, in three folders (the site with its stories, outlets, topics)", () => {
    const source = build.read("/feeds.opml");
    const opml = parseStrictXml(source, "/feeds.opml");
    expect([opml.name, attr(opml, "version")]).toEqual(["opml", "2.0"]);
    expectDeclaredNamespaces(opml, []);
    const head = childElement(opml, "", "head")!;
    expect(xmlText(childElement(head, "", "title"))).toBe(SITE_TITLE);
    const dateCreated = xmlText(childElement(head, "", "dateCreated"));
    expect(dateCreated).toMatch(RFC822);
    expect(new Date(dateCreated).toISOString()).toBe(scopes[0]!.members[0]!.published);
    const body = childElement(opml, "", "body")!;
    expectChildren(body, ["outline"], ["outline"], "body");
    const folders = childElements(body, "", "outline");
    expect(folders.map((f) => attr(f, "text"))).toEqual([SITE_TITLE, "Outlets", "Topics"]);
    const feedsIn = (folder: XmlNode): XmlNode[] => {
      expect(attr(folder, "type"), attr(folder, "text")).toBe("");
      expect(attr(folder, "xmlUrl"), attr(folder, "text")).toBe("");
      expectChildren(folder, ["outline"], ["outline"], attr(folder, "text"));
      const outlines = childElements(folder, "", "outline");
      for (const outline of outlines) {
        expect(attr(outline, "type"), attr(outline, "text")).toBe("rss");
        expect(outline.children.filter((c) => typeof c !== "string"), attr(outline, "text")).toEqual([]);
      }
      return outlines;
    };
    const byKind = (kinds: Scope["kind"][]): Scope[] => scopes.filter((s) => kinds.includes(s.kind));
    const described = (outlines: XmlNode[]) => outlines.map((o) => ({ text: attr(o, "text"), title: attr(o, "title"), xmlUrl: attr(o, "xmlUrl"), htmlUrl: attr(o, "htmlUrl") }));
    const expectedOutline = (s: Scope) => ({ text: s.title, title: s.title, xmlUrl: servedAt(s.heads.rss), htmlUrl: servedAt(s.home) });
    const sortByUrl = <T extends { xmlUrl: string }>(list: T[]): T[] => [...list].sort((a, b) => a.xmlUrl.localeCompare(b.xmlUrl));
    // The site's feed first, then its stories feed.
    expect(described(feedsIn(folders[0]!))).toEqual(byKind(["site", "stories"]).map(expectedOutline));
    expect(sortByUrl(described(feedsIn(folders[1]!)))).toEqual(sortByUrl(byKind(["provider"]).map(expectedOutline)));
    expect(sortByUrl(described(feedsIn(folders[2]!)))).toEqual(sortByUrl(byKind(["topic"]).map(expectedOutline)));
    for (const outline of folders.flatMap((f) => childElements(f, "", "outline"))) {
      for (const url of [attr(outline, "xmlUrl"), attr(outline, "htmlUrl")]) {
        expect(url.startsWith(BASE), url).toBe(true);
        expect(written.has(sitePathOf(url) ?? ""), url).toBe(true);
      }
    }
    // feedsmith reads the same folders and feeds.
    const theirs = parseOpml(source);
    expect(theirs.body?.outlines?.map((f) => [f.text, (f.outlines ?? []).map((o) => [o.type, o.xmlUrl])])).toEqual(folders.map((f) => [attr(f, "text"), childElements(f, "", "outline").map((o) => ["rss", attr(o, "xmlUrl")])]));
  });

  it("gives topics that collide in slug or hold spaces, hyphens, symbols, CJK or emoji their own folders, by the slug rule", () => {
    const topicScopes = scopes.filter((s) => s.kind === "topic");
    expect(new Set(topicScopes.map((s) => s.home)).size).toBe(topicScopes.length);
    for (const scope of topicScopes) {
      expect(scope.home, scope.label).toMatch(/^\/topics\/[a-z0-9]+(-[a-z0-9]+)*\/$/);
      expect(written.has(`${scope.home}index.html`), scope.home).toBe(true);
      expect(parsed.get(scope.heads.rss)!.items.length, scope.label).toBeGreaterThan(0);
    }
    // Spelt out once, so a change to the rule shows here in plain sight.
    expect(TOPIC_FOLDERS["Real-Time"]).toBe("/topics/real-time/");
    expect(TOPIC_FOLDERS["C++"]).toMatch(/^\/topics\/c-plus-plus-[0-9a-f]{6}\/$/);
    expect(TOPIC_FOLDERS["人工智能"]).toMatch(/^\/topics\/x-[0-9a-f]{8}\/$/);
    // Outlets are filed under their domain.
    for (const outlet of Object.values(outlets)) expect(written.has(`/providers/${outlet.domain}/feed.xml`), outlet.domain).toBe(true);
  });

  it("announces the site's feeds on every page, a term page's own three first, and an article page's outlet and first three topics", () => {
    const alternatesOf = (sitePath: string): [string, string][] => {
      const page = parseHtml(build.read(sitePath));
      const links = page.all('link[rel="alternate"]');
      for (const link of links) expect(page.attr(link, "title")?.trim(), sitePath).toBeTruthy();
      return links.map((l) => [page.attr(l, "type") ?? "", new URL(page.attr(l, "href") ?? "", BASE).href]);
    };
    const all = (heads: Record<Format, string>): [string, string][] => FORMATS.map((f) => [MEDIA_TYPES[f], servedAt(heads[f])]);
    const rssOf = (scope: Scope): [string, string] => [MEDIA_TYPES.rss, servedAt(scope.heads.rss)];
    const site = scopes[0]!;
    expect(alternatesOf("/")).toEqual(all(site.heads));
    for (const scope of scopes.filter((s) => s.kind === "provider" || s.kind === "topic")) {
      expect(alternatesOf(scope.home), scope.home).toEqual([...all(scope.heads), ...all(site.heads)]);
    }
    for (const article of articles) {
      const outlet = scopes.find((s) => s.kind === "provider" && s.label === article.outlet.name)!;
      const topics = article.topics.slice(0, 3).map((t) => scopes.find((s) => s.kind === "topic" && s.label === t)!);
      expect(alternatesOf(article.page), article.page).toEqual([...all(site.heads), rssOf(outlet), ...topics.map(rssOf)]);
    }
    // The four-topic article: its fourth topic's feed is left out.
    const survey = articles.find((a) => a.title === "Language survey results")!;
    expect(alternatesOf(survey.page).map(([, href]) => href)).not.toContain(servedAt(TOPIC_FOLDERS["R&D"]!) + "feed.xml");
    for (const page of ["/", ...scopes.slice(2).map((s) => s.home), ...articles.map((a) => a.page)]) {
      for (const [, href] of alternatesOf(page)) expect(written.has(sitePathOf(href) ?? ""), `${page}: ${href}`).toBe(true);
    }
  });

  it("writes RSS plain-text fields (titles, creators, categories, channel description) with hexadecimal character references only", () => {
    for (const path of feedsOf("rss").map((f) => f.path)) {
      const text = build.read(path);
      const firstItem = text.indexOf("<item>");
      const channelHead = firstItem === -1 ? text : text.slice(0, firstItem);
      const fields = [...channelHead.matchAll(RAW_PLAIN_FIELD)].map((m) => m[2] ?? m[3] ?? "");
      // channel title, description and image title
      expect(fields.length, path).toBe(3);
      for (const item of text.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
        const body = item[1]!.replace(/<description>[^<]*<\/description>/, "").replace(/<content:encoded>[^<]*<\/content:encoded>/, "");
        const own = [...body.matchAll(RAW_PLAIN_FIELD)].map((m) => m[2] ?? m[3] ?? "");
        expect(own.length, path).toBe(2 + (body.match(/<category\b/g) ?? []).length);
        fields.push(...own);
      }
      for (const raw of fields) expect(raw.replace(/&#x(26|3C|3E);/g, ""), `${path}: ${raw}`).not.toContain("&");
    }
    // Names with `&`, `<` and `>` reach those fields: an outlet, a topic and the hostile headline.
    const northwind = build.read("/providers/northwind.example.org/feed.xml");
    expect(northwind).toContain("<title>Northwind &#x3C;Wire&#x3E; &#x26; Co — Feed Fixture</title>");
    expect(northwind).toContain("<dc:creator>Northwind &#x3C;Wire&#x3E; &#x26; Co</dc:creator>");
    expect(build.read(`${TOPIC_FOLDERS["R&D"]}feed.xml`)).toMatch(/<category domain="[^"]+">R&#x26;D<\/category>/);
  });

  it("round-trips hostile titles and excerpts verbatim through every format and both parsers, with no element injected", () => {
    const expectedTitle = cleanTitle(hostileTitle);
    const hostile = articles.find((a) => a.title === expectedTitle)!;
    const hostileStory = stories.find((s) => s.title === expectedTitle)!;
    const containing = feedPaths.filter((p) => parsed.get(p)!.items.some((i) => i.id === hostile.id || i.id === hostileStory.id));
    // Site, outlet, both topics and the stories feeds, in three formats, head or archive.
    expect(containing.length).toBe(5 * 3);
    for (const path of containing) {
      const format = locate(path)!.format;
      const id = parsed.get(path)!.items.some((i) => i.id === hostile.id) ? hostile.id : hostileStory.id;
      const text = build.read(path);
      if (format === "json") {
        const item = (JSON.parse(text) as { items: Record<string, string>[] }).items.find((i) => i.id === id)!;
        expect([item.title, item.summary], path).toEqual([expectedTitle, cleanExcerpt]);
        expectContentHtml(item.content_html ?? "", entryById.get(id)!, path);
        const theirs = feedsmithJsonFeed(JSON.parse(text)).items?.find((i) => i.id === id);
        expect([theirs?.title, theirs?.summary], path).toEqual([expectedTitle, cleanExcerpt]);
        continue;
      }
      const root = parseStrictXml(text, path);
      if (format === "rss") {
        const item = childElements(childElement(root, "", "channel")!, "", "item").find((i) => xmlText(childElement(i, "", "guid")) === id)!;
        expect(xmlText(childElement(item, "", "title")), path).toBe(expectedTitle);
        // Plain text in hexadecimal references: no `&amp;` or `&lt;` a reader might show or decode twice.
        const rawItem = [...text.matchAll(/<item>([\s\S]*?)<\/item>/g)].find((m) => m[1]!.includes(`<guid isPermaLink="false">${id}</guid>`))?.[1] ?? "";
        const raw = /^<title>([^<]*)<\/title>/.exec(rawItem)?.[1] ?? "";
        expect(raw, path).toContain("&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;");
        expect(raw, path).toContain(" &#x26; ");
        expect(raw, path).not.toMatch(/&amp;|&lt;|&gt;/);
        expect(parseHtmlLayer(xmlText(childElement(item, "", "description"))), path).toEqual({ text: cleanExcerpt, elements: [] });
        expectContentHtml(xmlText(childElement(item, NS.content, "encoded")), entryById.get(id)!, path);
        expect(new Set(descendants(item).map((n) => n.name)), path).toEqual(new Set(["item", "title", "link", "guid", "pubDate", "description", "content:encoded", "dc:creator", "category", "media:content", "media:thumbnail"]));
        const theirs = parseRssFeed(text).items?.find((i) => i.guid?.value === id);
        expect([theirs?.title, parseHtmlLayer(theirs?.description ?? "").text], path).toEqual([expectedTitle, cleanExcerpt]);
      } else {
        const entry = childElements(root, NS.atom, "entry").find((e) => xmlText(childElement(e, NS.atom, "id")) === id)!;
        expect(atomText(childElement(entry, NS.atom, "title"), path), path).toBe(expectedTitle);
        expect(atomText(childElement(entry, NS.atom, "summary"), path), path).toBe(cleanExcerpt);
        expectContentHtml(xmlText(childElement(entry, NS.atom, "content")), entryById.get(id)!, path);
        expect(new Set(descendants(entry).map((n) => n.name)), path).toEqual(new Set(["entry", "id", "title", "link", "published", "updated", "author", "name", "uri", "category", "summary", "content", "media:content", "media:thumbnail"]));
        const theirs = parseAtomFeed(text).entries?.find((e) => e.id === id);
        expect([theirs?.title?.value, theirs?.summary?.value], path).toEqual([expectedTitle, cleanExcerpt]);
      }
      const theirs = parseFeed(text).items.find((i) => i.id === id);
      expect(theirs?.url, path).toBe(hostile.link);
      expect(theirs?.title, path).toBe(expectedTitle);
      // Not for Atom: @rowanmanning/feed-parser decodes a type="text" summary's "&amp;" a second time (see above).
      if (format === "rss") expect(theirs?.description, path).toBe(cleanExcerpt);
    }
  });
});

describe("feeds of a small site without a WebSub hub, built again with one newer article", () => {
  let before: FixtureBuild;
  let after: FixtureBuild;
  const quiet = (i: number): [string, string] => [
    `n${i}.md`,
    articleFile({ title: `Quiet story ${i}`, publishedDateTime: `2026-04-0${i + 1}T10:00:00Z`, originalUrl: `https://quiet.example.com/story/${i}`, provider: { name: "Quiet", domain: "quiet.example.com", images: [] }, topics: ["Markets"] }),
  ];
  const feedsOf = (build: FixtureBuild): string[] => build.files().filter((f) => FEED_FILE.test(f)).sort();

  beforeAll(async () => {
    // One item per document: three articles are two archives and a head, four are three and a head.
    before = await buildFixture({ name: "feeds-small", files: Object.fromEntries([0, 1, 2].map(quiet)), options: { search: false, siteTitle: SITE_TITLE, feedSize: 1 } });
    if (before.error) throw before.error;
    after = await buildFixture({ name: "feeds-small-later", files: Object.fromEntries([0, 1, 2, 3].map(quiet)), options: { search: false, siteTitle: SITE_TITLE, feedSize: 1 } });
    if (after.error) throw after.error;
  });

  it("announces no hub in any head feed or archive", () => {
    const feeds = feedsOf(before);
    expect(feeds).toEqual(expect.arrayContaining(["/feed.xml", "/atom.xml", "/feed.json", "/stories.xml", "/stories.atom", "/stories.json", "/archive/1/feed.xml", "/stories/archive/1/feed.json"]));
    for (const path of feeds) {
      const text = before.read(path);
      if (path.endsWith(".json")) expect((JSON.parse(text) as Json).hubs, path).toBeUndefined();
      else expect(text, path).not.toMatch(/rel="hub"/);
    }
  });

  it("leaves every archive byte for byte as it was when a newer article arrives, and cuts the next archive complete", () => {
    const archivesBefore = feedsOf(before).filter((p) => p.includes("/archive/"));
    // Site, stories, outlet and topic, two archives each, in three formats.
    expect(archivesBefore).toHaveLength(4 * 2 * 3);
    for (const path of archivesBefore) expect(after.read(path), path).toBe(before.read(path));
    const archivesAfter = feedsOf(after).filter((p) => p.includes("/archive/"));
    expect(archivesAfter.filter((p) => !archivesBefore.includes(p)).map((p) => p.replace(/^.*\/archive\//, "")).sort()).toEqual([...Array(4)].flatMap(() => ["3/atom.xml", "3/feed.json", "3/feed.xml"]).sort());
    // The new archive holds what the head held.
    const headItem = (parseFeed(before.read("/feed.xml")).items[0]?.id);
    expect(parseFeed(after.read("/archive/3/feed.xml")).items.map((i) => i.id)).toEqual([headItem]);
    expect(parseFeed(after.read("/feed.xml")).items.map((i) => i.title)).toEqual(["Quiet story 3"]);
  });
});

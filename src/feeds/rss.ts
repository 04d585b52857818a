import { escapeText } from "../escape.js";
import { el, serializeFragment, serializeXml, type SerializedXml } from "./xml.js";
import type { FeedDocument } from "./document.js";
import type { FeedItem } from "./items.js";

const NAMESPACES = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:media": "http://search.yahoo.com/mrss/",
  "xmlns:fh": "http://purl.org/syndication/history/1.0",
};

/** RFC 822 date as RSS 2.0 requires (`GMT` is one of its zone names). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** One `<item>`, serialised once and reused in every feed the article is in. */
export function renderRssItem(item: FeedItem): SerializedXml {
  return serializeFragment(
    el(
      "item",
      {},
      el("title", {}, item.title),
      el("link", {}, item.id),
      el("guid", { isPermaLink: "true" }, item.id),
      el("pubDate", {}, rfc822(item.published)),
      // RSS 2.0 defines description as entity-encoded HTML and readers render it so: the excerpt is
      // text, so it is escaped for HTML here and escaped again for XML by the serialiser. Title,
      // creator and category stay plain text (the spec and the W3C validator treat them as non-HTML).
      item.summary ? el("description", {}, escapeText(item.summary)) : undefined,
      el("content:encoded", {}, item.contentHtml),
      el("dc:creator", {}, item.outlet.name),
      item.categories.map((category) => el("category", { domain: category.url }, category.label)),
      item.image ? el("media:content", { url: item.image.url, medium: "image", width: item.image.width, height: item.image.height }) : undefined,
    ),
  );
}

export function renderRss(doc: FeedDocument, renderItem: (item: FeedItem) => SerializedXml = renderRssItem): string {
  return serializeXml(
    el(
      "rss",
      { version: "2.0", ...NAMESPACES },
      el(
        "channel",
        {},
        el("title", {}, doc.title),
        el("link", {}, doc.homeUrl),
        el("description", {}, doc.description || doc.title),
        el("language", {}, doc.language),
        el("lastBuildDate", {}, rfc822(doc.updated)),
        el("generator", {}, "eleventy-plugin-news-digest"),
        el("atom:link", { href: doc.selfUrl, rel: "self", type: "application/rss+xml" }),
        doc.isArchive ? el("fh:archive") : undefined,
        doc.isArchive ? el("atom:link", { href: doc.currentUrl, rel: "current", type: "application/rss+xml" }) : undefined,
        doc.prevArchiveUrl ? el("atom:link", { href: doc.prevArchiveUrl, rel: "prev-archive", type: "application/rss+xml" }) : undefined,
        doc.nextArchiveUrl ? el("atom:link", { href: doc.nextArchiveUrl, rel: "next-archive", type: "application/rss+xml" }) : undefined,
        doc.items.map(renderItem),
      ),
    ),
  );
}

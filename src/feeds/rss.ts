import { escapeText } from "../escape.js";
import { el, rssPlainText, serializeFragment, serializeXmlParts, type SerializedXml, type XmlElement } from "./xml.js";
import { partsText, type DocumentParts } from "./document-parts.js";
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

/** Media RSS: the full image and a thumbnail, which is what newsboat and most readers show. */
export function mediaImage(item: FeedItem): XmlElement[] {
  if (!item.image) return [];
  const size = { width: item.image.width, height: item.image.height };
  return [el("media:content", { url: item.image.url, medium: "image", ...size }), el("media:thumbnail", { url: item.image.url, ...size })];
}

/** One `<item>`, serialised once and reused in every feed the article is in. */
export function renderRssItem(item: FeedItem): SerializedXml {
  return serializeFragment(
    el(
      "item",
      {},
      el("title", {}, rssPlainText(item.title)),
      el("link", {}, item.link),
      // The id is not the link: a headline edit moves the page, the id stays.
      el("guid", { isPermaLink: "false" }, item.id),
      el("pubDate", {}, rfc822(item.published)),
      // RSS 2.0 defines description as entity-encoded HTML and readers render it so: the excerpt is
      // text, so it is escaped for HTML here and escaped again for XML by the serialiser.
      item.summary ? el("description", {}, escapeText(item.summary)) : undefined,
      el("content:encoded", {}, item.contentHtml),
      el("dc:creator", {}, rssPlainText(item.outlet.name)),
      item.categories.map((category) => el("category", { domain: category.url }, rssPlainText(category.label))),
      mediaImage(item),
    ),
  );
}

export function renderRss(doc: FeedDocument, renderItem: (item: FeedItem) => SerializedXml = renderRssItem): string {
  return partsText(renderRssParts(doc, renderItem));
}

/** {@link renderRss} with the items' serialisations left as parts, for writing as bytes. */
export function renderRssParts(doc: FeedDocument, renderItem: (item: FeedItem) => SerializedXml = renderRssItem): DocumentParts {
  const title = rssPlainText(doc.title);
  return serializeXmlParts(
    el(
      "rss",
      { version: "2.0", ...NAMESPACES },
      el(
        "channel",
        {},
        el("title", {}, title),
        el("link", {}, doc.homeUrl),
        el("description", {}, rssPlainText(doc.description || doc.title)),
        el("language", {}, doc.language),
        el("lastBuildDate", {}, rfc822(doc.updated)),
        el("generator", {}, "eleventy-plugin-news-digest"),
        el("image", {}, el("url", {}, doc.logo), el("title", {}, title), el("link", {}, doc.homeUrl)),
        el("atom:link", { href: doc.selfUrl, rel: "self", type: "application/rss+xml" }),
        doc.hub ? el("atom:link", { href: doc.hub, rel: "hub" }) : undefined,
        doc.isArchive ? el("fh:archive") : undefined,
        doc.isArchive ? el("atom:link", { href: doc.currentUrl, rel: "current", type: "application/rss+xml" }) : undefined,
        doc.prevArchiveUrl ? el("atom:link", { href: doc.prevArchiveUrl, rel: "prev-archive", type: "application/rss+xml" }) : undefined,
        doc.items.map(renderItem),
      ),
    ),
  );
}

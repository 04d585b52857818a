import { el, serializeFragment, serializeXmlParts, type SerializedXml } from "./xml.js";
import { partsText, type DocumentParts } from "./document-parts.js";
import type { FeedDocument } from "./document.js";
import type { FeedItem } from "./items.js";
import { mediaImage } from "./rss.js";

/** One `<entry>` (RFC 4287 §4.1.2), serialised once and reused. */
export function renderAtomEntry(item: FeedItem): SerializedXml {
  return serializeFragment(
    el(
      "entry",
      {},
      el("id", {}, item.id),
      // type="text": titles and summaries are plain text, and readers (rss-parser, feedparser)
      // showed a literal `&amp;` when they came as escaped HTML.
      el("title", { type: "text" }, item.title),
      el("link", { rel: "alternate", type: "text/html", href: item.link }),
      el("link", { rel: "related", type: "text/html", href: item.originalUrl }),
      el("published", {}, item.published),
      el("updated", {}, item.updated),
      el("author", {}, el("name", {}, item.outlet.name), el("uri", {}, item.outlet.url)),
      item.categories.map((category) => el("category", { term: category.label, scheme: category.url, label: category.label })),
      item.summary ? el("summary", { type: "text" }, item.summary) : undefined,
      el("content", { type: "html" }, item.contentHtml),
      // Media RSS rather than rel="enclosure": an enclosure wants a byte length and a media type,
      // and neither is known for an image URL without fetching it.
      mediaImage(item),
    ),
  );
}

export function renderAtom(doc: FeedDocument, renderEntry: (item: FeedItem) => SerializedXml = renderAtomEntry): string {
  return partsText(renderAtomParts(doc, renderEntry));
}

/** {@link renderAtom} with the entries' serialisations left as parts, for writing as bytes. */
export function renderAtomParts(doc: FeedDocument, renderEntry: (item: FeedItem) => SerializedXml = renderAtomEntry): DocumentParts {
  return serializeXmlParts(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xmlns:media": "http://search.yahoo.com/mrss/", "xmlns:fh": "http://purl.org/syndication/history/1.0", "xml:lang": doc.language },
      el("id", {}, doc.selfUrl),
      el("title", { type: "text" }, doc.title),
      doc.description ? el("subtitle", { type: "text" }, doc.description) : undefined,
      el("updated", {}, doc.updated),
      // RFC 4287 requires an author on the feed or on every entry; entries credit the outlet.
      el("author", {}, el("name", {}, doc.siteTitle)),
      el("generator", {}, "eleventy-plugin-news-digest"),
      el("icon", {}, doc.icon),
      el("logo", {}, doc.logo),
      el("link", { rel: "self", type: "application/atom+xml", href: doc.selfUrl }),
      el("link", { rel: "alternate", type: "text/html", href: doc.homeUrl }),
      doc.hub ? el("link", { rel: "hub", href: doc.hub }) : undefined,
      doc.isArchive ? el("fh:archive") : undefined,
      doc.isArchive ? el("link", { rel: "current", type: "application/atom+xml", href: doc.currentUrl }) : undefined,
      doc.prevArchiveUrl ? el("link", { rel: "prev-archive", type: "application/atom+xml", href: doc.prevArchiveUrl }) : undefined,
      doc.items.map(renderEntry),
    ),
  );
}

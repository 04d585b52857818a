import { el, serializeFragment, serializeXml, type SerializedXml } from "./xml.js";
import type { FeedDocument } from "./document.js";
import type { FeedItem } from "./items.js";

/** One `<entry>` (RFC 4287 §4.1.2), serialised once and reused. */
export function renderAtomEntry(item: FeedItem): SerializedXml {
  return serializeFragment(
    el(
      "entry",
      {},
      el("id", {}, item.id),
      el("title", { type: "text" }, item.title),
      el("link", { rel: "alternate", type: "text/html", href: item.id }),
      el("link", { rel: "related", type: "text/html", href: item.originalUrl }),
      el("published", {}, item.published),
      el("updated", {}, item.published),
      el("author", {}, el("name", {}, item.outlet.name), el("uri", {}, item.outlet.url)),
      item.categories.map((category) => el("category", { term: category.label, scheme: category.url, label: category.label })),
      item.summary ? el("summary", { type: "text" }, item.summary) : undefined,
      el("content", { type: "html" }, item.contentHtml),
      item.image ? el("link", { rel: "enclosure", type: imageType(item.image.url), href: item.image.url }) : undefined,
    ),
  );
}

function imageType(url: string): string {
  const extension = /\.(png|gif|webp|avif|svg)(?:$|[?#])/i.exec(url)?.[1]?.toLowerCase();
  return extension ? (extension === "svg" ? "image/svg+xml" : `image/${extension}`) : "image/jpeg";
}

export function renderAtom(doc: FeedDocument, renderEntry: (item: FeedItem) => SerializedXml = renderAtomEntry): string {
  return serializeXml(
    el(
      "feed",
      { xmlns: "http://www.w3.org/2005/Atom", "xmlns:fh": "http://purl.org/syndication/history/1.0", "xml:lang": doc.language },
      el("id", {}, doc.selfUrl),
      el("title", { type: "text" }, doc.title),
      doc.description ? el("subtitle", { type: "text" }, doc.description) : undefined,
      el("updated", {}, doc.updated),
      // RFC 4287 requires an author on the feed or on every entry; entries credit the outlet.
      el("author", {}, el("name", {}, doc.siteTitle)),
      el("generator", {}, "eleventy-plugin-news-digest"),
      el("link", { rel: "self", type: "application/atom+xml", href: doc.selfUrl }),
      el("link", { rel: "alternate", type: "text/html", href: doc.homeUrl }),
      doc.isArchive ? el("fh:archive") : undefined,
      doc.isArchive ? el("link", { rel: "current", type: "application/atom+xml", href: doc.currentUrl }) : undefined,
      doc.prevArchiveUrl ? el("link", { rel: "prev-archive", type: "application/atom+xml", href: doc.prevArchiveUrl }) : undefined,
      doc.nextArchiveUrl ? el("link", { rel: "next-archive", type: "application/atom+xml", href: doc.nextArchiveUrl }) : undefined,
      doc.items.map(renderEntry),
    ),
  );
}

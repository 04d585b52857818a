import { el, serializeXml } from "./xml.js";

export interface OpmlFeed {
  title: string;
  /** Absolute RSS URL. */
  xmlUrl: string;
  /** Absolute page URL. */
  htmlUrl: string;
}

/** OPML 2.0 subscription list: one outline per feed, for importing into a reader. */
export function renderOpml(title: string, feeds: readonly OpmlFeed[], dateCreated: string): string {
  return serializeXml(
    el(
      "opml",
      { version: "2.0" },
      el("head", {}, el("title", {}, title), el("dateCreated", {}, new Date(dateCreated).toUTCString())),
      el(
        "body",
        {},
        feeds.map((feed) => el("outline", { type: "rss", text: feed.title, title: feed.title, xmlUrl: feed.xmlUrl, htmlUrl: feed.htmlUrl })),
      ),
    ),
  );
}

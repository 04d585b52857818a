import { el, serializeXml } from "./xml.js";

export interface OpmlFeed {
  title: string;
  /** Absolute RSS URL. */
  xmlUrl: string;
  /** Absolute page URL. */
  htmlUrl: string;
}

export interface OpmlFolder {
  title: string;
  feeds: readonly OpmlFeed[];
}

/** OPML 2.0 subscription list: one folder per kind (site, outlets, topics), which readers import as folders. */
export function renderOpml(title: string, folders: readonly OpmlFolder[], dateCreated: string): string {
  return serializeXml(
    el(
      "opml",
      { version: "2.0" },
      el("head", {}, el("title", {}, title), el("dateCreated", {}, new Date(dateCreated).toUTCString())),
      el(
        "body",
        {},
        folders
          .filter((folder) => folder.feeds.length > 0)
          .map((folder) =>
            el(
              "outline",
              { text: folder.title, title: folder.title },
              folder.feeds.map((feed) => el("outline", { type: "rss", text: feed.title, title: feed.title, xmlUrl: feed.xmlUrl, htmlUrl: feed.htmlUrl })),
            ),
          ),
      ),
    ),
  );
}

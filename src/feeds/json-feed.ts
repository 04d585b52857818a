import { partsText, Serialized, type DocumentParts } from "./document-parts.js";
import type { FeedDocument } from "./document.js";
import type { FeedItem } from "./items.js";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url: string;
  title: string;
  summary?: string;
  content_html: string;
  date_published: string;
  date_modified?: string;
  authors: { name: string; url: string }[];
  tags?: string[];
  image?: string;
  /** JSON Feed extension (its keys start with `_`): the story the item belongs to. */
  _news_digest: { story_id: string; outlets?: number; quality?: number; heat?: number };
}

/** A JSON Feed 1.1 item (jsonfeed.org/version/1.1), built once per article and reused. */
export function toJsonFeedItem(item: FeedItem): JsonFeedItem {
  return {
    id: item.id,
    url: item.link,
    external_url: item.originalUrl,
    title: item.title,
    ...(item.summary ? { summary: item.summary } : {}),
    content_html: item.contentHtml,
    date_published: item.published,
    ...(item.updated !== item.published ? { date_modified: item.updated } : {}),
    authors: [{ name: item.outlet.name, url: item.outlet.url }],
    ...(item.categories.length ? { tags: item.categories.map((c) => c.label) } : {}),
    ...(item.image ? { image: item.image.url } : {}),
    _news_digest: {
      story_id: item.story.id,
      ...(item.story.outlets !== undefined ? { outlets: item.story.outlets } : {}),
      ...(item.story.quality !== undefined ? { quality: item.story.quality } : {}),
      ...(item.story.heat !== undefined ? { heat: item.story.heat } : {}),
    },
  };
}

/** One item as JSON text, serialised once per article and reused in every feed that holds it. */
export class SerializedJsonItem extends Serialized {}

export function serializeJsonFeedItem(item: FeedItem): SerializedJsonItem {
  return new SerializedJsonItem(JSON.stringify(toJsonFeedItem(item)));
}

/**
 * Serialised only through JSON.stringify: the document with an empty `items` list, into which the
 * items' own JSON.stringify output is joined. `items` is the last key, so the text ends `"items":[]}`.
 */
export function renderJsonFeed(doc: FeedDocument, toItem: (item: FeedItem) => SerializedJsonItem = serializeJsonFeedItem): string {
  return partsText(renderJsonFeedParts(doc, toItem));
}

/** {@link renderJsonFeed} with the items' serialisations left as parts, for writing as bytes. */
export function renderJsonFeedParts(doc: FeedDocument, toItem: (item: FeedItem) => SerializedJsonItem = serializeJsonFeedItem): DocumentParts {
  const feed = {
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.selfUrl,
    description: doc.description || undefined,
    icon: doc.logo,
    favicon: doc.icon,
    language: doc.language,
    authors: [{ name: doc.siteTitle }],
    hubs: doc.hub ? [{ type: "WebSub", url: doc.hub }] : undefined,
    // JSON Feed pagination: next_url leads to the next older document, so a reader can backfill everything.
    next_url: doc.prevArchiveUrl,
    items: [],
  };
  const shell = JSON.stringify(feed);
  const parts: (string | SerializedJsonItem)[] = [shell.slice(0, -2)];
  doc.items.forEach((item, index) => {
    if (index > 0) parts.push(",");
    parts.push(toItem(item));
  });
  parts.push("]}\n");
  return parts;
}

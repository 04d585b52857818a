import type { FeedItem } from "./items.js";

/** Everything one feed file says, in absolute URLs, whichever format renders it. */
export interface FeedDocument {
  title: string;
  description: string;
  language: string;
  /** The URL this very file is served at. */
  selfUrl: string;
  /** The HTML page the feed mirrors. */
  homeUrl: string;
  /** The scope's head feed in this format (RFC 5005 "current"). */
  currentUrl: string;
  /** Newest first. */
  items: FeedItem[];
  /** The latest `updated` of its items, or a fixed epoch for an empty feed: never the build time, so output is reproducible. */
  updated: string;
  isArchive: boolean;
  /** RFC 5005 links, absolute. */
  prevArchiveUrl?: string;
  siteTitle: string;
  /** The site's small square icon (Atom icon, JSON favicon). */
  icon: string;
  /** The feed's picture: the outlet's logo in an outlet's feeds, else the site icon (RSS image, Atom logo, JSON icon). */
  logo: string;
  /** WebSub hub, on head feeds only: archives never change, so there is nothing to push. */
  hub?: string;
}

export const EMPTY_FEED_DATE = "1970-01-01T00:00:00.000Z";

/**
 * Feed ids are `tag:` URIs (RFC 4151) minted under the site's host. The date is fixed rather than
 * taken from the article: an id must survive a corrected publication date as well as a new
 * headline, file name or folder. The specific part is the article's canonical source URL (the key
 * dedupe uses, so it is unique in the site) without its scheme, which keeps ids readable.
 */
const TAG_DATE = "2026";

// RFC 4151 `specific`: pchar, "/" and "?"; anything else is percent-encoded.
const NOT_TAG_CHAR = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/g;

function tagPrefix(siteUrl: string): string {
  return `tag:${new URL(siteUrl).hostname},${TAG_DATE}:`;
}

/** `urlKey`: the article's canonical URL key (`Article.urlKey`). */
export function feedIdOfArticle(siteUrl: string, urlKey: string): string {
  const key = urlKey.replace(/^https:\/\//, "");
  return `${tagPrefix(siteUrl)}${key.replace(NOT_TAG_CHAR, (c) => encodeURIComponent(c))}`;
}

/** A story's id in the stories feeds: from the story's stable id, so it stays as outlets join and the lead article changes. */
export function feedIdOfStory(siteUrl: string, storyId: string): string {
  return `${tagPrefix(siteUrl)}story:${storyId}`;
}

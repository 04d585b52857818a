// /feeds/: every feed for people, grouped by kind, plus the OPML file for feed readers.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {{ kind: "site" | "stories" } | { kind: "provider" | "topic", term: { label: string } }} FeedScope */
/** @typedef {{ title: string, scope: FeedScope, links: { rss: string, atom: string, json: string } }} FeedEntry */

// A group longer than this is folded into a <details>: a site with 300 outlets would otherwise
// open on a wall of 300 lines before the topics.
const OPEN_GROUP = 24;

/**
 * @param {{ feeds: FeedEntry[], pageUrl: string }} data
 * @param {LayoutKit} kit
 */
export default function feeds(data, kit) {
  const { html, url, site } = kit;
  /** @type {Record<"site" | "provider" | "topic", FeedEntry[]>} */
  const groups = { site: [], provider: [], topic: [] };
  // The stories feeds are the site's too: each story once instead of each article.
  for (const feed of data.feeds) groups[feed.scope.kind === "stories" ? "site" : feed.scope.kind].push(feed);
  /** @param {FeedEntry} feed */
  const item = (feed) =>
    // One short line per feed: a site with 300 outlets lists 450 of them (the markup here is most of the page's bytes).
    html`<li><span dir="auto">${"term" in feed.scope ? feed.scope.term.label : feed.title}</span> <a href="${url(feed.links.rss)}">RSS</a> <a href="${url(feed.links.atom)}">Atom</a> <a href="${url(feed.links.json)}">JSON Feed</a></li>`;
  /** @param {string} id @param {string} title @param {string} noun @param {FeedEntry[]} entries */
  const group = (id, title, noun, entries) => {
    if (entries.length === 0) return "";
    const list = html`<ul class="feed-list">${entries.map(item)}</ul>`;
    return html`<section class="feed-group" aria-labelledby="${id}">
<h2 id="${id}">${title} <span class="count">${kit.formatNumber(entries.length)}</span></h2>
${entries.length > OPEN_GROUP ? html`<details><summary>Show all ${kit.formatNumber(entries.length)} ${noun} feeds</summary>${list}</details>` : list}
</section>`;
  };
  const body = html`<header class="page-header"><h1>Feeds</h1>
<p class="summary">Subscribe to everything, or to one outlet or topic. Each feed comes as RSS, Atom and JSON Feed. <a href="${url("/feeds.opml")}">Download all feeds as OPML</a> to import them into a feed reader.</p></header>
${group("feeds-site", "The whole site", "site", groups.site)}
${group("feeds-outlets", "Outlets", "outlet", groups.provider)}
${group("feeds-topics", "Topics", "topic", groups.topic)}`;
  return kit.layouts.base({ title: `Feeds | ${site.title}`, description: `RSS, Atom and JSON feeds of ${site.title}.`, pageUrl: data.pageUrl, body }, kit);
}

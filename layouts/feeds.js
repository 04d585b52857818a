// /feeds/: every feed for people, plus the OPML file for feed readers.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {{ title: string, links: { rss: string, atom: string, json: string } }} FeedEntry */

/**
 * @param {{ feeds: FeedEntry[], pageUrl: string }} data
 * @param {LayoutKit} kit
 */
export default function feeds(data, kit) {
  const { html, url, site } = kit;
  const body = html`<header class="page-header"><h1>Feeds</h1>
<p>Subscribe to everything, or to one outlet or topic. Each feed comes as RSS, Atom and JSON Feed. <a href="${url("/feeds.opml")}">Download all feeds as OPML</a> to import them into a feed reader.</p></header>
<ul class="feed-list">
${data.feeds.map(
  (feed) => html`<li><span class="feed-title">${feed.title}</span> <a href="${url(feed.links.rss)}">RSS</a> · <a href="${url(feed.links.atom)}">Atom</a> · <a href="${url(feed.links.json)}">JSON Feed</a></li>`,
)}
</ul>`;
  return kit.layouts.base({ title: `Feeds | ${site.title}`, description: `RSS, Atom and JSON feeds of ${site.title}.`, pageUrl: data.pageUrl, body }, kit);
}

// 404.html: most static hosts serve this file for unknown paths.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */

/**
 * @param {{ pageUrl: string }} data
 * @param {LayoutKit} kit
 */
export default function notFound(data, kit) {
  const { html, url, site } = kit;
  const body = html`<header class="page-header"><h1>Page not found</h1></header>
<p>This story may have moved. ${site.search ? html`Try <a href="${url("/search/")}">searching</a>, or browse` : "Browse"} the <a href="${url("/")}">latest stories</a>, <a href="${url("/topics/")}">topics</a> or <a href="${url("/providers/")}">outlets</a>.</p>`;
  return kit.layouts.base({ title: `Page not found | ${site.title}`, pageUrl: data.pageUrl, body, noindex: true }, kit);
}

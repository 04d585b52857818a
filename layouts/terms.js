// /providers/ and /topics/: every term with its article count.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").TermIndexData} TermIndexData */

/**
 * @param {TermIndexData} data
 * @param {LayoutKit} kit
 */
export default function terms(data, kit) {
  const { html, url, site } = kit;
  const heading = data.kind === "provider" ? "Outlets" : "Topics";
  const body = html`<header class="page-header"><h1>${heading}</h1><p>${data.terms.length} ${data.kind === "provider" ? "outlets" : "topics"}.</p></header>
<ul class="term-list">
${data.terms.map((term) => html`<li><a href="${url(term.url)}">${term.label}</a> <span class="count">${term.count}</span></li>`)}
</ul>`;
  return kit.layouts.base({ title: `${heading} | ${site.title}`, description: `All ${heading.toLowerCase()} on ${site.title}.`, pageUrl: data.pageUrl, body }, kit);
}

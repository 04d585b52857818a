// /providers/ and /topics/: every term with its story count.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").TermIndexData} TermIndexData */

/**
 * @param {TermIndexData} data
 * @param {LayoutKit} kit
 */
export default function terms(data, kit) {
  const { html, url, site } = kit;
  const heading = data.kind === "provider" ? "Outlets" : "Topics";
  const noun = data.kind === "provider" ? "outlets" : "topics";
  // Stories, as each term's own page counts them (one per story cluster), not articles.
  const body = html`<header class="page-header"><h1>${heading}</h1><p class="summary">${kit.formatNumber(data.terms.length)} ${noun}, each with its number of stories.</p></header>
<ul class="term-list">
${data.terms.map((term) => html`<li><a href="${url(term.url)}" dir="auto">${term.label}</a> <span class="count">${kit.formatNumber(term.stories)}</span></li>`)}
</ul>`;
  return kit.layouts.base({ title: `${heading} | ${site.title}`, description: `All ${heading.toLowerCase()} on ${site.title}.`, pageUrl: data.pageUrl, body }, kit);
}

// Page links for paginated lists: real links, rel=prev/next, and where you are.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").Page<unknown>} Page */

/**
 * @param {{ page: Page, label: string }} data
 * @param {LayoutKit} kit
 */
export default function pagination(data, kit) {
  const { html, url } = kit;
  const { page } = data;
  if (page.totalPages <= 1) return html``;
  return html`<nav class="pagination" aria-label="${data.label}">
<ul>
${page.pageNumber > 1 ? html`<li><a href="${url(page.firstUrl)}">First</a></li>` : ""}
${page.previousUrl ? html`<li><a rel="prev" href="${url(page.previousUrl)}">Newer</a></li>` : ""}
<li aria-current="page">Page ${page.pageNumber} of ${page.totalPages}</li>
${page.nextUrl ? html`<li><a rel="next" href="${url(page.nextUrl)}">Older</a></li>` : ""}
${page.pageNumber < page.totalPages ? html`<li><a href="${url(page.lastUrl)}">Last</a></li>` : ""}
</ul>
</nav>`;
}

// /search/: the search box, filters and results. layouts/assets/search.js runs it with Pagefind;
// without JavaScript the form is hidden and the page links to the topic and outlet pages.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").TermLink} TermLink */

/**
 * @param {{ providers: TermLink[], topics: TermLink[], pageUrl: string }} data
 * @param {LayoutKit} kit
 */
export default function search(data, kit) {
  const { html, url, site } = kit;
  // The index's provider filter holds each outlet's domain; the script labels it with the name.
  // As JSON in an attribute the escaper keeps it plain text, and the script only ever reads it as data.
  const outlets = JSON.stringify(data.providers.map((provider) => [provider.key, provider.label]));
  const browse = html`Browse the stories <a href="${url("/topics/")}">by topic</a> (${data.topics.length}) or <a href="${url("/providers/")}">by outlet</a> (${data.providers.length}) instead.`;
  // A form that cannot search would only reload the page: without JavaScript it is not shown.
  const head = html`<noscript><style>.search-form { display: none; }</style></noscript>`;
  const body = html`<header class="page-header"><h1>Search</h1></header>
<form class="search-form" role="search" action="${url("/search/")}" method="get" data-bundle="${url("/pagefind/pagefind.js")}" data-base="${url("/")}" data-enabled="${site.search ? "true" : "false"}" data-outlets="${outlets}">
<div class="search-row">
<label for="search-query">Search stories</label>
<input id="search-query" type="search" name="q" autocomplete="off" spellcheck="false">
<button type="submit">Search</button>
</div>
<div class="search-row">
<label for="search-sort">Sort by</label>
<select id="search-sort" name="sort">
<option value="">Relevance</option>
<option value="newest">Newest first</option>
</select>
</div>
<a class="skip-results" href="#search-results">Skip to results</a>
<div class="search-filters"></div>
</form>
<div class="search-active" hidden></div>
<p class="search-status" role="status" aria-live="polite"></p>
<div class="search-error" hidden><p>${browse}</p></div>
<ol class="search-results" id="search-results" tabindex="-1" aria-label="Search results"></ol>
<button type="button" class="search-more" hidden>Show more results</button>
<noscript><p class="search-noscript">Search needs JavaScript, which is turned off. ${browse}</p></noscript>
<script type="module" src="${url("/assets/news-digest-search.js")}"></script>`;
  return kit.layouts.base({ title: `Search | ${site.title}`, description: `Search every story on ${site.title}.`, pageUrl: data.pageUrl, head, body }, kit);
}

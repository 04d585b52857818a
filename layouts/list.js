// Home, provider and topic pages: a paginated list of story cards (one per story cluster), with Top stories on the home page.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").ListPageData} ListPageData */

// An article appears on the home page, its provider's page and each topic's page: render its card
// once per build and heading level. Cards are new objects every build, so nothing goes stale.
/** @type {WeakMap<object, Map<number, import("eleventy-plugin-news-digest/core").SafeHtml>>} */
const renderedCards = new WeakMap();

/**
 * @param {ListPageData} data
 * @param {LayoutKit} kit
 */
export default function list(data, kit) {
  const { html, url, site, layouts } = kit;
  const { page, term } = data;
  const card = /** @type {typeof import("./card.js").default} */ (/** @type {unknown} */ (layouts.card));
  const pagination = /** @type {typeof import("./pagination.js").default} */ (/** @type {unknown} */ (layouts.pagination));
  /** @param {import("eleventy-plugin-news-digest/core").ArticleCard} entry @param {2 | 3} headingLevel */
  const cardOnce = (entry, headingLevel) => {
    let byLevel = renderedCards.get(entry);
    if (!byLevel) renderedCards.set(entry, (byLevel = new Map()));
    let rendered = byLevel.get(headingLevel);
    if (!rendered) byLevel.set(headingLevel, (rendered = card({ card: entry, headingLevel }, kit)));
    return rendered;
  };
  const pageSuffix = page.totalPages > 1 ? ` (page ${page.pageNumber} of ${page.totalPages})` : "";
  const kindLabel = data.kind === "provider" ? "Outlet" : "Topic";
  const heading = term ? term.label : site.title;
  const title = term ? `${term.label}${pageSuffix} | ${site.title}` : `${site.title}${pageSuffix}`;
  // Lists show one card per story (ListPageData), so they count stories, not articles.
  const stories = term ? `${kit.formatNumber(term.stories)} ${term.stories === 1 ? "story" : "stories"}` : "";
  const description = term ? `${stories} from ${term.label} on ${site.title}.` : site.description;
  const [lead, ...top] = data.topStories;

  const head = html`${page.previousUrl ? html`<link rel="prev" href="${url(page.previousUrl)}">` : ""}
${page.nextUrl ? html`<link rel="next" href="${url(page.nextUrl)}">` : ""}
${term
    ? kit.jsonLd({
        "@context": "https://schema.org",
        "@type": "ItemList",
        name: term.label,
        numberOfItems: term.stories,
        itemListElement: page.items.map((entry, index) => ({
          "@type": "ListItem",
          position: page.offset + index + 1,
          url: site.siteUrl ? kit.absoluteUrl(entry.article.pageUrl) : url(entry.article.pageUrl),
          name: entry.article.title,
        })),
      })
    : ""}`;

  // The home page's first page names the site in the header right above, so its h1 is for screen readers only.
  const body = html`<header class="page-header${term ? "" : " page-header-home"}">
${term ? html`<p class="kicker">${kindLabel}</p>` : ""}
<h1${term ? html` dir="auto"` : page.pageNumber === 1 ? html` class="visually-hidden"` : ""}>${heading}${page.totalPages > 1 ? html` <span class="page-count">page ${page.pageNumber} of ${page.totalPages}</span>` : ""}</h1>
${term ? html`<p class="summary">${stories}.</p>` : html`<p class="summary">${site.description}</p>`}
<p class="feed-links">Follow: <a href="${url(data.feeds.rss)}">RSS</a> <a href="${url(data.feeds.atom)}">Atom</a> <a href="${url(data.feeds.json)}">JSON Feed</a></p>
</header>
${lead
    ? html`<section class="top-stories" aria-labelledby="top-heading">
<h2 id="top-heading" class="section-heading">Top stories</h2>
${card({ card: lead, headingLevel: 3, variant: "lead" }, kit)}
${top.length ? html`<div class="top-grid">${top.map((entry) => card({ card: entry, headingLevel: 3, variant: "top" }, kit))}</div>` : ""}
</section>
${page.items.length ? html`<h2 class="section-heading">Latest</h2>` : ""}`
    : ""}
${page.items.length ? html`<div class="cards">
${page.items.map((entry) => cardOnce(entry, lead ? 3 : 2))}
</div>` : lead ? "" : html`<p>No stories yet.</p>`}
${pagination({ page, label: term ? `${term.label} pages` : "Pages" }, kit)}`;

  return layouts.base({ title, description, pageUrl: data.pageUrl, body, head, feeds: data.feeds }, kit);
}

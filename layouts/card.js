// One story in a list (home, provider and topic pages). Used by list.js through kit.layouts.card.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").ArticleCard} ArticleCard */

/**
 * `variant`: "lead" is the first of the home page's top stories (large image, full excerpt), "top"
 * the others; without it, a row of a list. Text from article files carries `dir="auto"`, so a
 * right-to-left headline or outlet name is laid out in its own direction.
 *
 * @param {{ card: ArticleCard, headingLevel?: 2 | 3, variant?: "lead" | "top" }} data
 * @param {LayoutKit} kit
 */
export default function card(data, kit) {
  const { html, url } = kit;
  const { article, provider, topics, topicCount } = data.card;
  // The card shows only the first few topics (ArticleCard): the rest are on the article's own page.
  const more = topicCount - topics.length;
  const image = article.images[0];
  const title = html`<a href="${url(article.pageUrl)}" dir="auto">${article.title}</a>`;
  // "story-card": the search page's script draws its results as plain "card"s; the phone layout is for these.
  return html`<article class="card story-card${data.variant ? ` card-${data.variant}` : ""}">
<div class="card-body">
${data.headingLevel === 3 ? html`<h3 class="card-title">${title}</h3>` : html`<h2 class="card-title">${title}</h2>`}
<p class="meta"><a class="outlet" href="${url(provider.url)}" dir="auto">${provider.label}</a> <span aria-hidden="true">·</span> <time datetime="${article.publishedAt}">${kit.formatDate(article.publishedAt)}</time></p>
${article.excerpt ? html`<p class="excerpt" dir="auto">${article.excerpt}</p>` : ""}
${alsoCovered(data.card, kit)}
${topics.length
    ? html`<ul class="topics" aria-label="Topics">${topics.map((topic) => html`<li><a href="${url(topic.url)}" dir="auto">${topic.label}</a></li>`)}${more > 0
      ? html`<li class="more"><a href="${url(article.pageUrl)}">+${kit.formatNumber(more)} more ${more === 1 ? "topic" : "topics"}</a></li>`
      : ""}</ul>`
    : ""}
</div>
${image
    ? // The box keeps the picture's place and a plain background, so a slow or broken image is a blank tile (style.css, .media).
      // The lead top story's picture is the home page's largest paint: fetched first, not lazily.
      html`<div class="media"><img src="${image.url}" alt=""${data.variant === "lead" ? html` fetchpriority="high"` : html` loading="lazy"`} decoding="async"${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}></div>`
    : ""}
</article>`;
}

/**
 * "+3 outlets: A, B and C", linking to the list on the article's page: the card stands for the
 * whole story, so it says who else covered it. Only the first few are named (ArticleCard).
 *
 * @param {ArticleCard} card
 * @param {LayoutKit} kit
 */
function alsoCovered(card, kit) {
  const { html, url } = kit;
  const count = card.alsoCoveredByCount;
  if (count === 0) return "";
  const named = card.alsoCoveredBy;
  const unnamed = count - named.length;
  const names = named.map((link, index) => {
    const separator = index === 0 ? ": " : index === named.length - 1 && unnamed === 0 ? " and " : ", ";
    return html`${separator}<span dir="auto">${link.providerName}</span>`;
  });
  return html`<p class="also"><a href="${url(card.article.pageUrl)}#coverage"><strong>+${kit.formatNumber(count)} ${count === 1 ? "outlet" : "outlets"}</strong>${names}${unnamed > 0 && named.length ? ` and ${kit.formatNumber(unnamed)} more` : ""}</a></p>`;
}

// One article in a list (home, provider and topic pages). Used by list.js through kit.layouts.card.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").ArticleCard} ArticleCard */

/**
 * @param {{ card: ArticleCard, headingLevel?: 2 | 3 }} data
 * @param {LayoutKit} kit
 */
export default function card(data, kit) {
  const { html, url } = kit;
  const { article, provider, topics, topicCount } = data.card;
  // The card shows only the first few topics (ArticleCard): the rest are on the article's own page.
  const more = topicCount - topics.length;
  const image = article.images[0];
  const title = html`<a href="${url(article.pageUrl)}">${article.title}</a>`;
  return html`<article class="card">
${image
    ? html`<img class="card-image" src="${image.url}" alt="" loading="lazy" decoding="async"${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}>`
    : ""}
<div class="card-body">
${data.headingLevel === 3 ? html`<h3>${title}</h3>` : html`<h2>${title}</h2>`}
<p class="meta"><a href="${url(provider.url)}">${provider.label}</a> · <time datetime="${article.publishedAt}">${kit.formatDate(article.publishedAt)}</time></p>
${article.excerpt ? html`<p class="excerpt">${article.excerpt}</p>` : ""}
${topics.length
    ? html`<ul class="topics" aria-label="Topics">${topics.map((topic) => html`<li><a href="${url(topic.url)}">${topic.label}</a></li>`)}${more > 0
      ? html`<li class="more"><a href="${url(article.pageUrl)}">+${kit.formatNumber(more)} more ${more === 1 ? "topic" : "topics"}</a></li>`
      : ""}</ul>`
    : ""}
</div>
</article>`;
}

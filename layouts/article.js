// An article's own page: the digest entry for one story, linking out to the original.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").ArticlePageData} ArticlePageData */

/**
 * @param {ArticlePageData} data
 * @param {LayoutKit} kit
 */
export default function article(data, kit) {
  const { html, url, site } = kit;
  const { article: item, provider } = data.card;
  // All the article's topics here; its card (data.card.topics) holds only the first few.
  const topics = data.topics;
  const image = item.images[0];
  const logo = item.provider.images[0];
  // The first few outlets only (ArticlePageData): a story covered by thousands would repeat them all on each of its pages.
  const others = data.alsoCoveredBy;
  const otherCount = data.alsoCoveredByCount;
  const unlisted = otherCount - others.length;
  const paragraphs = item.body ? item.body.split(/\n\s*\n/) : [];
  // A logo's width/height come only from the file: a guessed size would give the browser a wrong
  // aspect ratio. Without them the stylesheet's fixed box (`.article .provider img`) still holds it.

  // schema.org NewsArticle: the outlet is the publisher of the original, which this page is based on.
  const structured = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: item.title,
    description: item.excerpt || undefined,
    datePublished: item.publishedAt,
    url: site.siteUrl ? kit.absoluteUrl(data.pageUrl) : undefined,
    image: image ? [{ "@type": "ImageObject", url: image.url, width: image.width, height: image.height }] : undefined,
    publisher: { "@type": "Organization", name: item.provider.name, url: `https://${item.provider.domain}/` },
    sourceOrganization: { "@type": "Organization", name: item.provider.name, url: `https://${item.provider.domain}/` },
    isBasedOn: item.url,
    keywords: topics.map((t) => t.label),
  };

  const body = html`<article class="article">
<header>
<p class="meta">
<a class="provider" href="${url(provider.url)}">${logo ? html`<img src="${logo.url}" alt=""${logo.width ? html` width="${logo.width}"` : ""}${logo.height ? html` height="${logo.height}"` : ""} loading="lazy" decoding="async">` : ""}${provider.label}</a>
· <time datetime="${item.publishedAt}">${kit.formatDate(item.publishedAt)}</time>
</p>
<h1>${item.title}</h1>
</header>
${image
    ? html`<figure class="lead-image"><img src="${image.url}" alt="${item.title}" loading="lazy" decoding="async"${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}></figure>`
    : ""}
${item.excerpt ? html`<p class="excerpt">${item.excerpt}</p>` : ""}
${paragraphs.length ? html`<section class="note" aria-label="Editor's note">${paragraphs.map((p) => html`<p>${p}</p>`)}</section>` : ""}
<p><a class="read-original" href="${item.url}" rel="noopener external">Read at ${item.provider.name}</a></p>
${topics.length ? html`<h2 class="visually-hidden">Topics</h2><ul class="topics">${topics.map((t) => html`<li><a href="${url(t.url)}">${t.label}</a></li>`)}</ul>` : ""}
${others.length
    ? html`<section class="coverage" aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Also covered by ${kit.formatNumber(otherCount)} ${otherCount === 1 ? "outlet" : "outlets"}</h2>
<ul>
${others.map(
  (link) => html`<li>
${link.localUrl ? html`<a href="${url(link.localUrl)}">${link.title}</a>` : html`<a href="${link.externalUrl}" rel="noopener external">${link.title}</a>`}
<span class="meta">${link.providerName}${link.copies > 1 ? html` (${link.copies} versions)` : ""} · <time datetime="${link.publishedAt}">${kit.formatDate(link.publishedAt)}</time></span>
</li>`,
)}
</ul>
${unlisted > 0 ? html`<p class="more">and ${kit.formatNumber(unlisted)} more ${unlisted === 1 ? "outlet" : "outlets"}</p>` : ""}
</section>`
    : ""}
</article>
${kit.jsonLd(structured)}`;

  return kit.layouts.base(
    {
      title: `${item.title} | ${site.title}`,
      description: item.excerpt,
      pageUrl: data.pageUrl,
      body,
      ogType: "article",
      // The outlet's and the first few topics' feeds: enough to subscribe from a shared link, without
      // a long head on every one of thousands of pages.
      alternates: [kit.feeds(provider), ...topics.slice(0, 3).map((topic) => kit.feeds(topic))],
      ...(image ? { image: { url: image.url, width: image.width, height: image.height, alt: item.title } } : {}),
    },
    kit,
  );
}

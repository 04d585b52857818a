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
  // The first few outlets only (ArticlePageData): a story covered by thousands would repeat them all on each of its pages.
  const others = data.alsoCoveredBy;
  const otherCount = data.alsoCoveredByCount;
  const unlisted = otherCount - others.length;
  const paragraphs = item.body ? item.body.split(/\n\s*\n/) : [];
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
<header class="article-header">
${topics[0] ? html`<p class="kicker"><a href="${url(topics[0].url)}" dir="auto">${topics[0].label}</a></p>` : ""}
<h1 dir="auto">${item.title}</h1>
${item.excerpt ? html`<p class="excerpt standfirst" dir="auto">${item.excerpt}</p>` : ""}
<p class="byline">
<a class="provider" href="${url(provider.url)}">${outletBadge(item.provider, kit)}<span class="provider-name" dir="auto">${provider.label}</span></a>
<time datetime="${item.publishedAt}">${kit.formatDate(item.publishedAt)}</time>
</p>
</header>
${image
    ? // The headline and standfirst sit right above it, so the image adds nothing a screen reader needs: alt="".
      // It is the page's largest paint, so it is fetched first instead of lazily.
      html`<figure class="lead-image"><div class="media"><img src="${image.url}" alt="" fetchpriority="high"${image.width ? html` width="${image.width}"` : ""}${image.height ? html` height="${image.height}"` : ""}></div></figure>`
    : ""}
${paragraphs.length ? html`<section class="note" aria-label="Editor's note">${paragraphs.map((p) => html`<p dir="auto">${p}</p>`)}</section>` : ""}
<p><a class="read-original" href="${item.url}" rel="noopener external">Read at <span dir="auto">${item.provider.name}</span></a></p>
${topics.length ? html`<h2 class="visually-hidden">Topics</h2><ul class="topics">${topics.map((t) => html`<li><a href="${url(t.url)}" dir="auto">${t.label}</a></li>`)}</ul>` : ""}
${others.length
    ? html`<section class="coverage" id="coverage" aria-labelledby="coverage-heading">
<h2 id="coverage-heading">Also covered by ${kit.formatNumber(otherCount)} ${otherCount === 1 ? "outlet" : "outlets"}</h2>
<ul class="coverage-list">
${others.map(
  (link) => html`<li>
<p class="meta"><span class="outlet" dir="auto">${link.providerName}</span>${link.copies > 1 ? html` (${link.copies} versions)` : ""} <span aria-hidden="true">·</span> <time datetime="${link.publishedAt}">${kit.formatDate(link.publishedAt)}</time></p>
${link.localUrl ? html`<a href="${url(link.localUrl)}" dir="auto">${link.title}</a>` : html`<a href="${link.externalUrl}" rel="noopener external" dir="auto">${link.title}</a>`}
</li>`,
)}
</ul>
${unlisted > 0 ? html`<p class="more">+${kit.formatNumber(unlisted)} more ${unlisted === 1 ? "outlet" : "outlets"}</p>` : ""}
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

/**
 * The outlet's logo over a badge of its initials. The initials are always there, behind the
 * image, and a broken image draws them again over its broken-image icon (style.css, `.badge
 * img::before`), so an outlet without a logo, or with one that fails, still gets a clean badge:
 * no script, so nothing for a strict Content-Security-Policy to block.
 *
 * @param {import("eleventy-plugin-news-digest/core").Provider} outlet
 * @param {LayoutKit} kit
 */
function outletBadge(outlet, kit) {
  const { html } = kit;
  const logo = outlet.images[0];
  const letters = initials(outlet.name);
  // A logo's width/height come only from the file: a guessed size would give the browser a wrong
  // aspect ratio. The badge is a fixed square either way, and the logo is fitted into it.
  return html`<span class="badge badge-${hueOf(outlet.domain)}" aria-hidden="true">${letters}${logo
    ? html`<img src="${logo.url}" alt="" data-initials="${letters}" decoding="async"${logo.width ? html` width="${logo.width}"` : ""}${logo.height ? html` height="${logo.height}"` : ""}>`
    : ""}</span>`;
}

/** "The Lantern Post" → "LP", "IT Pro" → "IP", "Reuters" → "R": the first letter of the first two words, a leading "The" skipped. @param {string} name */
function initials(name) {
  const words = name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length > 2 && /^the$/i.test(words[0] ?? "")) words.shift();
  return words
    .slice(0, 2)
    .map((word) => Array.from(word.replace(/^[^\p{L}\p{N}]+/u, ""))[0] ?? "")
    .join("")
    .toUpperCase();
}

/** One of the stylesheet's badge colours, the same for an outlet on every page. @param {string} domain */
function hueOf(domain) {
  let hash = 7;
  for (let i = 0; i < domain.length; i++) hash = (hash * 31 + domain.charCodeAt(i)) >>> 0;
  return hash % 6;
}

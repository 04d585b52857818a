// The page shell every other layout wraps its body in. Override it by putting a `base.js` in your
// site's layouts folder (the `layoutsDir` option); every page kind then uses yours.
/** @typedef {import("eleventy-plugin-news-digest/core").LayoutKit} LayoutKit */
/** @typedef {import("eleventy-plugin-news-digest/core").BaseLayoutData} BaseLayoutData */

/** The site's sections; `within` says which pages belong to one besides its own. */
const NAV = [
  { path: "/", label: "Latest", within: /^\/page\/\d+\/$/ },
  { path: "/topics/", label: "Topics", within: /^\/topics\// },
  { path: "/providers/", label: "Outlets", within: /^\/providers\// },
  { path: "/search/", label: "Search", within: /^\/search\// },
  { path: "/feeds/", label: "Feeds", within: /^\/feeds\// },
];

/**
 * `aria-current="page"` on the link to this very page; `"true"` on its section's link elsewhere in
 * the section (a topic's page is within Topics), so the nav says where the reader is.
 *
 * @param {{ path: string, within: RegExp }} item
 * @param {string} pageUrl
 * @returns {"page" | "true" | undefined}
 */
function current(item, pageUrl) {
  if (pageUrl === item.path) return "page";
  return item.within.test(pageUrl) ? "true" : undefined;
}

/**
 * @param {BaseLayoutData} data
 * @param {LayoutKit} kit
 */
export default function base(data, kit) {
  const { html, site, url } = kit;
  // A noindex page (the 404, served at any missing path) has no address of its own to name:
  // a canonical or og:url pointing at /404.html would ask crawlers to index it after all.
  const canonical = site.siteUrl && !data.noindex ? kit.absoluteUrl(data.pageUrl) : undefined;
  const description = data.description || site.description;
  const image = data.image;
  // Every page announces the site's feeds, so a reader given any link (a shared article included)
  // finds them; a term page puts its own first, and an article page adds its outlet's and topics'.
  const siteFeeds = kit.feeds();
  const ownFeeds = data.feeds && data.feeds.rss !== siteFeeds.rss ? [data.feeds, siteFeeds] : [siteFeeds];
  return html`<!doctype html>
<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="${url(kit.iconPath)}" type="image/svg+xml">
<title>${data.title}</title>
<meta name="description" content="${description}">
${data.noindex ? html`<meta name="robots" content="noindex">` : ""}
${canonical ? html`<link rel="canonical" href="${canonical}">` : ""}
<link rel="stylesheet" href="${url("/assets/news-digest.css")}">
${ownFeeds.map(
    (feeds) => html`<link rel="alternate" type="application/rss+xml" title="${feeds.title} (RSS)" href="${url(feeds.rss)}">
<link rel="alternate" type="application/atom+xml" title="${feeds.title} (Atom)" href="${url(feeds.atom)}">
<link rel="alternate" type="application/feed+json" title="${feeds.title} (JSON Feed)" href="${url(feeds.json)}">
`,
  )}${(data.alternates ?? []).map((feeds) => html`<link rel="alternate" type="application/rss+xml" title="${feeds.title} (RSS)" href="${url(feeds.rss)}">
`)}
<meta property="og:site_name" content="${site.title}">
<meta property="og:title" content="${data.title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${data.ogType || "website"}">
${canonical ? html`<meta property="og:url" content="${canonical}">` : ""}
${image
    ? html`<meta property="og:image" content="${image.url}">
${image.width ? html`<meta property="og:image:width" content="${image.width}">` : ""}
${image.height ? html`<meta property="og:image:height" content="${image.height}">` : ""}
${image.alt ? html`<meta property="og:image:alt" content="${image.alt}">` : ""}`
    : ""}
${data.head || ""}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<a class="brand" href="${url("/")}">${site.title}</a>
<nav aria-label="Site">
<ul>
${NAV.filter((item) => item.path !== "/search/" || site.search).map((item) => {
  const here = current(item, data.pageUrl);
  return html`<li><a href="${url(item.path)}"${here ? html` aria-current="${here}"` : ""}>${item.label}</a></li>`;
})}
</ul>
</nav>
</header>
<main id="main">
${data.body}
</main>
<footer class="site-footer">
<p>${site.description}</p>
<p>Headlines and excerpts belong to their outlets; each story links to the original.</p>
</footer>
</body>
</html>
`;
}

import type { Article } from "../article/types.js";
import type { LayoutKit } from "./kit.js";
import { sitePathOf } from "./site-pages.js";

/** An address an article had in an earlier build, and the article that now lives elsewhere. */
export interface Redirect {
  from: string;
  to: Article;
}

/** Every article address a build knows: page URL → the article's identity (its canonical URL key). */
export type AddressBook = Map<string, string>;

// Only article addresses come back from a manifest, which is a file in the output folder anyone
// can edit: nothing else may become a redirect page, and nothing outside `/articles/`.
const ARTICLE_ADDRESS = /^\/articles\/[a-z0-9-]{1,200}\/$/;

/**
 * The redirects this build writes. An article's address depends on its date and headline, so an
 * edit of either moves it; the previous build's address book (kept in the output manifest) says
 * where it used to be, and a tiny page is left there. Old addresses are carried forward, so a page
 * renamed twice still answers at its first address, and dropped once the article itself is gone
 * or a live page takes the address. Linear in the addresses known.
 */
export function planRedirects(previous: ReadonlyMap<string, string>, articles: readonly Article[], livePages: ReadonlySet<string>): { redirects: Redirect[]; addresses: AddressBook } {
  const byKey = new Map<string, Article>();
  const addresses: AddressBook = new Map();
  for (const article of articles) {
    byKey.set(article.urlKey, article);
    addresses.set(article.pageUrl, article.urlKey);
  }
  const redirects: Redirect[] = [];
  for (const [from, key] of previous) {
    if (!ARTICLE_ADDRESS.test(from) || livePages.has(from)) continue;
    const to = byKey.get(key);
    if (!to || to.pageUrl === from) continue;
    redirects.push({ from, to });
    addresses.set(from, key);
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : 1));
  return { redirects, addresses };
}

/** A redirect page: meta refresh for browsers, canonical for crawlers, noindex so the old address leaves search results. */
export function* redirectPageFiles(redirects: readonly Redirect[], kit: LayoutKit): Generator<{ path: string; contents: string }> {
  const { html } = kit;
  for (const { from, to } of redirects) {
    const target = kit.url(to.pageUrl);
    const canonical = kit.site.siteUrl ? kit.absoluteUrl(to.pageUrl) : target;
    yield {
      path: sitePathOf(from),
      contents: `${html`<!doctype html>
<html lang="${kit.site.language}">
<head>
<meta charset="utf-8">
<title>${to.title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${canonical}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<p>This story has moved to <a href="${target}">${to.title}</a>.</p>
</body>
</html>`}\n`,
    };
  }
}

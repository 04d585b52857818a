import { escapeText } from "../escape.js";
import type { LayoutKit } from "./kit.js";

/** sitemaps.org: at most 50,000 URLs per sitemap file; past that, a sitemap index lists the parts. */
export const SITEMAP_URL_LIMIT = 50_000;

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

function urlset(locs: readonly string[]): string {
  return `${HEADER}<urlset xmlns="${NS}">\n${locs.map((loc) => `<url><loc>${escapeText(loc)}</loc></url>`).join("\n")}\n</urlset>\n`;
}

/** The files {@link renderSitemaps} writes for `urlCount` pages, without rendering them (for the output manifest). */
export function sitemapPaths(urlCount: number, siteUrl: string, limit = SITEMAP_URL_LIMIT): string[] {
  if (!siteUrl) return [];
  const parts = urlCount <= limit ? [] : Array.from({ length: Math.ceil(urlCount / limit) }, (_, i) => `/sitemap-${i + 1}.xml`);
  return ["/sitemap.xml", ...parts, "/robots.txt"];
}

/**
 * `/sitemap.xml` for every HTML page, split into `/sitemap-N.xml` parts under a sitemap index
 * once there are more than 50,000 URLs. URLs are absolute (sitemaps require it), so nothing is
 * written when no site URL is configured. Also writes `/robots.txt` pointing at it.
 */
export function renderSitemaps(pageUrls: readonly string[], kit: LayoutKit, limit = SITEMAP_URL_LIMIT): { path: string; contents: string }[] {
  if (!kit.site.siteUrl) return [];
  const locs = pageUrls.map((url) => kit.absoluteUrl(url));
  const robots = { path: "/robots.txt", contents: `User-agent: *\nAllow: /\n\nSitemap: ${kit.absoluteUrl("/sitemap.xml")}\n` };
  if (locs.length <= limit) return [{ path: "/sitemap.xml", contents: urlset(locs) }, robots];
  const parts: { path: string; contents: string }[] = [];
  for (let start = 0, n = 1; start < locs.length; start += limit, n++) {
    parts.push({ path: `/sitemap-${n}.xml`, contents: urlset(locs.slice(start, start + limit)) });
  }
  const index = `${HEADER}<sitemapindex xmlns="${NS}">\n${parts.map((part) => `<sitemap><loc>${escapeText(kit.absoluteUrl(part.path))}</loc></sitemap>`).join("\n")}\n</sitemapindex>\n`;
  return [{ path: "/sitemap.xml", contents: index }, ...parts, robots];
}

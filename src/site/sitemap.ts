import { escapeText } from "../escape.js";
import type { LayoutKit } from "./kit.js";

/** sitemaps.org: at most 50,000 URLs per sitemap file; past that, a sitemap index lists the parts. */
export const SITEMAP_URL_LIMIT = 50_000;

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

function urlset(locs: readonly string[]): string {
  return `${HEADER}<urlset xmlns="${NS}">\n${locs.map((loc) => `<url><loc>${escapeText(loc)}</loc></url>`).join("\n")}\n</urlset>\n`;
}

const SITEMAP_PATH = "/sitemap.xml";
const ROBOTS_PATH = "/robots.txt";
const sitemapPartPath = (n: number): string => `/sitemap-${n}.xml`;

/** The files {@link renderSitemaps} writes for `urlCount` pages, without rendering them (for the output manifest). */
export function sitemapPaths(urlCount: number, siteUrl: string, limit = SITEMAP_URL_LIMIT): string[] {
  if (!siteUrl) return [];
  const parts = urlCount <= limit ? [] : Array.from({ length: Math.ceil(urlCount / limit) }, (_, i) => sitemapPartPath(i + 1));
  return [SITEMAP_PATH, ...parts, ROBOTS_PATH];
}

/**
 * `/sitemap.xml` for every HTML page, split into `/sitemap-N.xml` parts under a sitemap index
 * once there are more than 50,000 URLs. URLs are absolute (sitemaps require it), so nothing is
 * written when no site URL is configured. Also writes `/robots.txt` pointing at it.
 */
export function renderSitemaps(pageUrls: readonly string[], kit: LayoutKit, limit = SITEMAP_URL_LIMIT): { path: string; contents: string }[] {
  if (!kit.site.siteUrl) return [];
  const locs = pageUrls.map((url) => kit.absoluteUrl(url));
  const robots = { path: ROBOTS_PATH, contents: `User-agent: *\nAllow: /\n\nSitemap: ${kit.absoluteUrl(SITEMAP_PATH)}\n` };
  if (locs.length <= limit) return [{ path: SITEMAP_PATH, contents: urlset(locs) }, robots];
  const parts: { path: string; contents: string }[] = [];
  for (let start = 0, n = 1; start < locs.length; start += limit, n++) {
    parts.push({ path: sitemapPartPath(n), contents: urlset(locs.slice(start, start + limit)) });
  }
  const index = `${HEADER}<sitemapindex xmlns="${NS}">\n${parts.map((part) => `<sitemap><loc>${escapeText(kit.absoluteUrl(part.path))}</loc></sitemap>`).join("\n")}\n</sitemapindex>\n`;
  return [{ path: SITEMAP_PATH, contents: index }, ...parts, robots];
}

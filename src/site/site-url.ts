import { NewsDigestError } from "../errors.js";
import { normalisePathPrefix } from "./kit.js";

/**
 * The origin every absolute URL is built from (siteUrl + path prefix + page path) for a build
 * with Eleventy's `pathPrefix`. A siteUrl with a path, as publishers write a project site's
 * address (https://you.github.io/news/), is accepted when it agrees with the path prefix; when it
 * does not, the build stops before any page is written, saying both ways to fix it, because every
 * canonical link and feed would otherwise point at the wrong place.
 */
export function siteOriginFor(siteUrl: string, pathPrefix: string | undefined): string {
  if (siteUrl === "") return siteUrl;
  const url = new URL(siteUrl);
  if (url.pathname === "/") return url.origin;
  const prefix = normalisePathPrefix(pathPrefix);
  if (url.pathname === prefix) return url.origin;
  throw new NewsDigestError(
    `siteUrl ${JSON.stringify(siteUrl)} has the path ${url.pathname}, but Eleventy's path prefix is ${JSON.stringify(prefix)}. Build with --pathprefix=${url.pathname} (or pathPrefix: "${url.pathname}" in your Eleventy config), or set siteUrl to the origin ${url.origin}.`,
  );
}

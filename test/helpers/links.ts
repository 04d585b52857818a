import type { FixtureBuild } from "./build-fixture.js";
import { parseHtml } from "./html.js";

/**
 * Every same-site link, asset and feed reference in every written HTML page, with the page it is
 * on, for those that do not resolve to a written file. `prefix` is the site's path prefix.
 */
export function brokenInternalLinks(build: FixtureBuild, prefix = "/"): string[] {
  const written = new Set(build.files());
  const broken: string[] = [];
  for (const file of build.files().filter((f) => f.endsWith(".html"))) {
    const page = parseHtml(build.read(file));
    const refs = [...page.attrs("a[href], link[href]", "href"), ...page.attrs("img[src], script[src]", "src")];
    for (const ref of refs) {
      if (!ref.startsWith("/") || ref.startsWith("//")) continue;
      const [pathOnly = ""] = ref.split(/[?#]/);
      if (!pathOnly.startsWith(prefix)) {
        broken.push(`${file}: ${ref} (outside the path prefix ${prefix})`);
        continue;
      }
      const sitePath = `/${pathOnly.slice(prefix.length)}`;
      const target = sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath;
      if (!written.has(decodeURI(target))) broken.push(`${file}: ${ref}`);
    }
  }
  return broken;
}

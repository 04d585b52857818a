import type { SafeHtml } from "../src/escape.js";
import { layoutOf as layout } from "../src/site/page-kinds.js";
import type { EleventyConfig } from "./eleventy-types.js";
import type { BuildState } from "./index.js";

interface SinglePage {
  name: string;
  permalink: string;
  render: (state: BuildState) => SafeHtml | string;
}

const SINGLE_PAGES: SinglePage[] = [
  { name: "feeds", permalink: "/feeds/", render: (s) => layout(s.kit, "feeds")({ feeds: s.feeds, pageUrl: "/feeds/" }, s.kit) },
  { name: "search", permalink: "/search/", render: (s) => layout(s.kit, "search")({ providers: s.site.providers, topics: s.site.topics, pageUrl: "/search/" }, s.kit) },
  { name: "not-found", permalink: "/404.html", render: (s) => layout(s.kit, "not-found")({ pageUrl: "/404.html" }, s.kit) },
  { name: "style", permalink: "/assets/news-digest.css", render: (s) => s.loaded.assets["style.css"] },
  { name: "search-script", permalink: "/assets/news-digest-search.js", render: (s) => s.loaded.assets["search.js"] },
];

/**
 * The site's few single pages as virtual 11ty.js templates, so they go through Eleventy like the
 * site's own pages. (Article, list and term-index pages are written by the core: see
 * src/site/site-pages.ts for why.)
 */
export function registerTemplates(eleventyConfig: EleventyConfig, current: () => BuildState): void {
  for (const page of SINGLE_PAGES) {
    eleventyConfig.addTemplate(`news-digest/${page.name}.11ty.js`, {
      data: { eleventyExcludeFromCollections: true, permalink: page.permalink },
      render() {
        return String(page.render(current()));
      },
    });
  }
}

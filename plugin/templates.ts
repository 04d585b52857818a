import type { SafeHtml } from "../src/escape.js";
import { PAGINATED_KIND_NAMES, layoutOf as layout, renderEntry, type PageEntry } from "../src/site/page-kinds.js";
import type { EleventyConfig } from "./eleventy-types.js";
import type { BuildState } from "./index.js";

interface SinglePage {
  name: string;
  permalink: string;
  render: (state: BuildState) => SafeHtml | string;
}

const SINGLE_PAGES: SinglePage[] = [
  { name: "feeds", permalink: "/feeds/", render: (s) => layout(s.kit, "feeds")({ feeds: s.feeds, pageUrl: "/feeds/" }, s.kit) },
  { name: "search", permalink: "/search/", render: (s) => layout(s.kit, "search")({ providers: s.plan.providers, topics: s.plan.topics, pageUrl: "/search/" }, s.kit) },
  { name: "not-found", permalink: "/404.html", render: (s) => layout(s.kit, "not-found")({ pageUrl: "/404.html" }, s.kit) },
  { name: "style", permalink: "/assets/news-digest.css", render: (s) => s.loaded.assets["style.css"] },
  { name: "search-script", permalink: "/assets/news-digest-search.js", render: (s) => s.loaded.assets["search.js"] },
];

/**
 * One virtual 11ty.js template per page kind; paginated kinds run over `newsDigestPages.<kind>`
 * (every page on a clean build, only the changed ones on a watch-mode rebuild). 11ty.js render
 * functions cost about half of a Nunjucks layout chain per page (measured: 2.6 s vs 4.8 s for
 * 10,000 pages), and layouts escape through the core's `html` tag.
 */
export function registerTemplates(eleventyConfig: EleventyConfig, current: () => BuildState): void {
  for (const kind of PAGINATED_KIND_NAMES) {
    eleventyConfig.addTemplate<{ entry: PageEntry }>(`news-digest/${kind}.11ty.js`, {
      data: {
        eleventyExcludeFromCollections: true,
        permalink: (data: { entry: PageEntry }) => data.entry.pageUrl,
        pagination: { data: `newsDigestPages.${kind}`, size: 1, alias: "entry", addAllPagesToCollections: false },
      },
      render({ entry }) {
        const state = current();
        const html = state.rendered?.take(entry.pageUrl) ?? renderEntry(state.kit, kind, entry);
        state.rendered?.remember(entry.pageUrl, html);
        return html;
      },
    });
  }
  for (const page of SINGLE_PAGES) {
    eleventyConfig.addTemplate(`news-digest/${page.name}.11ty.js`, {
      data: { eleventyExcludeFromCollections: true, permalink: page.permalink },
      render() {
        return String(page.render(current()));
      },
    });
  }
}

import type { BuildState } from "../build/build-state.js";
import { layoutOf as layout } from "./page-kinds.js";
import { sitePathOf } from "./site-pages.js";
import { SITE_ICON_PATH } from "../feeds/index.js";

/** A page the site has once, rendered by Eleventy as a virtual template so it goes through the site's own pipeline. */
export interface SinglePage {
  name: string;
  permalink: string;
  render: (state: BuildState) => string;
}

/** The site's single pages. Article, list and term-index pages are written by the core: see site-pages.ts for why. */
export const SINGLE_PAGES: readonly SinglePage[] = [
  { name: "feeds", permalink: "/feeds/", render: (s) => String(layout(s.kit, "feeds")({ feeds: s.feeds, pageUrl: "/feeds/" }, s.kit)) },
  { name: "search", permalink: "/search/", render: (s) => String(layout(s.kit, "search")({ providers: s.site.providers, topics: s.site.topics, pageUrl: "/search/" }, s.kit)) },
  { name: "not-found", permalink: "/404.html", render: (s) => String(layout(s.kit, "not-found")({ pageUrl: "/404.html" }, s.kit)) },
  { name: "style", permalink: "/assets/news-digest.css", render: (s) => s.loaded.assets["style.css"] },
  { name: "search-script", permalink: "/assets/news-digest-search.js", render: (s) => s.loaded.assets["search.js"] },
  { name: "icon", permalink: SITE_ICON_PATH, render: (s) => s.loaded.assets["icon.svg"] },
];

/** Eleventy's input path of a single page's virtual template (it is reported under this name, so it is told apart from the site's own). */
export const singlePageInputPath = (page: SinglePage): string => `news-digest/${page.name}.11ty.js`;

export const singlePagePaths = (): string[] => SINGLE_PAGES.map((page) => sitePathOf(page.permalink));

// The benchmark's peers get their own copies of the corpus, made before any timing starts: the
// files a peer needs next to the articles (a layout, a data file) never reach the folder the
// plugin's build reads, and the watch run's edit never reaches theirs.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The plainest Eleventy site over the corpus: the articles as Markdown templates (Eleventy's
 * default formats include .md, and the files are front matter only), one Nunjucks layout in
 * `_includes`, applied by a directory data file. No config and no filters.
 * @param {string} corpus @param {string} site
 */
export function prepareFloorSite(corpus, site) {
  cpSync(corpus, path.join(site, "content"), { recursive: true });
  mkdirSync(path.join(site, "_includes"), { recursive: true });
  writeFileSync(
    path.join(site, "_includes", "article.njk"),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><article>
<h1>{{ title }}</h1>
<p>{{ provider.name }} · {{ publishedDateTime }}</p>
<p>{{ excerpt }}</p>
<p>{% for topic in topics %}<a href="/topics/{{ topic }}/">{{ topic }}</a> {% endfor %}</p>
<p><a href="{{ originalUrl }}">Read at {{ provider.name }}</a></p>
</article></body></html>
`,
  );
  writeFileSync(path.join(site, "content", "content.11tydata.json"), `${JSON.stringify({ layout: "article.njk" })}\n`);
}

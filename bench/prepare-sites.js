// The benchmark's peers get their own copies of the corpus, made before any timing starts: the
// files each peer needs next to the articles (a layout, a data file, a config) never reach the
// folder the plugin's build reads, and the watch run's edit never reaches theirs.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

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

/**
 * A Hugo site over the corpus: bench/hugo's config and layouts, and each article as a page of
 * section `articles` with its front matter as it is, plus the two lines Hugo needs to treat it
 * as the digest does: its provider's domain as a `providers` term (Hugo's taxonomies take a
 * top-level list, not a field of a mapping; the domain is the digest's key for a provider) and
 * `draft: true` for an unpublished article (Hugo has no `published` field).
 * @param {string} corpus @param {string} site
 */
export function prepareHugoSite(corpus, site) {
  cpSync(path.join(here, "hugo"), site, { recursive: true });
  const pages = path.join(site, "content", "articles");
  mkdirSync(pages, { recursive: true });
  for (const name of readdirSync(corpus)) {
    const text = readFileSync(path.join(corpus, name), "utf8");
    const domain = /^ {2}domain: (.+)$/m.exec(text)?.[1];
    if (!domain) throw new Error(`${name}: no provider domain for the Hugo site`);
    const page = text.replace(/^published: (true|false)$/m, (line, published) => `${line}\nproviders: [${JSON.stringify(domain)}]${published === "false" ? "\ndraft: true" : ""}`);
    if (page === text) throw new Error(`${name}: no published field for the Hugo site`);
    writeFileSync(path.join(pages, name), page);
  }
}

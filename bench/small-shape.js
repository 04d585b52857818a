// The benchmark's first corpus shape, kept as `--shape small`: 1.9 KB files with one URL per related
// item and placeholder text. It understates parsing and clustering by about a third against the seeds'
// shape (generate.js), and is kept byte-identical to what it always wrote, so results measured on it
// stay comparable.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { random } from "./random.js";

const WORDS = "market rates climate energy grid chip vote court health vaccine space rocket bank startup privacy data model robot trade port storm flood wildfire election budget housing rent battery solar wind ocean city transit rail airline union strike merger lawsuit".split(" ");
const UNICODE_TITLES = ["Café owners fear rent rises in Zürich", "東京の電力需要が過去最高に", "Élections: ce qu'il faut savoir", "🚀 Launch day for the new rocket", "الأسواق تترقب قرار الفائدة", "São Paulo transit strike ends", "Größter Windpark der Nordsee eröffnet"];

/** @param {string} value */
const quote = (value) => JSON.stringify(value);

/**
 * @param {{ count: number, dir: string, seed?: number }} options
 * @returns {{ files: number, bytes: number }}
 */
export function generateSmallCorpus({ count, dir, seed = 42 }) {
  const next = random(seed);
  const pick = (/** @type {number} */ n) => Math.floor(next() * n);
  // Zipf-like: a few providers and topics carry most articles, with a long tail.
  const zipf = (/** @type {number} */ n, /** @type {number} */ s) => Math.min(n - 1, Math.floor(Math.pow(next(), s) * n));
  const providers = Array.from({ length: 300 }, (_, i) => ({ name: `Outlet ${i} ${WORDS[i % WORDS.length]} News`, domain: `outlet${i}.example.${["com", "org", "net"][i % 3]}` }));
  const topics = Array.from({ length: 150 }, (_, i) => (i < 5 ? ["AI", "Climate", "Markets", "Politics", "Health"][i] : `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`));
  const start = Date.UTC(2022, 0, 1);
  const span = 3 * 365 * 86_400_000;
  mkdirSync(dir, { recursive: true });
  // Stories, as in real feeds: most articles start their own story, some join a recent one. Related
  // items point at the story's other articles or at coverage outside the corpus, never at random
  // strangers (random links would chain the whole corpus into one story).
  /** @type {{ urls: string[], outside: string[] }[]} */
  const stories = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const provider = providers[zipf(300, 2.2)] ?? providers[0];
    const when = new Date(start + Math.floor(next() * span)).toISOString().replace(/\.\d+Z$/, next() < 0.3 ? "+02:00" : "Z");
    const title = next() < 0.04 ? `${UNICODE_TITLES[pick(UNICODE_TITLES.length)]} ${i}` : `${WORDS[pick(WORDS.length)]} ${WORDS[pick(WORDS.length)]} story ${i}: ${WORDS[pick(WORDS.length)]} and ${WORDS[pick(WORDS.length)]}`.replace(/^./, (c) => c.toUpperCase());
    const url = `https://${provider?.domain}/${when.slice(0, 10).replace(/-/g, "/")}/story-${i}`;
    const joinsRecent = stories.length > 0 && next() < 0.35;
    const story = joinsRecent ? (stories[stories.length - 1 - pick(Math.min(50, stories.length))] ?? { urls: [], outside: [] }) : { urls: [], outside: [] };
    if (!joinsRecent) stories.push(story);
    const articleTopics = [...new Set(Array.from({ length: 1 + pick(4) }, () => topics[zipf(150, 2.5)]))];
    const related = Array.from({ length: pick(6) }, () => {
      const other = providers[pick(300)];
      const sibling = story.urls.length > 0 && next() < 0.5 ? story.urls[pick(story.urls.length)] : undefined;
      const shared = story.outside.length > 0 && next() < 0.5 ? story.outside[pick(story.outside.length)] : undefined;
      const target = sibling ?? shared ?? `https://${other?.domain}/related/${pick(1_000_000)}`;
      if (!sibling && !shared) story.outside.push(target);
      return [
        `  - title: ${quote(`Related coverage ${pick(100000)}`)}`,
        `    excerpt: "Another outlet's take on the story."`,
        `    publishedDateTime: ${when}`,
        `    webUrl: ${quote(`${target}${next() < 0.2 ? "?utm_source=feed" : ""}`)}`,
        `    type: article`,
        `    provider:`,
        `      name: ${quote(other?.name ?? "Other")}`,
        `      domain: ${other?.domain}`,
        `    quality: ${pick(100)}`,
        `    images:`,
        `      - url: "https://images.example.net/r/${pick(100000)}.jpg"`,
        `        width: 800`,
        `        height: 450`,
      ].join("\n");
    });
    const text = [
      "---",
      "category: news",
      `title: ${quote(title)}`,
      `excerpt: ${quote(`${title}. What happened, who it affects and what comes next, in a couple of sentences for the digest reader.`)}`,
      `publishedDateTime: ${when}`,
      `originalUrl: ${quote(url)}`,
      `webUrl: ${quote(url)}`,
      `ampWebUrl: ${quote(`${url}/amp/`)}`,
      `type: article`,
      `quality: ${pick(101)}`,
      `heat: ${pick(5000) - 1}`,
      `published: ${next() < 0.05 ? "false" : "true"}`,
      "",
      "provider:",
      `  name: ${quote(provider?.name ?? "Outlet")}`,
      `  domain: ${provider?.domain}`,
      "  images:",
      `    - url: "https://images.example.net/logos/${provider?.domain}-50x50.jpg"`,
      "      width: 50",
      "      height: 50",
      "",
      "topics:",
      ...articleTopics.map((t) => `  - ${quote(t ?? "AI")}`),
      "",
      "images:",
      `  - url: "https://images.example.net/a/${i}.jpg"`,
      "    width: 1200",
      "    height: 675",
      "    isCached: true",
      "",
      related.length ? `related:\n${related.join("\n")}` : "related: []",
      "",
      `secured: "${Buffer.from(`sig-${i}-${seed}`).toString("base64")}"`,
      "---",
      "",
    ].join("\n");
    story.urls.push(url);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `${String(i).padStart(6, "0")}_${(i * 2654435761 >>> 0).toString(16)}.md`), text);
  }
  return { files: count, bytes };
}


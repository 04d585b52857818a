// Deterministic generator of benchmark articles in the seeds' shape (test/fixtures/seeds/): every
// field the seed files have, at their size (4-6 KB with 3-4 related items; 0-5 related items
// each). Parsing, validation and clustering cost follows the bytes and the URLs per file, so a
// corpus smaller than the real files understates them. Same --count, --seed and --shape give
// byte-identical files.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { random } from "./random.js";
import { generateSmallCorpus } from "./small-shape.js";

/** @typedef {"realistic" | "small"} Shape */
/** @typedef {{ name: string, domain: string, host: string, style: number }} Outlet */
/** @typedef {{ url: string, width: number, height: number }} Image */
/**
 * One outlet's article about a story: what its own file says about itself, and what every other
 * file of the story copies into its `related` list (the seeds' related items repeat the linked
 * article's title, excerpt, date and URLs verbatim).
 * @typedef {{ title: string, excerpt: string, when: string, webUrl: string, ampWebUrl: string, cdnAmpWebUrl: string, outlet: Outlet, quality: number, image: Image }} Coverage
 */
/** @typedef {{ subject: string, action: string, object: string, context: string, unicode?: string }} Event */
/** @typedef {{ event: Event, at: number, topics: string[], coverage: Coverage[] }} Story */

export const SHAPES = /** @type {const} */ (["realistic", "small"]);

const PLACES = ["Riverside", "Northwind", "Harbour", "Prairie", "Quayside", "Summit", "Lakeshore", "Ironbridge", "Meadowbank", "Capital", "Eastgate", "Westmoor", "Highland", "Baystate", "Redcliff", "Silverton", "Oakridge", "Brookfield", "Stonehaven", "Goldcoast"];
const MASTHEADS = ["Courier", "Ledger", "Tribune", "Gazette", "Herald", "Post", "Chronicle", "Observer", "Times", "Wire", "Dispatch", "Review", "Journal", "Tech", "Business"];
// A few outlets whose names are not ASCII, as in an international feed.
const NAMED = { 7: "Élan Quotidien", 42: "Zürcher Blatt", 99: "São Paulo Diário", 150: "Ōsaka Shimpō", 222: "Kraków Głos" };
const TLDS = ["com", "co.uk", "com", "net", "org", "com.au", "com", "de", "fr", "io"];

const SUBJECTS = ["U.S. banks", "European regulators", "chipmakers", "airlines", "city councils", "hospitals", "wind farm operators", "insurers", "central banks", "carmakers", "supermarkets", "universities", "telecom operators", "shipping lines", "farmers", "game studios", "streaming services", "rail operators", "utilities", "drugmakers", "start-ups", "cloud providers", "police forces", "schools", "retailers", "port authorities", "ride-hailing firms", "newspapers", "pension funds", "space agencies"];
const ACTIONS = ["deploy", "weigh", "race to build", "push back on", "cut spending on", "double down on", "warn about", "invest billions in", "quietly test", "delay plans for", "turn to", "struggle with", "sign deals for", "face scrutiny over", "pilot", "phase out", "lobby against", "bet on", "pause", "expand"];
const OBJECTS = ["AI cameras that watch customers and staff", "new rules for AI models used in lending", "factories closer to customers", "battery storage for the grid", "facial recognition at the door", "four-day working weeks", "chatbots for customer service", "drone deliveries", "heat pumps", "carbon capture", "self-driving shuttles", "satellite internet", "digital currencies", "quantum-safe encryption", "green hydrogen", "predictive policing tools", "rooftop solar", "cloud contracts", "data centres in the desert", "electric ferries", "robot warehouses", "price-tracking software", "remote patient monitoring", "crop-spraying robots", "open-source models", "biometric payments", "offshore wind", "water recycling plants", "cheaper insulin", "subsea cables"];
const CONTEXTS = ["amid tech backlash", "as costs soar", "after a record quarter", "despite privacy fears", "ahead of new EU rules", "as demand hits a record", "in a bid to cut emissions", "as rivals circle", "after months of talks", "amid staff shortages", "as interest rates bite", "following an outage", "under pressure from investors", "as a heatwave grips the region", "before a key vote"];
const SECOND_SENTENCES = [
  "Executives say the move will cut costs, while critics warn of the risks to privacy and jobs.",
  "The plans are at an early stage and could still change, two people familiar with the matter said.",
  "Analysts expect others to follow within a year if the first results hold up.",
  "Unions and consumer groups have asked for public hearings before anything is rolled out.",
  "The companies involved declined to comment on the cost or the timeline.",
  "Officials said the first phase would start in the spring and cover three regions.",
  "Shares in the sector rose on the news before giving up most of their gains.",
  "It is the latest sign of how quickly the industry is changing under new competition.",
  "Some of the earliest trials were paused last year after complaints from staff.",
  "Lawmakers have promised to look closely at the details once they are published.",
];
// Whole stories in other scripts and with accents and emoji: titles the slugs, feeds and search must carry.
const UNICODE_EVENTS = ["Café owners fear rent rises in Zürich", "東京の電力需要が過去最高に", "Élections : ce qu'il faut savoir avant le vote", "🚀 Launch day for the new European rocket", "الأسواق تترقب قرار الفائدة", "São Paulo transit strike ends after nine days", "Größter Windpark der Nordsee eröffnet", "서울 지하철 파업 사흘째", "Москва вводит новые правила для такси", "Ο καύσωνας πιέζει το δίκτυο ρεύματος"];

const BASE_TOPICS = ["AI", "Climate", "Markets", "Politics", "Health", "Energy", "Banking", "Cybersecurity", "Privacy", "Robotics", "Space", "Transport", "Housing", "Trade", "Labour", "Education", "Elections", "Semiconductors", "Startups", "Telecoms", "Retail", "Agriculture", "Insurance", "Aviation", "Shipping", "Water", "Wildfires", "Vaccines", "Crypto", "Media"];
const ORGANISATIONS = ["IBM", "Google", "Microsoft", "Amazon", "Apple", "Meta", "Nvidia", "Intel", "Tesla", "Samsung", "Siemens", "Airbus", "Boeing", "Pfizer", "Toyota", "Alibaba", "Sony", "Oracle", "SAP", "Huawei", "Nestlé", "Société Générale"];
// 150 topics: the broad ones first (the Zipf pick makes them the most common), then an
// organisation's take on one, as in the seeds' "IBM AI" next to "AI".
const TOPICS = [...BASE_TOPICS, ...Array.from({ length: 120 }, (_, i) => `${ORGANISATIONS[i % ORGANISATIONS.length]} ${BASE_TOPICS[(i * 7 + Math.floor(i / ORGANISATIONS.length)) % BASE_TOPICS.length]}`)];
const SECTIONS = ["technology", "business", "world", "science", "markets", "politics", "health", "climate"];
const IMAGE_SIZES = [[1260, 710], [1200, 600], [859, 545], [1024, 673], [1600, 900], [800, 450], [1920, 1080]];
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
// Weights for 0..5 related items: mean 3.5, as in the seeds (4 and 3), with the tails real feeds have.
const RELATED_COUNT_WEIGHTS = [0.05, 0.07, 0.1, 0.2, 0.28, 0.3];
// Of new stories, the share that join one of the last RECENT_STORIES instead of starting their own.
const JOIN_SHARE = 0.35;
const RECENT_STORIES = 50;

/** @param {string} value */
const quote = (value) => JSON.stringify(value);
/** @param {string} text */
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
/** URL path slug of a headline; a headline without Latin letters keeps only what is left (often nothing). @param {string} text */
const slug = (text) => text.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 90);

/** @param {number} i @returns {Outlet} */
function outlet(i) {
  const name = NAMED[/** @type {keyof typeof NAMED} */ (i)] ?? `The ${PLACES[i % PLACES.length]} ${MASTHEADS[Math.floor(i / PLACES.length) % MASTHEADS.length]}`;
  const domain = `${slug(name).replace(/^the-/, "").replace(/-/g, "")}.${TLDS[i % TLDS.length]}`;
  return { name, domain, host: i % 3 === 0 ? domain : `www.${domain}`, style: i % 4 };
}
const OUTLETS = Array.from({ length: 300 }, (_, i) => outlet(i));
/** @param {number} i an index below OUTLETS.length */
const outletAt = (i) => /** @type {Outlet} */ (OUTLETS[i]);

/**
 * @param {{ count: number, dir: string, seed?: number, shape?: Shape }} options
 * @returns {{ files: number, bytes: number }}
 */
export function generateCorpus({ count, dir, seed = 42, shape = "realistic" }) {
  if (shape === "small") return generateSmallCorpus({ count, dir, seed });
  const next = random(seed);
  const pick = (/** @type {number} */ n) => Math.floor(next() * n);
  /** @template T @param {readonly T[]} list @returns {T} */
  const one = (list) => /** @type {T} */ (list[pick(list.length)]);
  // Zipf-like: a few outlets and topics carry most articles, with a long tail.
  const zipf = (/** @type {number} */ n, /** @type {number} */ s) => Math.min(n - 1, Math.floor(Math.pow(next(), s) * n));
  const token = (/** @type {number} */ length, alphabet = ALPHANUMERIC) => Array.from({ length }, () => alphabet[pick(alphabet.length)]).join("");
  const hex = (/** @type {number} */ length) => token(length, "0123456789abcdef");
  const uuid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  /** An index drawn with the given weights (summing to 1). @param {readonly number[]} weights */
  const weighted = (weights) => {
    let roll = next();
    const at = weights.findIndex((w) => (roll -= w) < 0);
    return at === -1 ? weights.length - 1 : at;
  };
  const base64 = (/** @type {number} */ bytes) => Buffer.from(Array.from({ length: bytes }, () => pick(256))).toString("base64");
  const start = Date.UTC(2022, 0, 1);
  const span = 3 * 365 * 86_400_000;
  let serial = 0;

  /** @param {Story} story @param {Outlet} source @returns {Coverage} */
  const cover = (story, source) => {
    serial++;
    const { event } = story;
    const headline = event.unicode ?? `${capitalise(event.subject)} ${event.action} ${event.object}`;
    const roll = next();
    const title = event.unicode
      ? roll < 0.5 ? headline : `${headline} – ${source.name}`
      : roll < 0.35 ? headline : roll < 0.7 ? `${headline} ${event.context}` : roll < 0.8 ? `INSIGHT-${headline} ${event.context}` : roll < 0.9 ? `Why ${event.subject} ${event.action} ${event.object}` : `Analysis: ${headline}`;
    const first = `Several ${event.subject} have started to ${event.action} ${event.object}, ${event.context}, according to people familiar with the plans.`;
    const long = `${first} ${one(SECOND_SENTENCES)} ${one(SECOND_SENTENCES)}`;
    // Outlets' excerpts are a sentence, two, or a cut-off paragraph, as the seeds' are.
    const length = next();
    const excerpt = length < 0.3 ? first : length < 0.7 ? `${first} ${one(SECOND_SENTENCES)}` : `${long.slice(0, 250).replace(/\s+\S*$/, "")} ...`;
    const when = new Date(story.at + (pick(24 * 60) - 12 * 60) * 60_000).toISOString().replace(/\.\d+Z$/, next() < 0.2 ? "+02:00" : "Z");
    const day = when.slice(0, 10).split("-");
    const section = one(SECTIONS);
    const words = slug(title) || `story-${serial}`;
    const { host, domain } = source;
    const [width = 800, height = 450] = one(IMAGE_SIZES);
    // Each outlet keeps one of the seeds' four outlets' URL and image conventions (IT Pro,
    // VentureBeat, Reuters, St. Louis Post-Dispatch), so URL lengths and shapes vary as theirs do.
    /** @type {{ webUrl: string, ampWebUrl: string, imageUrl: string }} */
    let urls;
    if (source.style === 0) {
      const webUrl = `https://${host}/${section}/${slug(event.object)}/${100000 + serial}/${words}`;
      urls = { webUrl, ampWebUrl: `${webUrl}?amp`, imageUrl: `https://media.${domain}/image/upload/s--${token(8)}--/f_auto,t_content-image-full-desktop@1/v${1500000000 + pick(100000000)}/${capitalise(slug(event.object).replace(/-/g, "_"))}_${token(6)}.jpg` };
    } else if (source.style === 1) {
      const webUrl = `https://${host}/${day.join("/")}/${words}-${serial}/`;
      urls = { webUrl, ampWebUrl: `${webUrl}amp/`, imageUrl: `https://${host}/wp-content/uploads/${day[0]}/${day[1]}/${capitalise(slug(event.subject).replace(/-/g, ""))}${capitalise(section)}.jpg?w=${width}&strip=all` };
    } else if (source.style === 2) {
      const code = token(10);
      urls = {
        webUrl: `https://${host}/article/${section}-${slug(event.subject)}/${words}-id${code}`,
        ampWebUrl: `https://mobile.${domain}/article/amp/id${code}`,
        imageUrl: `https://s3.${domain.split(".")[0]}media.net/resources/r/?m=02&d=${day.join("")}&t=2&i=${1000000000 + pick(900000000)}&w=&fh=${height}px&fw=&ll=&pl=&sq=&r=${token(13)}`,
      };
    } else {
      const webUrl = `https://${host}/${section}/local/${words}/article_${uuid()}.html`;
      urls = { webUrl, ampWebUrl: webUrl.replace(/\.html$/, ".amp.html"), imageUrl: `https://bloximages.newyork1.vip.townnews.com/${domain}/content/tncms/assets/v3/editorial/${hex(1)}/${hex(2)}/${uuid()}/${hex(13)}.image.jpg?resize=${width}%2C${height}` };
    }
    const { webUrl, ampWebUrl, imageUrl } = urls;
    // The AMP cache's address of the AMP page: its host with dashes doubled and dots as dashes.
    const ampHost = new URL(ampWebUrl).host;
    const cdnAmpWebUrl = `https://${ampHost.replace(/-/g, "--").replace(/\./g, "-")}.cdn.ampproject.org/c/s/${ampWebUrl.slice("https://".length)}`;
    return { title, excerpt, when, webUrl, ampWebUrl, cdnAmpWebUrl, outlet: source, quality: 40 + pick(60), image: { url: imageUrl, width, height } };
  };

  /** @returns {Story} */
  const newStory = () => {
    const event = { subject: one(SUBJECTS), action: one(ACTIONS), object: one(OBJECTS), context: one(CONTEXTS), ...(next() < 0.04 ? { unicode: one(UNICODE_EVENTS) } : {}) };
    // One to three topics per story, mostly one or two (the seeds have two and one).
    const topicCount = next() < 0.5 ? 1 : next() < 0.75 ? 2 : 3;
    const topics = [...new Set(Array.from({ length: topicCount }, () => TOPICS[zipf(TOPICS.length, 2.5)] ?? "AI"))];
    return { event, at: start + pick(span / 60_000) * 60_000, topics, coverage: [] };
  };

  mkdirSync(dir, { recursive: true });
  // Stories, as in real feeds: most articles start their own story, some join a recent one. Related
  // items are the story's other coverage (files of the corpus, or articles outside it that later
  // files of the story list too), never random strangers: random links would chain the whole
  // corpus into one story.
  /** @type {Story[]} */
  const recent = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const joins = recent.length > 0 && next() < JOIN_SHARE;
    const story = joins ? one(recent) : newStory();
    if (!joins) {
      recent.push(story);
      if (recent.length > RECENT_STORIES) recent.shift();
    }
    const own = cover(story, outletAt(zipf(OUTLETS.length, 2.2)));
    const wanted = weighted(RELATED_COUNT_WEIGHTS);
    while (story.coverage.length < wanted) story.coverage.push(cover(story, outletAt(zipf(OUTLETS.length, 1.6))));
    const candidates = [...story.coverage];
    const related = Array.from({ length: wanted }, () => /** @type {Coverage} */ (candidates.splice(pick(candidates.length), 1)[0]));
    story.coverage.push(own);
    const text = articleText(own, {
      topics: story.topics,
      related,
      heat: next() < 0.1 ? -1 : zipf(5000, 3),
      published: next() >= 0.05,
      // Feeds add tracking parameters to some links; the canonical URL must still find the sibling.
      tracked: related.map(() => next() < 0.1),
      secured: `${base64(272)};${base64(16)}`,
    });
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `${String(i).padStart(6, "0")}_${((i * 2654435761) >>> 0).toString(16)}.md`), text);
  }
  return { files: count, bytes };
}

/**
 * The seeds' layout, key for key: the same order, quoting and blank lines.
 * @param {Coverage} own
 * @param {{ topics: string[], related: Coverage[], heat: number, published: boolean, tracked: boolean[], secured: string }} rest
 */
function articleText(own, { topics, related, heat, published, tracked, secured }) {
  const image = (/** @type {Image} */ img, /** @type {string} */ indent) => [`${indent}- url: ${quote(img.url)}`, `${indent}  width: ${img.width}`, `${indent}  height: ${img.height}`, `${indent}  isCached: true`];
  const relatedLines = related.flatMap((item, at) => [
    `  - title: ${quote(item.title)}`,
    `    excerpt: ${quote(item.excerpt)}`,
    `    publishedDateTime: ${item.when}`,
    `    webUrl: ${quote(tracked[at] ? `${item.webUrl}${item.webUrl.includes("?") ? "&" : "?"}utm_source=feed` : item.webUrl)}`,
    `    ampWebUrl: ${quote(item.ampWebUrl)}`,
    `    cdnAmpWebUrl: ${quote(item.cdnAmpWebUrl)}`,
    "    type: article",
    "    provider:",
    `      name: ${quote(item.outlet.name)}`,
    `      domain: ${item.outlet.domain}`,
    `    quality: ${item.quality}`,
    "    images:",
    ...image(item.image, "      "),
  ]);
  return [
    "---",
    "category: news",
    `title: ${quote(own.title)}`,
    `excerpt: ${quote(own.excerpt)}`,
    `publishedDateTime: ${own.when}`,
    `originalUrl: ${quote(own.webUrl)}`,
    `webUrl: ${quote(own.webUrl)}`,
    `ampWebUrl: ${quote(own.ampWebUrl)}`,
    `cdnAmpWebUrl: ${quote(own.cdnAmpWebUrl)}`,
    "type: article",
    `quality: ${own.quality}`,
    `heat: ${heat}`,
    `published: ${published}`,
    "",
    "provider:",
    `  name: ${quote(own.outlet.name)}`,
    `  domain: ${own.outlet.domain}`,
    "  images:",
    `    - url: ${quote(`https://smartableai.github.io/artificial-intelligence/assets/images/organizations/${own.outlet.domain}-50x50.jpg`)}`,
    "      width: 50",
    "      height: 50",
    "",
    "topics:",
    ...topics.map((t) => `  - ${quote(t)}`),
    "",
    "images:",
    ...image(own.image, "  "),
    "",
    ...(relatedLines.length ? ["related:", ...relatedLines] : ["related: []"]),
    "",
    `secured: ${quote(secured)}`,
    "---",
    "",
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const at = argv.indexOf(name);
    return at === -1 ? fallback : (argv[at + 1] ?? fallback);
  };
  const shape = arg("--shape", "realistic");
  if (!SHAPES.includes(/** @type {Shape} */ (shape))) throw new Error(`--shape must be one of ${SHAPES.join(", ")}, not ${shape}`);
  const result = generateCorpus({ count: Number(arg("--count", "1000")), dir: arg("--out", "bench-corpus"), seed: Number(arg("--seed", "42")), shape: /** @type {Shape} */ (shape) });
  console.log(`generated ${result.files} articles (${(result.bytes / 1048576).toFixed(1)} MiB)`);
}

import { articleFile } from "./article-file.js";

/**
 * A starter-like site of our own (tests never read the starter's content/): eight outlets, six
 * stories each covered by two to five of them (the first file names the others in `related[]`,
 * plus wire copies from an outlet with no file here), and a dozen single-outlet stories. One
 * outlet has no logo, one writes right-to-left, and the images live on hosts a browser test can
 * answer or fail.
 */
export interface Newsroom {
  files: Record<string, string>;
  /** Every published article's title → the name of its story (a single-outlet story is named after its title). */
  storyOf: Map<string, string>;
  /** The multi-outlet stories: name → titles of its published articles, newest first. */
  stories: Map<string, string[]>;
}

interface Outlet {
  name: string;
  domain: string;
  images: { url: string; width: number; height: number }[];
}

const logo = (name: string) => [{ url: `https://logos.example.net/${name}-50x50.png`, width: 50, height: 50 }];

export const OUTLETS: Outlet[] = [
  { name: "Harbor Ledger", domain: "harbor-ledger.example.com", images: logo("harbor") },
  { name: "Northwind Wire", domain: "northwind.example.org", images: logo("northwind") },
  { name: "The Lantern Post", domain: "lantern.example.com", images: logo("lantern") },
  { name: "Quayside Business", domain: "quayside.example.com", images: [] },
  { name: "Cobalt Tech Review", domain: "cobalt.example.net", images: logo("broken-cobalt") },
  { name: "Élan Quotidien", domain: "elan.example.fr", images: logo("elan") },
  { name: "الصحيفة اليومية", domain: "daily.example.ae", images: logo("daily") },
  { name: "Prairie Herald", domain: "prairie.example.com", images: logo("prairie") },
];

const WIRE = { name: "Example Wire Service", domain: "wire.example.com" };

const STORIES: { name: string; title: string; topics: string[]; outlets: number[]; day: number }[] = [
  { name: "rates", title: "Central bank holds rates, signals patience", topics: ["Markets", "Central Banks"], outlets: [0, 1, 2, 3, 7], day: 20 },
  { name: "chips", title: "Chipmakers race to build factories closer to customers", topics: ["Semiconductors", "Trade"], outlets: [4, 5, 1], day: 19 },
  { name: "grid", title: "Heatwave pushes power grids to record demand", topics: ["Energy", "Climate"], outlets: [2, 6], day: 18 },
  { name: "privacy", title: "Privacy watchdog fines app maker over location data", topics: ["Privacy"], outlets: [7, 0, 4, 5], day: 17 },
  { name: "port", title: "Shipping rates jump after canal restrictions", topics: ["Trade", "Markets"], outlets: [3, 1], day: 15 },
  { name: "models", title: "Regulators weigh new rules for AI models used in lending", topics: ["AI", "Central Banks"], outlets: [2, 0, 6], day: 12 },
];

const SOLO_TITLES = [
  "Satellite startup raises funds for methane tracking",
  "City councils test rent caps as housing costs climb",
  "Researchers train smaller language models on phones",
  "Offshore wind auction draws record bids",
  "Open-source maintainers ask companies to pay for security fixes",
  "Rail strike called off after late-night talks",
  "قرار الفائدة يترقبه المستثمرون في الخليج",
  "Vaccine maker expands plant to meet demand",
  "Airline pilots approve new contract",
  "Battery recycling plant opens near the port",
  "Drought cuts hydropower output across the region",
  "Court blocks merger of two grocery chains",
];

const day = (d: number, hour: number) => `2026-03-${String(d).padStart(2, "0")}T${String(hour).padStart(2, "0")}:15:00Z`;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";

export function newsroom(): Newsroom {
  const files: Record<string, string> = {};
  const storyOf = new Map<string, string>();
  const stories = new Map<string, string[]>();
  for (const story of STORIES) {
    const members = story.outlets.map((index, n) => {
      const outlet = OUTLETS[index] as Outlet;
      return { outlet, title: n === 0 ? story.title : `${story.title}${n % 2 ? " — analysis" : ", officials say"}`, url: `https://${outlet.domain}/${story.name}`, at: day(story.day, 14 - n * 2), quality: n === 1 ? 92 : 60 + n };
    });
    members.forEach((member, n) => {
      const related = n === 0
        ? [
            ...members.slice(1).map((other) => ({ title: other.title, excerpt: "Another outlet's take.", publishedDateTime: other.at, webUrl: other.url, provider: { name: other.outlet.name, domain: other.outlet.domain } })),
            { title: `${story.title} (wire)`, excerpt: "The wire copy.", publishedDateTime: day(story.day, 6), webUrl: `https://wire.example.com/${story.name}-1`, provider: { ...WIRE } },
            { title: `UPDATE 1-${story.title} (wire)`, excerpt: "The wire copy, updated.", publishedDateTime: day(story.day, 7), webUrl: `https://wire.example.com/${story.name}-2`, provider: { ...WIRE } },
          ]
        : [];
      files[`${story.name}-${n}.md`] = articleFile({
        title: member.title,
        excerpt: `${member.title}: what happened, who it affects and what comes next, as ${member.outlet.name} reports it.`,
        publishedDateTime: member.at,
        originalUrl: member.url,
        webUrl: member.url,
        provider: { ...member.outlet, images: member.outlet.images.map((image) => ({ ...image })) },
        topics: [...story.topics],
        quality: member.quality,
        heat: 40 + n,
        // Some lead images answer, some fail (the browser test decides by host).
        images: [{ url: `https://${n === 2 ? "broken-images" : "images"}.example.net/${story.name}-${n}.jpg`, width: 1200, height: 675 }],
        related,
      });
      storyOf.set(member.title, story.name);
    });
    stories.set(story.name, members.map((m) => m.title));
  }
  SOLO_TITLES.forEach((title, n) => {
    const outlet = OUTLETS[n % OUTLETS.length] as Outlet;
    files[`solo-${n}.md`] = articleFile({
      title,
      excerpt: `${title}. The details, in two sentences for the digest reader.`,
      publishedDateTime: day(14 - n, 9 + (n % 5)),
      originalUrl: `https://${outlet.domain}/${slug(title)}-${n}`,
      webUrl: undefined,
      provider: { ...outlet, images: outlet.images.map((image) => ({ ...image })) },
      topics: [["AI", "Housing", "Energy", "Climate", "Markets", "Trade"][n % 6] as string],
      quality: 40 + n,
      heat: n,
      // Every third story has no picture at all, and some pictures fail to load.
      images: n % 3 === 2 ? [] : [{ url: `https://${n % 4 === 1 ? "broken-images" : "images"}.example.net/solo-${n}.jpg`, width: 800, height: n % 2 ? 600 : 450 }],
    });
    storyOf.set(title, title);
  });
  return { files, storyOf, stories };
}

import { CoverageIndex, type CoverageEntries, type OutletLink } from "../clusters/coverage-index.js";

const outletLink = ({ providerName, providerDomain, localUrl, externalUrl }: OutletLink): OutletLink =>
  localUrl === undefined ? { providerName, providerDomain, externalUrl } : { providerName, providerDomain, localUrl, externalUrl };

/**
 * The coverage index with only what a feed item shows of another outlet's coverage: the outlet's
 * name and where its link goes (items.ts, coverageHtml). Titles, dates and copy counts are the
 * pages'. They were almost half of what the feed thread was sent (10,000 articles: 12.4 of 26.8 MB
 * serialised, 16.9 MiB of its heap), and without them an item's fingerprint covers only what the
 * item shows. Every feed is rendered from this index, in the feed thread or not, so the
 * fingerprints one build records are the ones the next computes. Each story's list is made once
 * (once a watch session, while the story's links are unchanged: see CoverageMemo).
 */
export function feedCoverage(index: CoverageIndex<OutletLink>): CoverageIndex<OutletLink> {
  const lists = index.memo.slimLinks;
  const entries: CoverageEntries<OutletLink> = new Map();
  for (const [pageUrl, { links, ownDomain }] of index.entries()) {
    let slim = lists.get(links);
    if (!slim) {
      slim = links.map(outletLink);
      lists.set(links, slim);
    }
    entries.set(pageUrl, { links: slim, ownDomain });
  }
  return new CoverageIndex(entries, index.memo);
}

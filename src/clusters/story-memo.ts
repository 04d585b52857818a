import { newCoverageMemo, type CoverageMemo } from "./coverage-index.js";
import type { CoverageLink } from "./build-clusters.js";

/**
 * A watch session's story links, kept from one build to the next while a story is made of the
 * same coverage. A story's links are a function of its members' coverage objects (published
 * articles and their related items, which are the same objects while their files are unchanged:
 * see DigestMemo) in the order the clustering meets them; so a story whose members are those
 * objects in that order gets last build's array, whose hash and feed copy the coverage memo
 * still holds. Hashing every story's links for the pages and again for the feeds was about
 * 120 ms of a one-article rebuild at 10,000 articles (6,400 stories). Stories a build no longer
 * has are forgotten at the one after.
 */
export class StoryMemo {
  readonly coverage: CoverageMemo = newCoverageMemo();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  private last = new Map<string, CoverageLink[]>();
  private current = new Map<string, CoverageLink[]>();

  /** Starts a build's clustering. */
  begin(): void {
    this.last = this.current;
    this.current = new Map();
  }

  /** The story's links: last build's array when its members are the same objects in the same order, else `make()`'s. */
  links(members: readonly object[], make: () => CoverageLink[]): CoverageLink[] {
    const key = members.map((member) => this.idOf(member)).join(" ");
    const links = this.last.get(key) ?? make();
    this.current.set(key, links);
    return links;
  }

  private idOf(member: object): number {
    let id = this.ids.get(member);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(member, id);
    }
    return id;
  }
}

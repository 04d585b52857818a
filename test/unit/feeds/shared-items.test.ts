import { describe, expect, it } from "vitest";
import { SharedItems } from "../../../src/feeds/shared-items.js";
import type { FeedItem } from "../../../src/feeds/items.js";

const subject = { name: "an article" };
const made = (): { build: () => FeedItem; count: () => number } => {
  let builds = 0;
  return { build: () => ({ id: `item ${++builds}` }) as FeedItem, count: () => builds };
};

describe("SharedItems", () => {
  it("builds an item once for all the documents that hold it, and lets it go after the last", () => {
    const shared = new SharedItems();
    const { build, count } = made();
    for (let i = 0; i < 3; i++) shared.expect(subject, false);
    const first = shared.item(subject, false, build);
    expect(shared.item(subject, false, build)).toBe(first);
    const serialise = (item: FeedItem) => `<item>${item.id}</item>`;
    expect(shared.rendered(first, "rss", serialise)).toBe("<item>item 1</item>");
    shared.release(subject, false);
    shared.release(subject, false);
    expect(shared.item(subject, false, build)).toBe(first);
    shared.release(subject, false);
    // Gone after the third document: asking again builds anew.
    expect(shared.item(subject, false, build)).not.toBe(first);
    expect(count()).toBe(2);
  });

  it("counts documents skipped before the item was built, so it still goes after the last one", () => {
    const shared = new SharedItems();
    const { build, count } = made();
    for (let i = 0; i < 3; i++) shared.expect(subject, true);
    // The first document was unchanged: nothing built, but it is done.
    shared.release(subject, true);
    const item = shared.item(subject, true, build);
    shared.release(subject, true);
    shared.release(subject, true);
    expect(shared.item(subject, true, build)).not.toBe(item);
    expect(count()).toBe(2);
  });

  it("keeps archived and head items of one subject apart", () => {
    const shared = new SharedItems();
    shared.expect(subject, false);
    shared.expect(subject, true);
    const { build } = made();
    expect(shared.item(subject, false, build)).not.toBe(shared.item(subject, true, build));
  });
});

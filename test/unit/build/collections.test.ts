import { describe, expect, it } from "vitest";
import { siteCollections } from "../../../src/build/collections.js";
import type { BuildState } from "../../../src/build/build-state.js";
import { articleFile } from "../../helpers/article-file.js";
import { digestFromFiles } from "../../helpers/digest.js";

const stateOf = (digest: ReturnType<typeof digestFromFiles>): BuildState => ({ digest, site: { providers: [], topics: [], urls: [] } }) as unknown as BuildState;

describe("siteCollections", () => {
  it("gives each article's entry its page URL, source link and date, made once per article object", () => {
    const digest = digestFromFiles({ "a.md": articleFile({ title: "One", originalUrl: "https://o.example.com/1" }) });
    const collection = siteCollections();
    const [entry] = collection(stateOf(digest), "articles");
    const article = digest.articles[0];
    expect(entry).toMatchObject({ title: "One", url: article?.pageUrl, sourceUrl: "https://o.example.com/1", publishedDateTime: article?.publishedAt });
    expect(collection(stateOf(digest), "articles")[0]).toBe(entry);
    // Another digest's article (a rebuild that read the file again) is another entry, with its own fields.
    const again = digestFromFiles({ "a.md": articleFile({ title: "One, edited", originalUrl: "https://o.example.com/1" }) });
    expect(collection(stateOf(again), "articles")[0]).toMatchObject({ title: "One, edited" });
    expect(collection(undefined, "articles")).toEqual([]);
  });
});

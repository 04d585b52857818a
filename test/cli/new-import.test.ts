import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleFile } from "../helpers/article-file.js";
import { writeFiles } from "../helpers/build-fixture.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const BIN = path.resolve(import.meta.dirname, "../../bin/news-digest.js");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real binary asynchronously (a server in this process must keep answering), without the caller's NEWS_DIGEST_CONTENT. */
function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const { NEWS_DIGEST_CONTENT: _unset, ...parentEnv } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...parentEnv, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const articles = (root: string, dir = "content"): string[] => readdirSync(path.join(root, dir)).sort();

describe("news-digest new", () => {
  it("writes a file that checks clean, prints its path, and refuses to overwrite it", async () => {
    const root = makeTempDir("cli-new");
    const args = ["new", "--title", "Rates rise again", "--url", "https://www.outlet.example.com/rates", "--provider-name", "Outlet", "--topic", "Markets", "--topic", "Rates", "--date", "2026-03-02T09:00:00Z", "--excerpt", "Banks move."];
    const first = await run(root, args);
    expect(first).toMatchObject({ status: 0, stderr: "" });
    expect(first.stdout.trim()).toBe(path.join("content", "2026-03-02-rates-rise-again.md"));
    const text = readFileSync(path.join(root, "content/2026-03-02-rates-rise-again.md"), "utf8");
    expect(text).toContain("domain: outlet.example.com");
    expect(text).toContain("  - Rates");
    const check = await run(root, ["check"]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("1 published, 0 unpublished, 0 invalid");

    const again = await run(root, args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("already exists");
    expect(readFileSync(path.join(root, "content/2026-03-02-rates-rise-again.md"), "utf8")).toBe(text);
  });

  it("refuses an invalid article with the report, and a missing --title as a usage error", async () => {
    const root = makeTempDir("cli-new-bad");
    const bad = await run(root, ["new", "--title", "X", "--url", "javascript:alert(1)", "--provider-name", "P", "--provider-domain", "p.example.com", "--content", "news"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("originalUrl: expected an absolute http(s) URL");
    expect(readdirSync(root)).toEqual([]);
    const usage = await run(root, ["new", "--url", "https://a.example.com/"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--title is required");
    expect((await run(root, ["new", "--help"])).stdout).toContain("Usage: news-digest new");
  });
});

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>RSS Outlet</title><link>https://rss.example.com/</link>
<item><title>Chips &amp; shortages</title><link>https://www.rss.example.com/chips?utm_source=feed</link><description>&lt;p&gt;Fabs are &lt;b&gt;busy&lt;/b&gt;.&lt;/p&gt;</description>
<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate><category>Chips</category><media:content url="https://img.example.net/chips.jpg" medium="image"/></item>
<item><title>Second story</title><link>https://rss.example.com/second</link><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title><id>urn:x</id><updated>2026-03-04T00:00:00Z</updated>
<entry><title>Atom story</title><id>urn:1</id><link href="https://atom.example.org/story"/><updated>2026-03-04T08:00:00Z</updated>
<summary type="html">&lt;em&gt;Summary&lt;/em&gt;   here</summary><category term="Energy"/></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "JSON Outlet",
  items: [
    { id: "1", url: "https://json.example.net/one", title: "JSON one", summary: "<p>Plain <i>text</i></p>", date_published: "2026-03-05T12:00:00Z", tags: ["AI"], image: "https://img.example.net/one.png" },
    // The same story as the RSS feed's first item, by canonical URL.
    { id: "2", url: "https://rss.example.com/chips", title: "Chips again", date_published: "2026-03-05T13:00:00Z" },
  ],
});

describe("news-digest import", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/feed.json") {
        response.writeHead(200, { "content-type": "application/feed+json" }).end(JSON_FEED);
      } else response.writeHead(404).end("no");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("imports RSS, Atom and JSON Feed (over HTTP), dedupes by canonical URL, and adds nothing the second time", async () => {
    const root = makeTempDir("cli-import");
    writeFileSync(path.join(root, "feed.rss"), RSS);
    writeFileSync(path.join(root, "feed.atom"), ATOM);
    // Already in the folder: the RSS feed's second item.
    writeFiles(path.join(root, "content"), { "old.md": articleFile({ title: "Second story", originalUrl: "https://rss.example.com/second/", webUrl: undefined }) });

    const dry = await run(root, ["import", "feed.rss", "--dry-run"]);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("would write content/2026-03-02-chips-and-shortages.md");
    expect(articles(root)).toEqual(["old.md"]);

    const first = await run(root, ["import", "feed.rss", "feed.atom", `${base}/feed.json`]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("[news-digest] import: 3 written, 2 already present, 0 invalid");
    expect(articles(root)).toEqual(["2026-03-02-chips-and-shortages.md", "2026-03-04-atom-story.md", "2026-03-05-json-one.md", "old.md"]);

    const chips = readFileSync(path.join(root, "content/2026-03-02-chips-and-shortages.md"), "utf8");
    expect(chips).toContain("title: Chips & shortages");
    expect(chips).toContain("excerpt: Fabs are busy.");
    expect(chips).toContain("name: RSS Outlet");
    expect(chips).toContain("domain: rss.example.com");
    expect(chips).toContain("url: https://img.example.net/chips.jpg");
    expect(chips).toContain("  - Chips");
    const atom = readFileSync(path.join(root, "content/2026-03-04-atom-story.md"), "utf8");
    expect(atom).toContain("excerpt: Summary here");
    expect(atom).toContain("  - Energy");
    const json = readFileSync(path.join(root, "content/2026-03-05-json-one.md"), "utf8");
    expect(json).toContain("excerpt: Plain text");
    expect(json).toContain("url: https://img.example.net/one.png");

    expect((await run(root, ["check"])).status).toBe(0);

    const second = await run(root, ["import", "feed.rss", "feed.atom", `${base}/feed.json`]);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("[news-digest] import: 0 written, 5 already present, 0 invalid");
    expect(articles(root)).toHaveLength(4);
  });

  it("skips a hostile item with its problems, terminal-safe, and writes the rest sanitised", async () => {
    const root = makeTempDir("cli-import-hostile");
    const hostile = `<?xml version="1.0"?><rss version="2.0"><channel><title>Evil\u0007 Outlet</title>
<item><title>Click</title><link>javascript:alert(1)</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Real\u0001 news\u001b[31m</title><link>https://evil.example.com/real</link><description>&lt;script&gt;steal()&lt;/script&gt;Body</description><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`;
    writeFileSync(path.join(root, "evil.xml"), hostile.replace(/\u0007|\u0001|\u001b/g, ""));
    const json = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items: [{ url: "https://j.example.com/a\u001b[2J", title: "Bad\u001b[2J title\u202e", date_published: "2026-03-02T10:00:00Z" }, { url: "javascript:alert(2)", title: "x\u001b[2J", date_published: "2026-03-02T10:00:00Z" }] });
    writeFileSync(path.join(root, "evil.json"), json);

    const result = await run(root, ["import", "evil.xml", "evil.json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("invalid");
    expect(result.stderr).toContain("skipped invalid item 1 of evil.xml");
    expect(result.stderr).toContain("javascript:alert(1)");
    // Nothing raw reaches the terminal.
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);

    expect(articles(root)).toEqual(["2026-03-02-bad-2j-title.md", "2026-03-02-real-news-31m.md"]);
    for (const file of articles(root)) {
      const text = readFileSync(path.join(root, "content", file), "utf8");
      expect(text).not.toContain("<script");
      expect(text).not.toContain("javascript:");
      // Neither raw nor YAML-escaped: the parsed values hold no control characters either.
      const values = JSON.stringify(yaml.load(text.replace(/^---\n|---\n$/g, "")));
      expect(values).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\u202e/i);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]|\\e/);
    }
    expect(readFileSync(path.join(root, "content/2026-03-02-bad-2j-title.md"), "utf8")).toContain("originalUrl: https://j.example.com/a%1B[2J");
    const real = readFileSync(path.join(root, "content/2026-03-02-real-news-31m.md"), "utf8");
    expect(real).toContain("excerpt: Body");
    expect((await run(root, ["check"])).status).toBe(0);
  });

  it("needs a source, and reports one it cannot read", async () => {
    const root = makeTempDir("cli-import-usage");
    expect((await run(root, ["import"])).status).toBe(2);
    const missing = await run(root, ["import", "nope.xml", `${base}/missing.json`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("could not read nope.xml");
    expect(missing.stderr).toContain("HTTP 404");
    expect(missing.stdout).toContain("0 written, 0 already present, 0 invalid, 2 sources not read");
  });
});

describe("news-digest import of the digest's own feeds", () => {
  it("round-trips a built site's RSS, Atom and JSON feeds into article files that build", async () => {
    const { buildFixture } = await import("../helpers/build-fixture.js");
    const source = await buildFixture({
      name: "cli-roundtrip-source",
      options: { search: false },
      files: {
        "a.md": articleFile({ title: "Rates rise again", originalUrl: "https://a.example.com/rates", provider: { name: "Outlet A", domain: "a.example.com" }, topics: ["Markets", "Rates"] }),
        "b.md": articleFile({ title: "Oil & gas slide", originalUrl: "https://b.example.org/oil", provider: { name: "Outlet B", domain: "b.example.org" }, topics: ["Energy"], publishedDateTime: "2026-03-02T08:30:00Z" }),
      },
    });
    expect(source.error).toBeUndefined();
    const root = makeTempDir("cli-roundtrip");
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) writeFileSync(path.join(root, feed), source.read(`/${feed}`));

    const imported = await run(root, ["import", "feed.xml", "atom.xml", "feed.json"]);
    expect(imported.stderr).toBe("");
    // The three feeds carry the same two stories: written once, then found present.
    expect(imported.stdout).toContain("[news-digest] import: 2 written, 4 already present, 0 invalid");
    expect((await run(root, ["check"])).status).toBe(0);

    const rebuilt = await buildFixture({ name: "cli-roundtrip-build", options: { search: false }, contentDir: path.join(root, "content") });
    expect(rebuilt.error).toBeUndefined();
    const home = rebuilt.read("/");
    expect(home).toContain("Rates rise again");
    expect(home).toContain("Oil &amp; gas slide");
    expect(rebuilt.exists("/topics/markets/")).toBe(true);
  }, 60_000);
});

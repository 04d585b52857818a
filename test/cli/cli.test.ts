import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleFile } from "../helpers/article-file.js";
import { writeFiles } from "../helpers/build-fixture.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { generateCorpus } from "../../bench/generate.js";

const BIN = path.resolve(import.meta.dirname, "../../bin/news-digest.js");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real binary (compiled dist/, built by the global setup) in `cwd`, without the caller's NEWS_DIGEST_CONTENT. */
function run(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const { NEWS_DIGEST_CONTENT: _unset, ...parentEnv } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...parentEnv, ...env } });
  // The summary line's timing is the one thing that changes between runs.
  return { status: result.status, stdout: result.stdout.replace(/ in \d+ ms$/gm, " in N ms"), stderr: result.stderr };
}

/** A temp site folder whose `content/` holds `files`. */
function site(name: string, files: Record<string, string>): string {
  const root = makeTempDir(name);
  writeFiles(path.join(root, "content"), files);
  return root;
}

const provider = (name: string, domain: string) => ({ name, domain });

function validSite(): string {
  return site("cli-valid", {
    "a.md": articleFile({ title: "Rates rise", publishedDateTime: "2026-03-02T09:00:00Z", provider: provider("Outlet A", "a.example.com"), topics: ["Markets", "AI"], originalUrl: "https://a.example.com/rates", webUrl: undefined,
      related: [{ title: "Rates up again", publishedDateTime: "2026-03-02T08:00:00Z", originalUrl: "https://b.example.org/rates", provider: provider("Outlet B", "b.example.org") }] }),
    "b.md": articleFile({ title: "Rates up again", publishedDateTime: "2026-03-02T08:00:00Z", provider: provider("Outlet B", "b.example.org"), topics: ["Markets"], originalUrl: "https://b.example.org/rates", webUrl: undefined }),
    "nested/c.md": articleFile({ title: "Chips shortage", publishedDateTime: "2026-01-15T12:00:00Z", provider: provider("Outlet A", "a.example.com"), topics: ["ai"], originalUrl: "https://a.example.com/chips", webUrl: undefined }),
    "draft.md": articleFile({ title: "Not yet", published: false, originalUrl: "https://a.example.com/draft", webUrl: undefined }),
    "future.md": articleFile({ title: "Tomorrow", publishedDateTime: "2999-01-01T00:00:00Z", provider: provider("Outlet B", "b.example.org"), originalUrl: "https://b.example.org/future", webUrl: undefined }),
  });
}

function invalidSite(): string {
  return site("cli-invalid", {
    "good.md": articleFile({ title: "Fine", publised: false }),
    "bad.md": articleFile({ title: 42, originalUrl: "https://outlet.example.com/bad", webUrl: undefined }),
  });
}

describe("news-digest check", () => {
  it("passes a valid folder: exit 0 and the build's summary line", () => {
    const result = run(validSite(), ["check"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatchInlineSnapshot(`
      "[news-digest] articles: 5 read, 4 published, 1 unpublished, 0 invalid, 0 duplicates, 2 providers, 2 topics, 3 story clusters in N ms
      "
    `);
  });

  it("skips a built output folder inside the content folder (it holds the digest's manifest), with a warning", () => {
    const root = validSite();
    // A site built into content/_site: its robots.txt has an article file's extension.
    writeFiles(path.join(root, "content", "_site"), { ".news-digest-manifest.json": '{"version":2,"files":["/robots.txt"],"addresses":{}}\n', "robots.txt": "User-agent: *\n", "notes.md": "not front matter\n" });
    const result = run(root, ["check"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("content/_site");
    expect(result.stdout).toContain("the output folder, inside the content folder");
    expect(result.stdout).toContain("5 read, 4 published");
    // The same folder without the manifest is content like any other: its files are read and fail.
    const plain = validSite();
    writeFiles(path.join(plain, "content", "_site"), { "notes.md": "not front matter\n" });
    expect(run(plain, ["check"]).status).toBe(1);
  });

  it("fails a folder with a bad file: exit 1, the report names the file and field", () => {
    const result = run(invalidSite(), ["check", "content"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "[news-digest] 1 of 2 article files are invalid:
        content/bad.md
          title: expected a string, received the number 42. Hint: put the value in quotes
        content/good.md
          warning: publised: expected a known article field, received an unknown field set to the boolean false. Hint: did you mean \`published\`? It was ignored
      [news-digest] articles: 2 read, 1 published, 0 unpublished, 1 invalid, 0 duplicates, 1 providers, 1 topics, 1 story clusters, 1 warning in N ms
      "
    `);
  });

  it("passes with warnings only, and reads --content and NEWS_DIGEST_CONTENT", () => {
    const root = makeTempDir("cli-warn");
    writeFiles(root, { "news/good.md": articleFile({ publised: false }) });
    expect(run(root, ["check", "--content", "news"]).status).toBe(0);
    expect(run(root, ["check"], { NEWS_DIGEST_CONTENT: "news" }).status).toBe(0);
    const missing = run(root, ["check"]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("content\n    expected a folder of article files, received nothing (the folder does not exist).");
  });

  it("--json writes the problems as a JSON array", () => {
    const result = run(invalidSite(), ["check", "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: "content/bad.md", field: "title", severity: "error", expected: "a string", received: "the number 42", hint: "put the value in quotes" },
      { file: "content/good.md", field: "publised", severity: "warning", expected: "a known article field", received: "an unknown field set to the boolean false", hint: "did you mean `published`? It was ignored" },
    ]);
    expect(JSON.parse(run(validSite(), ["check", "--format", "json"]).stdout)).toEqual([]);
  });

  it("reads a large folder across threads as a build does, and reports every bad file in the folder's order", () => {
    // 2,400 files: past the reader's 1,000 files a thread, so a two-core machine reads the second half in a worker.
    const root = makeTempDir("cli-large");
    const content = path.join(root, "content");
    generateCorpus({ count: 2400, dir: content, seed: 11, shape: "small" });
    const names = readdirSync(content).filter((name) => name.endsWith(".md")).sort();
    const broken = [names[3], names[1300], names[2399]] as string[];
    for (const name of broken) {
      const file = path.join(content, name);
      writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: [1, 2]"));
    }
    expect(os.availableParallelism() < 2 || names.length / 2 > 1000).toBe(true);
    const result = run(root, ["check", "--json"]);
    expect(result.status).toBe(1);
    const problems = JSON.parse(result.stdout) as { file: string; field: string }[];
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual(broken.map((name) => [`content/${name}`, "title"]));
    expect(JSON.parse(run(root, ["stats", "--json"]).stdout).articles).toMatchObject({ files: 2400, invalid: 3 });
  });

  it("--format github prints one annotation per problem, with the field's line", () => {
    const root = invalidSite();
    writeFiles(path.join(root, "content"), { "odd, name%.md": articleFile({ title: "Odd", originalUrl: "https://outlet.example.com/odd", webUrl: undefined, quality: "high\nhigher" }) });
    const result = run(root, ["check", "--format", "github"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "::error file=content/bad.md,line=3::title: expected a string, received the number 42. Hint: put the value in quotes
      ::warning file=content/good.md,line=28::publised: expected a known article field, received an unknown field set to the boolean false. Hint: did you mean \`published\`? It was ignored
      ::error file=content/odd%2C name%25.md,line=8::quality: expected a number, received the string "high\\nhigher". Hint: use a number, e.g. quality: 80
      [news-digest] articles: 3 read, 1 published, 0 unpublished, 2 invalid, 0 duplicates, 1 providers, 1 topics, 1 story clusters, 1 warning in N ms
      "
    `);
  });
});

describe("usage", () => {
  it("exits 2 with a message on an unknown flag, a missing value or an unknown command", () => {
    const root = validSite();
    const unknown = run(root, ["check", "--strict"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatchInlineSnapshot(`
      "news-digest check: unknown option --strict
      Run "news-digest check --help" for usage.
      "
    `);
    const noValue = run(root, ["stats", "--content"]);
    expect(noValue.status).toBe(2);
    expect(noValue.stderr).toMatchInlineSnapshot(`
      "news-digest stats: --content needs a value
      Run "news-digest stats --help" for usage.
      "
    `);
    expect(run(root, ["check", "--content", "--json"]).stderr).toContain("--content needs a value");
    const command = run(root, ["build"]);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatchInlineSnapshot(`
      "news-digest: unknown command "build"
      Run "news-digest --help" for usage.
      "
    `);
    const zone = run(root, ["check", "--time-zone", "Mars/Olympus"]);
    expect(zone.status).toBe(2);
    expect(zone.stderr).toMatchInlineSnapshot(`
      "news-digest check: --time-zone: expected an IANA time zone such as "UTC" or "Europe/Berlin", received the string "Mars/Olympus"
      Run "news-digest check --help" for usage.
      "
    `);
    expect(run(root, ["check", "--format", "xml"]).status).toBe(2);
    expect(run(root, []).status).toBe(2);
  });

  it("--help exits 0 on the top level and on each command", () => {
    const root = validSite();
    const top = run(root, ["--help"]);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatchInlineSnapshot(`
      "Usage: news-digest <command> [dir] [options]

      Commands:
        check [dir]   validate a content folder without building (exit 1 when a file is invalid)
        stats [dir]   count articles, providers, topics, story clusters and dates
        new           write one article file from flags (--title, --url, ...)
        import <src>  turn RSS, Atom and JSON Feed files or URLs into article files

      The content folder is [dir] or --content <dir>, else $NEWS_DIGEST_CONTENT, else "content".
      Run "news-digest <command> --help" for a command's options.

      Exit status: 0 success, 1 invalid content, 2 usage error.
      "
    `);
    for (const command of ["check", "stats"]) {
      const help = run(root, [command, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`Usage: news-digest ${command} [dir] [options]`);
      expect(help.stdout).toContain("--time-zone <zone>");
    }
  });
});

describe("news-digest stats", () => {
  it("prints the counts as text", () => {
    const result = run(validSite(), ["stats", "--future-articles", "hold"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Articles: 3 published, 1 unpublished, 1 held (5 files read, 0 invalid, 0 duplicates)
      Dates: 2026-01-15T12:00:00.000Z to 2026-03-02T09:00:00.000Z

      Providers: 2
            2  Outlet A (a.example.com)
            1  Outlet B (b.example.org)

      Topics: 2
            2  AI
            2  Markets

      Story clusters: 2
            1  cluster of 1 item
            1  cluster of 2 items
        largest:
            2  items, 2 outlets: Rates rise
            1  item, 1 outlet: Chips shortage
      "
    `);
  });

  it("--json gives the counts as an object", () => {
    const result = run(validSite(), ["stats", "content", "--json", "--future-articles", "hold"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      articles: { files: 5, published: 3, unpublished: 1, held: 1, invalid: 0, duplicates: 0 },
      providers: { total: 2, top: [{ name: "Outlet A", domain: "a.example.com", count: 2 }, { name: "Outlet B", domain: "b.example.org", count: 1 }] },
      topics: { total: 2, top: [{ topic: "AI", count: 2 }, { topic: "Markets", count: 2 }] },
      clusters: { total: 2, bySize: [{ size: 1, clusters: 1 }, { size: 2, clusters: 1 }], largest: [{ size: 2, outlets: 2, title: "Rates rise" }, { size: 1, outlets: 1, title: "Chips shortage" }] },
      dates: { oldest: "2026-01-15T12:00:00.000Z", newest: "2026-03-02T09:00:00.000Z" },
    });
  });

  it("escapes control characters from files, and exits 1 without a content folder", () => {
    const root = site("cli-hostile", { "a.md": articleFile({ topics: ["evil\u009b2Jtopic", "rtl\u202eklat"] }) });
    const text = run(root, ["stats"]);
    expect(text.stdout).toContain("evil\\x9b2Jtopic");
    expect(text.stdout).toContain("rtl\\u202eklat");
    expect(text.stdout).not.toMatch(/[\u009b\u202e]/);
    const json = run(root, ["stats", "--json"]);
    expect(json.stdout).not.toMatch(/[\u009b\u202e]/);
    expect(JSON.parse(json.stdout).topics.top.map((t: { topic: string }) => t.topic).sort()).toEqual(["evil\u009b2Jtopic", "rtl\u202eklat"]);
    const missing = run(root, ["stats", "nowhere"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatchInlineSnapshot(`
      "[news-digest] stats: nowhere is not a folder of article files; set [dir], --content or NEWS_DIGEST_CONTENT
      "
    `);
  });
});

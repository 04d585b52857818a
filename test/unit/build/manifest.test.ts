import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FILE, ManifestFile, readManifest, writeManifest } from "../../../src/build/manifest.js";
import { isBundleComplete, SEARCH_FINGERPRINT_PATH } from "../../../src/build/search-bundle.js";
import { makeTempDir } from "../../helpers/temp-dir.js";

const files = new Set(["/index.html", "/articles/a/index.html"]);
const addresses = new Map([["/articles/a/", "https://outlet.example/a"]]);

describe("ManifestFile", () => {
  it("writes only what the folder's manifest does not already say", () => {
    const dir = makeTempDir("manifest");
    writeManifest(dir, files, addresses);
    const file = path.join(dir, MANIFEST_FILE);
    // A mark the parser ignores: it stays only while the file is not written again.
    writeFileSync(file, `${readFileSync(file, "utf8")} `);
    const manifest = new ManifestFile(dir);
    expect(manifest.lists()).toEqual({ files, addresses });
    manifest.write(new Set(files), new Map(addresses));
    expect(readFileSync(file, "utf8").endsWith(" ")).toBe(true);

    const more = new Set([...files, "/feed.xml"]);
    manifest.write(more, addresses);
    expect(readManifest(dir).files).toEqual(more);
    writeFileSync(file, `${readFileSync(file, "utf8")} `);
    manifest.write(more, addresses);
    expect(readFileSync(file, "utf8").endsWith(" ")).toBe(true);
    manifest.write(more, new Map([["/articles/a/", "https://outlet.example/b"]]));
    expect(readManifest(dir).addresses.get("/articles/a/")).toBe("https://outlet.example/b");

    rmSync(file);
    manifest.write(more, new Map([["/articles/a/", "https://outlet.example/b"]]));
    expect(readManifest(dir).files).toEqual(more);
  });

  it("writes an older version's manifest again, whatever it lists", () => {
    const dir = makeTempDir("manifest-v1");
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ version: 1, files: [...files] }));
    const manifest = new ManifestFile(dir);
    manifest.write(files, new Map());
    expect(JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), "utf8")).version).toBe(2);
  });
});

describe("isBundleComplete", () => {
  const bundle = [SEARCH_FINGERPRINT_PATH, "/pagefind/pagefind.js", "/pagefind/fragment/en_1.pf_fragment"];
  const writeBundle = (dir: string, sitePaths: readonly string[]): void => {
    for (const sitePath of sitePaths) {
      const target = path.join(dir, sitePath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, "x");
    }
  };

  it("is true only while every listed file is in pagefind/", () => {
    const dir = makeTempDir("bundle");
    writeBundle(dir, bundle);
    expect(isBundleComplete(dir, bundle)).toBe(true);
    rmSync(path.join(dir, "pagefind/fragment/en_1.pf_fragment"));
    expect(isBundleComplete(dir, bundle)).toBe(false);
  });

  it("is false without the entry file or script, and when pagefind is a file", () => {
    const dir = makeTempDir("bundle-file");
    writeBundle(dir, bundle);
    expect(isBundleComplete(dir, bundle.slice(1))).toBe(false);
    rmSync(path.join(dir, "pagefind"), { recursive: true });
    writeFileSync(path.join(dir, "pagefind"), "not a folder");
    expect(isBundleComplete(dir, bundle)).toBe(false);
  });
});

// Vitest setup file: runs in every test file's context before the file itself, so the hooks
// registered here are the file's outermost ones.
import { afterAll } from "vitest";
import { makeTempDir, removeTempDirs } from "./helpers/temp-dir.js";

// Each test file's builds keep their persistent build cache in a folder of their own, never in the
// checkout's .cache/ where another file's builds (or a developer's) would meet them.
process.env.NEWS_DIGEST_CACHE = makeTempDir("build-cache");

// Registered first, so with vitest's default `sequence.hooks: "stack"` it runs after the file's
// own afterAll hooks: browsers, static servers and watchers are closed before their folders go.
afterAll(removeTempDirs);

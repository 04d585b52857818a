// Vitest setup file: runs in every test file's context before the file itself, so the hooks
// registered here are the file's outermost ones.
import { afterAll } from "vitest";
import { removeTempDirs } from "./helpers/temp-dir.js";

// Registered first, so with vitest's default `sequence.hooks: "stack"` it runs after the file's
// own afterAll hooks: browsers, static servers and watchers are closed before their folders go.
afterAll(removeTempDirs);

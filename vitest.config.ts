import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Compiles dist/ first: worker threads run it even when the tests run the TypeScript source.
    globalSetup: ["test/global-setup.ts"],
    // Removes each test file's temporary folders (test/helpers/temp-dir.ts) after its last test.
    setupFiles: ["test/setup.ts"],
    // Integration and browser tests run real Eleventy builds and Chromium: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});

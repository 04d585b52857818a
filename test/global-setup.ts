import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { chromiumPath } from "./helpers/browser.js";

const root = path.resolve(import.meta.dirname, "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
/** tsc's exit status when it reported errors but still wrote every output file (ts.ExitStatus). */
const DIAGNOSTICS_PRESENT_OUTPUTS_GENERATED = 2;

/**
 * Compiles src/ and plugin/ into dist/ (`tsc -p tsconfig.build.json`, the `build` script). Worker
 * threads always run compiled JavaScript: when the code under test runs from its TypeScript
 * source, src/worker-url.ts points them at dist/, so a stale dist/ would test old worker code
 * next to new calling code.
 *
 * Type errors do not stop the run (tsc still writes dist/, and `npm test` has type-checked
 * everything before vitest starts); they are printed. Anything that leaves dist/ unwritten does.
 */
function build(): void {
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  if (result.status === 0) return;
  if (result.status === DIAGNOSTICS_PRESENT_OUTPUTS_GENERATED) {
    console.warn(`[global-setup] dist/ was built, but tsc -p tsconfig.build.json reported type errors:\n${output}`);
    return;
  }
  throw new Error(`tsc -p tsconfig.build.json did not build dist/ (what worker threads run), so the tests would run stale code:\n${output || result.error?.message || `exit status ${result.status}`}`);
}

/** Vitest global setup: runs once per run in the main process, before any test file, and again before each watch-mode rerun. */
export default async function setup(project: TestProject): Promise<void> {
  build();
  // Resolved once here, so test files running in parallel never unpack the packaged Chromium at the same time.
  process.env.CHROMIUM_PATH = await chromiumPath();
  project.onTestsRerun(() => build());
}

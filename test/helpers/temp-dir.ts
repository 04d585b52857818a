import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Every folder `makeTempDir` made in this test file, removed by `removeTempDirs`. */
const made: string[] = [];

/**
 * A new empty folder under the system's temp folder, named `nd-<name>-XXXXXX`. test/setup.ts
 * removes it once every test of the file that made it has finished (an `afterAll` that runs after
 * the file's own, so a server or watcher closed there is already done with it). Set
 * ND_KEEP_TEMP=1 to keep the folders for a look after the run.
 */
export function makeTempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `nd-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `makeTempDir` made so far. */
export function removeTempDirs(): void {
  if (process.env.ND_KEEP_TEMP) return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

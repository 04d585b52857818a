import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NewsDigestError } from "../errors.js";

/** Resolves a site-relative output path inside `outputDir`, refusing anything that would land outside it. */
export function resolveInside(outputDir: string, sitePath: string): string {
  const root = path.resolve(outputDir);
  const target = path.resolve(root, `.${path.posix.normalize(`/${sitePath}`)}`);
  if (target !== root && !target.startsWith(root + path.sep)) {
    throw new NewsDigestError(`refused to write ${JSON.stringify(sitePath)}: it resolves outside the output folder ${root}.`);
  }
  return target;
}

/**
 * Writes generated files one at a time as they are produced, so a 100,000-article site never
 * holds every feed in memory at once. Returns files and bytes written.
 */
export function writeOutputFiles(outputDir: string, files: Iterable<{ path: string; contents: string | Uint8Array }>): { files: number; bytes: number } {
  const made = new Set<string>();
  let count = 0;
  let bytes = 0;
  for (const file of files) {
    const target = resolveInside(outputDir, file.path);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(target, file.contents);
    count++;
    bytes += typeof file.contents === "string" ? Buffer.byteLength(file.contents) : file.contents.byteLength;
  }
  return { files: count, bytes };
}

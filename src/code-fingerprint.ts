import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** This package's code root: `dist/src` when compiled, `src` when the tests run the TypeScript source. */
const CODE_ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * A hash of some of this package's own code, for what the persistent build cache keeps: a
 * feed's fingerprint or a parsed article is only good for the code that made it, and an upgrade
 * (or a rebuilt checkout) must not be answered from the cache of the old code.
 *
 * Each part is a folder under the code root, whose `.js`/`.ts` files are hashed, or a module
 * there named without its extension (`"errors"`), hashed in whichever form exists.
 */
export function codeFingerprint(parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) {
    const dir = path.join(CODE_ROOT, part);
    if (existsSync(dir)) {
      for (const name of readdirSync(dir).sort()) if (/\.(js|ts)$/.test(name)) hash.update(`${part}/${name}`).update(readFileSync(path.join(dir, name)));
      continue;
    }
    for (const extension of [".js", ".ts"]) {
      const file = `${dir}${extension}`;
      if (existsSync(file)) hash.update(`${part}${extension}`).update(readFileSync(file));
    }
  }
  return hash.digest("base64");
}

/** `name@version` of each dependency, for cache keys: an update can change what the same input turns into. */
export function dependencyVersions(names: readonly string[]): string {
  const require = createRequire(import.meta.url);
  const versionOf = (name: string): string => {
    try {
      return (require(`${name}/package.json`) as { version?: string }).version ?? "?";
    } catch {
      // A release that stops exporting its package.json must not stop the build; its code is then not told apart.
      return "?";
    }
  };
  return names.map((name) => `${name}@${versionOf(name)}`).join(" ");
}

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { NewsDigestError } from "../errors.js";

/**
 * The Pagefind executable that the `pagefind` package installed for this platform, found the way
 * the package's own runner finds it (its `*_BINARY_PATH` variables first). The indexer runs it as
 * a child process it owns, instead of through the package's Node API: that API's service
 * inherits stderr (a panic is printed on the user's terminal, not reported) and leaves a defunct
 * child behind on every build; a process of our own has its output captured and is always waited for.
 */
export function pagefindBinary(): string {
  const names = ["pagefind_extended", "pagefind"];
  for (const name of names) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const require = createRequire(fileURLToPath(import.meta.resolve("pagefind")));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === "windows" ? ".exe" : ""}`);
    } catch {
      // Try the next name: the extended build is preferred (it segments CJK text), the plain one serves.
    }
  }
  throw new NewsDigestError(`search needs Pagefind, and no Pagefind binary for ${platform}-${process.arch} is installed: run npm install again (its optional @pagefind/${platform}-${process.arch} package was skipped), set PAGEFIND_BINARY_PATH, or turn search off with search: false.`);
}

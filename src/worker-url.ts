/**
 * The URL of a compiled worker module next to `fromModule`. Workers run compiled JavaScript; when
 * the calling module itself runs from its TypeScript source (the test suite, which builds dist/
 * first), the compiled copy in dist/ serves.
 */
export function workerUrl(fromModule: string, name: string): URL {
  if (!fromModule.endsWith(".ts")) return new URL(`./${name}.js`, fromModule);
  const sourceRoot = fromModule.slice(0, fromModule.lastIndexOf("/src/") + 1);
  const relative = new URL(`./${name}.js`, fromModule).href.slice(sourceRoot.length);
  return new URL(`dist/${relative}`, sourceRoot);
}

/** The slice of Eleventy 3's configuration API this plugin calls (Eleventy ships no type definitions). */
export interface EleventyEventArgs {
  directories: { input: string; output: string };
  runMode: "build" | "watch" | "serve";
  outputMode: string;
  /** After the build only: every page Eleventy wrote. */
  results?: { inputPath: string; outputPath: string | false; url: string }[];
}

export interface EleventyConfig {
  pathPrefix?: string;
  /** Eleventy's --quiet. */
  quietMode?: boolean;
  ignores: { add(glob: string): void };
  versionCheck(range: string): void;
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => unknown, options?: Options): unknown;
  addTemplate(virtualPath: string, template: { data: Record<string, unknown>; render(): string }): void;
  addCollection(name: string, build: () => unknown[]): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addWatchTarget(path: string): void;
  on(event: "eleventy.before" | "eleventy.after", handler: (args: EleventyEventArgs) => Promise<void>): void;
  on(event: "eleventy.contentMap", handler: (map: { inputPathToUrl: Record<string, (string | false)[]> }) => Promise<void>): void;
}

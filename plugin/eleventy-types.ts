/**
 * The narrow slice of Eleventy 3's configuration API this plugin calls. Eleventy ships no type
 * definitions, so this declares exactly what is used instead of reaching for `any`.
 */
export interface EleventyDirectories {
  input: string;
  output: string;
}

export interface EleventyEventArgs {
  directories: EleventyDirectories;
  runMode: "build" | "watch" | "serve";
  outputMode: string;
  incremental: boolean;
  /** After the build only: every page Eleventy wrote. */
  results?: { inputPath: string; outputPath: string | false; url: string }[];
}

export interface VirtualTemplate<Data> {
  data: Record<string, unknown>;
  render(this: unknown, data: Data): string;
}

export interface EleventyConfig {
  pathPrefix?: string;
  directories?: Partial<EleventyDirectories>;
  ignores: { add(glob: string): void };
  versionCheck(range: string): void;
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => unknown, options?: Options): unknown;
  addTemplate<Data>(virtualPath: string, template: VirtualTemplate<Data> | string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addCollection(name: string, build: () => unknown[]): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
  on(event: "eleventy.before", handler: (args: EleventyEventArgs) => Promise<void> | void): void;
  on(event: "eleventy.after", handler: (args: EleventyEventArgs) => Promise<void> | void): void;
  setServerOptions?(options: Record<string, unknown>): void;
}

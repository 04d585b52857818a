// Eleventy ships no type definitions; this declares the programmatic API the tests and bench use.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    quietMode?: boolean;
    /** A path, or false to load no config file. */
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: EleventyUserConfig) => unknown;
  }
  /** The plugin's slice of the config API, plus the calls the benchmark's plain floor site makes. */
  type PluginConfig = import("../plugin/eleventy-types.js").EleventyConfig;
  export interface EleventyUserConfig extends PluginConfig {
    addTemplate(virtualPath: string, template: string | { data: Record<string, unknown>; render(): string }): void;
    addGlobalData(name: string, value: unknown): void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** What the file watcher runs before a rebuild (Eleventy.js #watch). */
    restart(): Promise<void>;
    init(options?: Record<string, unknown>): Promise<void>;
    toJSON(): Promise<unknown>;
    /** Builds, then rebuilds on every change until stopWatch(), as `eleventy --watch` does. */
    watch(): Promise<unknown>;
    stopWatch(): Promise<void>;
  }
}

// Eleventy ships no type definitions; this declares the programmatic API the tests and bench use.
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    quietMode?: boolean;
    /** A path, or false to load no config file. */
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: import("../plugin/eleventy-types.js").EleventyConfig) => unknown;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** What the file watcher runs before a rebuild (Eleventy.js #watch). */
    restart(): Promise<void>;
    init(options?: Record<string, unknown>): Promise<void>;
    toJSON(): Promise<unknown>;
  }
}

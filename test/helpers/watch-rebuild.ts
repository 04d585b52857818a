import type Eleventy from "@11ty/eleventy";
import type { DigestBuild } from "../../src/build/digest-build.js";

/** One rebuild the way Eleventy's file watcher runs it (restart, init, write: Eleventy.js #watch), then the background search. */
export async function rebuildLikeWatcher(elev: Eleventy, build: DigestBuild): Promise<void> {
  await elev.restart();
  await elev.init();
  await elev.write();
  await build.idle();
}

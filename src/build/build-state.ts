import type { Digest } from "../digest.js";
import type { listFeeds } from "../feeds/index.js";
import type { LayoutKit } from "../site/kit.js";
import type { LoadedLayouts } from "../site/load-layouts.js";
import type { SiteIndex } from "../site/pages.js";

/** What the site's templates, collections and filters read during one build; replaced by the next. */
export interface BuildState {
  digest: Digest;
  site: SiteIndex;
  kit: LayoutKit;
  loaded: LoadedLayouts;
  feeds: ReturnType<typeof listFeeds>;
}

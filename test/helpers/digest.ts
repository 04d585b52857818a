import { createDigest, resolveOptions, type Digest, type NewsDigestOptions } from "../../src/index.js";
import { validateFile } from "../../src/article/read-folder.js";
import type { ArticleDraft } from "../../src/article/validate.js";
import type { Problem } from "../../src/errors.js";

/**
 * A digest from article file texts through the real read → validate → group pipeline, without
 * touching the disk. Keys are file names.
 */
export function digestFromFiles(files: Record<string, string>, options: Partial<NewsDigestOptions> = {}, now?: Date): Digest {
  const resolved = resolveOptions(options);
  const drafts: ArticleDraft[] = [];
  const problems: Problem[] = [];
  for (const [file, text] of Object.entries(files)) {
    const result = validateFile(file, Buffer.from(text), resolved.timeZone);
    if (result.draft) drafts.push(result.draft);
    problems.push(...result.problems);
  }
  return createDigest({ files: Object.keys(files), drafts, problems }, resolved, now);
}

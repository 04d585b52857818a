/**
 * Caps on what one page or feed item repeats about an article. Each article is shown on many
 * pages (its own, the home page, its provider's and every topic's page, and their feeds), so a
 * list that grew with the article would make the output grow with the square of the input: one
 * file with 4,000 topics wrote 3.45 GB, 2,000 files on one story 733 MiB. With these caps the
 * output stays linear in the input. Where a list is cut, the total is passed along too, so a
 * layout can say how many more there are.
 */

/** Topics a card (home, provider and topic pages) lists; the article's own page lists them all. */
export const CARD_TOPICS = 10;

/** Other outlets a card names after its "+N outlets" (the article page lists up to {@link ALSO_COVERED_OUTLETS}). */
export const CARD_OUTLETS = 3;

/** Other outlets an article page lists under "Also covered by". */
export const ALSO_COVERED_OUTLETS = 20;

/** Topics one feed item carries as categories (RSS, Atom) or tags (JSON Feed). */
export const FEED_CATEGORIES = 10;

/** Other outlets one feed item lists in its content ("Also covered by"), by name: each item is in about 13 feed files. */
export const FEED_COVERAGE_OUTLETS = 5;

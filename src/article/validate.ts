import type { Problem } from "../errors.js";
import type { Coverage } from "./types.js";
import type { ParsedFile } from "./read.js";
import { tidyLine, tidyText } from "./text.js";
import { ARTICLE_FIELDS, ARTICLE_ONLY_FIELDS, RELATED_ITEM_FIELDS } from "./schema.js";
import { FieldReader, type ValidationContext } from "./field-reader.js";
import { readCoverage } from "./coverage.js";

export type { ValidationContext } from "./field-reader.js";

/** An article after validation and normalisation, before the site gives it a slug. */
export interface ArticleDraft extends Coverage {
  sourceFile: string;
  publishedMs: number;
  published: boolean;
  topics: string[];
  related: Coverage[];
  body: string;
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** Most topics and related items one article may have: past these, every topic page and card would repeat a list as long as the file. */
export const MAX_TOPICS = 100;
export const MAX_RELATED = 200;

/** The first `max` entries of a list; the rest are left out with one warning. */
function capped(reader: FieldReader, list: unknown[], max: number, field: string): unknown[] {
  if (list.length <= max) return list;
  reader.warn(field, `at most ${max} items`, list, `only the first ${max} were kept`);
  return list.slice(0, max);
}

/**
 * A related item is another outlet's data: one with a bad URL or a missing required field is
 * dropped with warnings naming its field paths, and the article itself still builds. Each item is
 * read on its own reader, so checks over "problems so far" see only its own.
 */
function readRelatedItem(file: string, context: ValidationContext, entry: unknown, at: string): { coverage?: Coverage; problems: Problem[] } {
  const reader = new FieldReader(file, context);
  if (!isMapping(entry)) reader.error(at, "a mapping with title, publishedDateTime, webUrl and provider", entry);
  else reader.unknownFields(entry, at, RELATED_ITEM_FIELDS, "a known related-item field", ARTICLE_ONLY_FIELDS);
  const coverage = isMapping(entry) ? readCoverage(reader, entry, at) : undefined;
  if (!reader.hasErrors() && coverage) return { coverage, problems: reader.problems };
  const problems = reader.problems.map((p) => (p.severity === "error" ? { ...p, severity: "warning" as const, hint: `${p.hint ? `${p.hint}; ` : ""}the related item was dropped, the article still builds` } : p));
  return { problems };
}

/**
 * Checks one parsed file against the article schema (schema.ts) and normalises it. Returns the
 * draft only when there are no errors; warnings (dropped optional URLs) come back either way.
 */
export function validateArticle(parsed: ParsedFile, context: ValidationContext): { draft?: ArticleDraft; problems: Problem[] } {
  const A = ARTICLE_FIELDS.field;
  const reader = new FieldReader(parsed.file, context);
  const fields = parsed.data;
  reader.unknownFields(fields, "", ARTICLE_FIELDS, "a known article field");
  const coverage = readCoverage(reader, fields, "");
  const published = reader.boolean(fields, A.published, "");
  reader.opaque(fields, A.secured, "");

  const topics: string[] = [];
  capped(reader, reader.list(fields, A.topics, ""), MAX_TOPICS, "topics").forEach((topic, index) => {
    const name = typeof topic === "string" ? tidyLine(topic) : "";
    if (name === "") {
      reader.error(`topics[${index}]`, "a non-empty topic name", topic);
      return;
    }
    topics.push(reader.keep(name));
  });

  const related: Coverage[] = [];
  capped(reader, reader.list(fields, A.related, ""), MAX_RELATED, "related").forEach((entry, index) => {
    const item = readRelatedItem(parsed.file, context, entry, `related[${index}]`);
    reader.problems.push(...item.problems);
    if (item.coverage) related.push(context.shared?.relatedItem(item.coverage) ?? item.coverage);
  });

  if (reader.hasErrors() || !coverage) return { problems: reader.problems };
  return {
    draft: {
      ...coverage,
      sourceFile: parsed.file,
      publishedMs: Date.parse(coverage.publishedAt),
      // The samples always say; a file that omits the field is taken as published, the common case.
      published: published ?? true,
      topics,
      related,
      body: reader.keep(tidyText(parsed.body)),
    },
    problems: reader.problems,
  };
}
